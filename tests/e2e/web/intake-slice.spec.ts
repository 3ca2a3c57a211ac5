import { centerYear } from '../../../src/cases/case-number';
import { expect, intakeCounts, test } from '../fixtures';
import { CasePage, QueuePage } from '../pages/cases-pages';
import { IntakePage } from '../pages/intake-page';
import { SetupPage } from '../pages/setup-page';
import { Shell } from '../pages/shell';
import { HOSPITAL, LI_NA, ZHANG_WEI } from '../people';

test.beforeEach(async ({ page, preview }) => {
  await page.goto(preview.url);
  await new SetupPage(page).createAccount('王芳', 'wangfang', 'reception-pass-1');
});

test('a receptionist registers a dispute with two parties; it appears in the studio queue and opens', async ({
  page,
}) => {
  const shell = new Shell(page);
  const intake = new IntakePage(page);
  await shell.open('受理登记');
  await intake.fillPerson(0, {
    name: ZHANG_WEI.name,
    sex: '男',
    id: ZHANG_WEI.id,
    phone: ZHANG_WEI.phone,
  });
  await intake.fillOrganization(1, HOSPITAL);
  await intake.fillDispute('医疗纠纷', '患者术后感染，双方就赔偿金额协商未果。');
  // The studio follows the category until the receptionist picks one.
  await expect(intake.studio()).toHaveValue('医疗纠纷调解工作室');
  await intake.saveWithKeyboard();

  await expect(intake.savedAlert()).toBeVisible();
  const number = await intake.savedNumber();
  expect(number).toBe(`（${centerYear(new Date())}）矛医调字第0001号`);

  await shell.open('案件');
  const queue = new QueuePage(page);
  await queue.chooseStudio('医疗纠纷调解工作室');
  await expect(queue.row(number)).toContainText(ZHANG_WEI.name);
  await expect(queue.row(number)).toContainText(HOSPITAL.name);
  await expect(queue.row(number)).toContainText('登记');

  // Another studio's queue does not show it.
  await queue.chooseStudio('劳动争议调解工作室');
  await expect(queue.empty()).toContainText('没有符合条件的案件');
  await queue.chooseStudio('医疗纠纷调解工作室');

  await queue.row(number).click();
  const casePage = new CasePage(page);
  await expect(casePage.number()).toHaveText(number);
  await expect(page.getByText('患者术后感染')).toBeVisible();
  await casePage.openTab('当事人');
  await expect(casePage.panel()).toContainText('申请人');
  await expect(casePage.panel()).toContainText(ZHANG_WEI.name);
  await expect(casePage.panel()).toContainText('被申请人');
  await expect(casePage.panel()).toContainText(HOSPITAL.creditCode);
  // Personal numbers are masked on screen.
  await expect(casePage.panel()).not.toContainText(ZHANG_WEI.id);
  await expect(casePage.panel()).toContainText('138****8000');
  await casePage.openTab('办理经过');
  await expect(casePage.panel()).toContainText(`登记受理申请，编号 ${number}`);
  await expect(casePage.panel()).toContainText('王芳');
});

test('bad intake input shows field errors and saves nothing', async ({ page, preview }) => {
  const before = await intakeCounts(preview);
  const shell = new Shell(page);
  const intake = new IntakePage(page);
  await shell.open('受理登记');
  const wrongCheckDigit = ZHANG_WEI.id.slice(0, 17) + (ZHANG_WEI.id.endsWith('1') ? '2' : '1');
  await intake.fillPerson(0, { name: ZHANG_WEI.name, id: wrongCheckDigit, phone: '12345' });
  await intake.saveWithKeyboard();

  const applicant = intake.party(0);
  await expect(applicant.getByText('身份证号码校验位不正确，请核对')).toBeVisible();
  await expect(applicant.getByText('请输入手机号码或带区号的固定电话')).toBeVisible();
  await expect(intake.party(1).getByText('必填')).toBeVisible();
  await expect(page.getByText('请从列表中选择').first()).toBeVisible();
  await expect(page.getByTestId('intake-error')).toHaveText('请更正标红的字段');
  await expect(intake.savedAlert()).toHaveCount(0);
  expect(await intakeCounts(preview)).toEqual(before);

  // A party whose sex contradicts the ID is refused too.
  await intake.fillPerson(0, { name: LI_NA.name, sex: '男', id: LI_NA.id, phone: LI_NA.phone });
  await intake.saveWithKeyboard();
  await expect(intake.party(0).getByText('性别与身份证号码不符')).toBeVisible();
  expect(await intakeCounts(preview)).toEqual(before);
});

