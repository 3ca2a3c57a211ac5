import type { Page } from '@playwright/test';

/** First-start screen: create the first account. */
export class SetupPage {
  constructor(private readonly page: Page) {}

  async createAccount(displayName: string, username: string, password: string) {
    await this.page.getByLabel(/^姓名/).fill(displayName);
    await this.page.getByLabel(/^用户名/).fill(username);
    await this.page.getByLabel(/^密码/).fill(password);
    await this.page.getByLabel(/^再次输入密码/).fill(password);
    await this.page.getByRole('button', { name: '创建账户并登录' }).click();
    await this.page.getByRole('navigation', { name: 'main navigation' }).waitFor();
  }
}
