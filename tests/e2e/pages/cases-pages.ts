import type { Locator, Page } from '@playwright/test';

/** 案件队列: a studio's queue. */
export class QueuePage {
  constructor(private readonly page: Page) {}

  async chooseStudio(name: string) {
    await this.page.getByRole('combobox', { name: '工作室' }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  row(caseNumber: string): Locator {
    return this.page.getByRole('row').filter({ hasText: caseNumber });
  }
}

/** One case: header and tabs. */
export class CasePage {
  constructor(private readonly page: Page) {}

  number(): Locator {
    return this.page.getByTestId('case-number');
  }

  async openTab(name: string) {
    await this.page.getByRole('tab', { name }).click();
  }

  panel(): Locator {
    return this.page.getByRole('tabpanel');
  }
}
