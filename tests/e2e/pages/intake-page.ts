import type { Locator, Page } from '@playwright/test';

export interface PersonEntry {
  readonly name: string;
  readonly sex?: '男' | '女';
  readonly id?: string;
  readonly phone?: string;
}

export interface OrganizationEntry {
  readonly name: string;
  readonly creditCode?: string;
}

/** 受理登记: parties, dispute, routing. Labels in Chinese (the default language). */
export class IntakePage {
  constructor(private readonly page: Page) {}

  party(index: number): Locator {
    return this.page.getByTestId(`party-${index}`);
  }

  async fillPerson(index: number, person: PersonEntry) {
    const card = this.party(index);
    await card.getByLabel(/^姓名/).fill(person.name);
    if (person.sex) await card.getByText(person.sex, { exact: true }).click();
    if (person.id) await card.getByLabel('身份证号码').fill(person.id);
    if (person.phone) await card.getByLabel('联系电话').fill(person.phone);
  }

  async fillOrganization(index: number, org: OrganizationEntry) {
    const card = this.party(index);
    await card.getByText('单位', { exact: true }).click();
    await card.getByLabel(/^单位名称/).fill(org.name);
    if (org.creditCode) await card.getByLabel('统一社会信用代码').fill(org.creditCode);
  }

  async choose(label: RegExp, option: string) {
    await this.page.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async fillDispute(category: string, summary: string) {
    await this.choose(/^纠纷类别/, category);
    await this.page.getByLabel(/^纠纷简要情况/).fill(summary);
  }

  studio(): Locator {
    return this.page.getByRole('combobox', { name: /^分派工作室/ });
  }

  /** Saves with the keyboard, as a receptionist does. */
  async saveWithKeyboard() {
    await this.page.getByLabel(/^纠纷简要情况/).press('Control+Enter');
  }

  savedAlert(): Locator {
    return this.page.getByTestId('intake-saved');
  }

  async savedNumber(): Promise<string> {
    const text = await this.savedAlert().innerText();
    const match = /（\d{4}）\S+号/.exec(text);
    if (match === null) throw new Error(`No case number in: ${text}`);
    return match[0];
  }
}