test('the interface and its errors switch to English at run time', async ({ page }) => {
  const shell = new Shell(page);
  await shell.switchLanguage('EN');
  await expect(page.getByRole('navigation', { name: 'main navigation' })).toContainText('Intake');
  await shell.open('Intake');
  await expect(page.getByRole('heading', { name: 'Intake' })).toBeVisible();
  const wrong = LI_NA.id.slice(0, 17) + (LI_NA.id.endsWith('1') ? '2' : '1');
  await page.getByTestId('party-0').getByLabel('Resident ID number').fill(wrong);
  await page.getByRole('button', { name: /Register/ }).click();
  await expect(
    page
      .getByTestId('party-0')
      .getByText('Resident ID check digit is wrong — please re-check the number'),
  ).toBeVisible();
  await expect(page.getByText('Please correct the fields marked in red')).toBeVisible();
  // The core answers in the window's language as well.
  const result = await page.evaluate(async () => {
    const response = await fetch('./api/cases/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ parties: [] }),
    });
    return (await response.json()) as { ok: boolean; error: { fields: Record<string, string> } };
  });
  expect(result.ok).toBe(false);
  expect(result.error.fields.parties).toBe('At least two parties are needed');

  await shell.switchLanguage('中文');
  await expect(page.getByRole('heading', { name: '受理登记' })).toBeVisible();
});

test('reception finds a stored party while typing and sees the earlier dispute', async ({
  page,
  preview,
}) => {
  const shell = new Shell(page);
  const intake = new IntakePage(page);
  await shell.open('受理登记');
  await intake.fillPerson(0, { name: ZHANG_WEI.name, id: ZHANG_WEI.id, phone: ZHANG_WEI.phone });
  await intake.fillPerson(1, { name: LI_NA.name, sex: '女', id: LI_NA.id });
  await intake.fillDispute('邻里纠纷', '相邻通道堵塞。');
  await intake.saveWithKeyboard();
  const first = await intake.savedNumber();
  const partiesAfterFirst = (await intakeCounts(preview)).parties;

  await intake.party(0).getByLabel('身份证号码').fill(ZHANG_WEI.id);
  const match = intake.party(0).getByTestId('party-match');
  await expect(match).toContainText(ZHANG_WEI.name);
  await expect(match).toContainText('重复纠纷提示');
  await expect(match).toContainText(first);
  await match.getByRole('button', { name: '选用' }).click();
  await expect(intake.party(0)).toContainText('已选用已登记当事人');
  await expect(intake.party(0).getByLabel(/^姓名/)).toHaveValue(ZHANG_WEI.name);

  await intake.fillOrganization(1, HOSPITAL);
  await intake.fillDispute('邻里纠纷', '再次发生通道堵塞。');
  await intake.saveWithKeyboard();
  await expect(intake.savedAlert()).toContainText('第0002号');
  // The stored person was reused: one new party (the organization), not two.
  expect((await intakeCounts(preview)).parties).toBe(partiesAfterFirst + 1);
});

test('GET /api/methods lists every method with its input as JSON Schema', async ({
  request,
  preview,
}) => {
  const response = await request.get(`${preview.url}api/methods`);
  expect(response.ok()).toBe(true);
  type Schema = { type?: string; oneOf?: Schema[]; anyOf?: Schema[] };
  const methods = (await response.json()) as { name: string; input: Schema }[];
  const names = methods.map((m) => m.name);
  expect(names).toEqual(
    expect.arrayContaining(['auth/setup', 'cases/register', 'cases/queue', 'cases/get']),
  );
  const isObject = (s: Schema) => s.type === 'object';
  for (const m of methods) {
    // An object, or a choice of objects (e.g. one document kind or another).
    const variants = m.input.oneOf ?? m.input.anyOf ?? [m.input];
    expect(variants.length > 0 && variants.every(isObject), m.name).toBe(true);
  }
});
