import type { PreviewServer } from '../../harness/preview-server';
import { expect, test } from '../fixtures';
import { CaseActionsBar } from '../pages/case-actions';
import { CasePage } from '../pages/cases-pages';
import { SetupPage } from '../pages/setup-page';
import { HOSPITAL, ZHANG_WEI } from '../people';

const API_SESSION = 'e2e-api';

/** Registers a case through the core (the intake UI has its own spec) and returns its id. */
async function registerCase(preview: PreviewServer, studioId: number, category: string) {
  const signIn = await preview.core.dispatch(API_SESSION, 'auth/signIn', {
    username: 'wangfang',
    password: 'mediator-pass-1',
  });
  expect(signIn.ok).toBe(true);
  const result = await preview.core.dispatch(API_SESSION, 'cases/register', {
    studioId,
    category,
    source: 'walk_in',
    summary: '患者术后感染，双方就赔偿金额协商未果。',
    parties: [
      {
        role: 'applicant',
        party: { kind: 'person', name: ZHANG_WEI.name, sex: 'male', idNumber: ZHANG_WEI.id },
      },
      {
        role: 'respondent',
        party: { kind: 'organization', name: HOSPITAL.name, creditCode: HOSPITAL.creditCode },
      },
    ],
  });
  if (!result.ok) throw new Error(result.error.message);
  return (result.value as { id: number; number: string }).id;
}

test.beforeEach(async ({ page, preview }) => {
  await page.goto(preview.url);
  // The first account holds every role and works in every studio.
  await new SetupPage(page).createAccount('王芳', 'wangfang', 'mediator-pass-1');
});

test('a case goes through its whole lifecycle to a linked judicial-confirmation case', async ({
  page,
  preview,
}) => {
  const id = await registerCase(preview, 1, 'medical');
  await page.goto(`${preview.url}#/cases/${id}`);
  const casePage = new CasePage(page);
  const actions = new CaseActionsBar(page);
  await expect(casePage.number()).toHaveText(/矛医调字第0001号/);

  await actions.open('受理');
  await actions.confirm('受理');
  await expect(page.getByText('受理', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('deadline-badge')).toHaveText(/剩余 \d+ 个工作日/);

  await actions.open('指派调解员');
  await actions.dialog().getByRole('combobox', { name: '调解员' }).click();
  await page.getByRole('option', { name: '王芳' }).click();
  await actions.dialog().getByRole('heading').click(); // closes the option list
  await actions.confirm('指派调解员');
  await expect(page.getByTestId('case-mediators')).toContainText('王芳');

  await actions.open('开始调解');
  await actions.confirm('开始调解');
  await expect(actions.bar().getByRole('button', { name: '开始调解' })).toHaveCount(0);

  await actions.open('调解终结');
  await actions.choose('调解结果', '达成书面协议');
  await actions.fill('备注', '双方当场签署协议');
  await actions.confirm('调解终结');
  await expect(page.getByText('调解终结', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('deadline-badge')).toHaveCount(0);

  await casePage.openTab('回访');
  await expect(casePage.panel().getByTestId('follow-up')).toContainText('待回访');

  await actions.open('关联新案件');
  await actions.choose('类型', '司法确认申请');
  await actions.confirm('关联新案件');
  // The new case opens: registered in the judicial-confirmation studio, linked back.
  await expect(casePage.number()).toHaveText(/矛司调确字第0001号/);
  await casePage.openTab('关联案件');
  await expect(casePage.panel()).toContainText('矛医调字第0001号');

  await page.goto(`${preview.url}#/cases/${id}`);
  await casePage.openTab('关联案件');
  await expect(casePage.panel()).toContainText('矛司调确字第0001号');
  await expect(casePage.panel().getByTestId('confirmation-window')).toContainText(
    '司法确认申请期限至',
  );
  await casePage.openTab('办理经过');
  for (const line of ['受理', '指派调解员：王芳', '开始调解', '调解终结：达成书面协议']) {
    await expect(casePage.panel()).toContainText(line);
  }
});

test('a case is transferred to another studio with the reason in its timeline', async ({
  page,
  preview,
}) => {
  const id = await registerCase(preview, 1, 'labour');
  await page.goto(`${preview.url}#/cases/${id}`);
  const casePage = new CasePage(page);
  const actions = new CaseActionsBar(page);

  await actions.open('移交工作室');
  await actions.choose('移交至工作室', '劳动争议调解工作室');
  await actions.fill('理由', '属劳动争议，移交劳动争议调解工作室');
  await actions.confirm('移交工作室');
  await expect(page.getByText('劳动争议调解工作室').first()).toBeVisible();

  await casePage.openTab('办理经过');
  await expect(casePage.panel()).toContainText(
    '由 医疗纠纷调解工作室 移交至 劳动争议调解工作室：属劳动争议，移交劳动争议调解工作室',
  );
});

test('a decline needs its reason, and a refused save changes nothing', async ({
  page,
  preview,
}) => {
  const id = await registerCase(preview, 1, 'medical');
  await page.goto(`${preview.url}#/cases/${id}`);
  const actions = new CaseActionsBar(page);
  await actions.open('不予受理');
  await actions.dialog().getByRole('button', { name: '不予受理' }).click();
  await expect(actions.dialog().getByText('必填')).toBeVisible();
  const detail = await preview.core.dispatch(API_SESSION, 'cases/get', { id });
  expect(detail.ok && (detail.value as { status: string }).status).toBe('registered');
});
