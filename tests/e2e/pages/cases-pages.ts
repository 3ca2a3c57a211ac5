import type { Locator, Page } from '@playwright/test';

/** 案件: the case list with its filter bar, sortable virtualized table and saved filters. */
export class CaseListPage {
  constructor(protected readonly page: Page) {}

  /** The scrolling table (role table); only a window of its rows is in the DOM. */
  list(): Locator {
    return this.page.getByTestId('case-list');
  }

  /** Data rows now in the DOM (the header row excluded). */
  rows(): Locator {
    return this.list().locator('[role="row"][data-row]');
  }

  row(caseNumber: string): Locator {
    return this.page.getByRole('row').filter({ hasText: caseNumber });
  }

  /** "共 N 件". */
  count(): Locator {
    return this.page.getByTestId('case-count');
  }

  empty(): Locator {
    return this.page.getByTestId('case-list-empty');
  }

  /** Case numbers of the rows in the DOM, top to bottom. */
  async numbers(): Promise<string[]> {
    const rows = await this.rows().evaluateAll((elements) =>
      elements
        .map((e) => ({
          index: Number(e.getAttribute('data-row')),
          number: e.querySelector('[role="cell"]')?.textContent ?? '',
        }))
        .sort((a, b) => a.index - b.index),
    );
    return rows.map((r) => r.number);
  }

  searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: '搜索' });
  }

  async search(text: string) {
    await this.searchBox().fill(text);
  }

  /** Adds an option to one of the filter bar's multiple choices (工作室, 状态, 类别, ...). */
  async pick(label: string, option: string) {
    await this.page.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.keyboard.press('Escape');
  }

  async clearChoice(label: string) {
    const clear = this.page.getByRole('button', { name: `清除“${label}”` });
    if (await clear.isVisible()) await clear.click();
  }

  /** Shows one studio's cases only. */
  async chooseStudio(name: string) {
    await this.clearChoice('工作室');
    await this.pick('工作室', name);
  }

  async chooseStatus(name: string) {
    await this.clearChoice('状态');
    await this.pick('状态', name);
  }

  async clearFilters() {
    await this.page.getByRole('button', { name: '清除筛选' }).first().click();
  }

  columnHeader(name: string): Locator {
    return this.page.getByRole('columnheader', { name });
  }

  async sortBy(column: string) {
    await this.columnHeader(column).getByRole('button').click();
  }

  savedFiltersButton(): Locator {
    return this.page.getByTestId('saved-filters');
  }

  async saveFilter(name: string) {
    await this.savedFiltersButton().click();
    await this.page.getByRole('button', { name: '保存当前筛选…' }).click();
    const dialog = this.page.getByRole('dialog', { name: '保存当前筛选' });
    await dialog.getByLabel(/^名称/).fill(name);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  savedFilters(): Locator {
    return this.page.getByRole('list', { name: '已保存的筛选' }).getByRole('listitem');
  }

  async applySaved(name: string) {
    await this.savedFiltersButton().click();
    await this.savedFilters().getByRole('button', { name, exact: true }).click();
  }

  async deleteSaved(name: string) {
    await this.savedFiltersButton().click();
    await this.page.getByRole('button', { name: `删除筛选“${name}”` }).click();
    const confirm = this.page.getByRole('dialog', { name: '删除已保存的筛选' });
    await confirm.getByRole('button', { name: '删除' }).click();
    await confirm.waitFor({ state: 'detached' });
  }
}

/** The former name of the case list page (the studio queue grew into the case list). */
export class QueuePage extends CaseListPage {}

/** Ctrl+K: the command palette. */
export class CommandPalette {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.keyboard.press('Control+K');
    await this.input().waitFor();
  }

  input(): Locator {
    return this.page.getByRole('textbox', { name: '输入案号、当事人姓名、身份证号或电话' });
  }

  caseResults(): Locator {
    return this.page.getByTestId('palette-case');
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
