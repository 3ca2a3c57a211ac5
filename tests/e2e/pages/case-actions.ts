import type { Locator, Page } from '@playwright/test';

/** The case page's action bar and its dialogs. */
export class CaseActionsBar {
  constructor(private readonly page: Page) {}

  bar(): Locator {
    return this.page.getByTestId('case-actions');
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async open(action: string) {
    await this.bar().getByRole('button', { name: action, exact: true }).click();
    await this.dialog().waitFor();
  }

  /** Confirms the open dialog with its main button (named like the action). */
  async confirm(action: string) {
    await this.dialog().getByRole('button', { name: action, exact: true }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async choose(label: string, option: string) {
    await this.dialog().getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async fill(label: string, text: string) {
    await this.dialog().getByLabel(label).fill(text);
  }
}
