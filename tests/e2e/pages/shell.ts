import type { Page } from '@playwright/test';

/** The app shell: navigation and language. Works the same in the preview and in Electron. */
export class Shell {
  constructor(private readonly page: Page) {}

  async open(label: string) {
    await this.page
      .getByRole('navigation', { name: 'main navigation' })
      .getByText(label, { exact: true })
      .click();
  }

  async switchLanguage(to: '中文' | 'EN') {
    await this.page
      .getByRole('radiogroup', { name: /语言|Language/ })
      .getByText(to, { exact: true })
      .click();
  }
}
