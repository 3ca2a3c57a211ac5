import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { PreviewServer } from '../../harness/preview-server';
import { expect, test } from '../fixtures';
import { CasePage } from '../pages/cases-pages';
import { IntakePage } from '../pages/intake-page';
import { SetupPage } from '../pages/setup-page';
import { Shell } from '../pages/shell';
import { HOSPITAL, ZHANG_WEI } from '../people';

const API = 'e2e-documents-api';
// Kept outside test-results/, which every Playwright run empties.
const SHOTS = '.scratch/screens';

async function api(preview: PreviewServer, method: string, input: unknown) {
  const result = await preview.core.dispatch(API, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

/** A medical case in mediation, registered through the core as the first account. */
async function caseInMediation(preview: PreviewServer) {
  await api(preview, 'auth/signIn', { username: 'wangfang', password: 'mediator-pass-1' });
  const { id } = (await api(preview, 'cases/register', {
    studioId: 1,
    category: 'medical',
    source: 'walk_in',
    summary: '患者术后感染，双方就赔偿金额协商未果。',
    parties: [
      {
        role: 'applicant',
        party: { kind: 'person', name: ZHANG_WEI.name, sex: 'male', idNumber: ZHANG_WEI.id },
      },
      {
        role: 'respondent',
        party: {
          kind: 'organization',
          name: HOSPITAL.name,
          creditCode: HOSPITAL.creditCode,
          legalRepresentative: '赵院长',
        },
      },
    ],
  })) as { id: number };
  const version = async () =>
    ((await api(preview, 'cases/get', { id })) as { version: number }).version;
  await api(preview, 'cases/accept', { id, version: await version() });
  await api(preview, 'cases/startMediation', { id, version: await version() });
  return id;
}

/**
 * Notifications stack over the top right of the page, and hovering one stops it closing: the
 * pointer moves away and they close before the next click there.
 */
async function dismissNotifications(page: Page) {
  await page.mouse.move(5, 500);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 15_000 });
}

/** The PDF a click downloads (the browser preview has no shell to print through). */
async function downloadOf(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

test.beforeEach(async ({ page, preview }) => {
  await page.goto(preview.url);
  // The first account holds every role and works in every studio.
  await new SetupPage(page).createAccount('王芳', 'wangfang', 'mediator-pass-1');
});

test('an agreement is drafted with a live preview, printed in 3 copies, signed and takes effect', async ({
  page,
  preview,
}) => {
  const id = await caseInMediation(preview);
  await page.goto(`${preview.url}#/cases/${id}`);
  const casePage = new CasePage(page);
  await casePage.openTab('文书');
  const section = page.getByTestId('agreement-section');
  await expect(section).toContainText('尚未起草调解协议');
  await section.getByRole('button', { name: '起草协议' }).click();

  const editor = page.getByTestId('agreement-editor');
  await editor.getByLabel('纠纷主要事实').fill('申请人于2026年1月在被申请人处手术，术后切口感染。');
  await editor.getByLabel('争议事项').fill('赔偿数额');
  await editor
    .getByRole('textbox', { name: '第1条' })
    .fill('被申请人于2026年4月30日前赔偿申请人人民币伍万元整。');
  await editor.getByRole('button', { name: '添加条款' }).click();
  await editor.getByRole('textbox', { name: '第2条' }).fill('申请人不再就本纠纷主张其他权利。');
  await editor.getByLabel('履行方式').fill('银行转账');
  // The preview is the core's model of the paper: same words, numbering, copies clause.
  const preview_ = editor.getByTestId('doc-preview');
  await expect(preview_).toContainText('二、申请人不再就本纠纷主张其他权利。');
  await expect(preview_).toContainText('本协议一式3份');
  await expect(preview_).toContainText('被申请人：区人民医院');
  await page.screenshot({ path: `${SHOTS}/documents-editor-zh.png` });

  // Invalid input stays in the form with the core's message next to the field.
  await editor.getByLabel('纠纷主要事实').fill('');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor.getByText('必填')).toBeVisible();
  await editor.getByLabel('纠纷主要事实').fill('申请人于2026年1月在被申请人处手术，术后切口感染。');
  await editor.getByRole('button', { name: '保存' }).click();
  await expect(editor).toHaveCount(0);
  await expect(section.getByTestId('agreement-version')).toContainText('第1版');
  await expect(section.getByTestId('agreement-version')).toContainText('草稿');

  await dismissNotifications(page);
  const printed = await downloadOf(page, () =>
    section.getByRole('button', { name: '打印 3 份' }).click(),
  );
  expect(printed.name).toMatch(/人民调解协议书-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/);
  expect(printed.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(section.getByTestId('agreement-version')).toContainText('已打印，待签署');
  await expect(page.getByTestId('document-row')).toContainText('人民调解协议书');

  // Signatures: both parties, the mediator, then the committee's seal.
  await dismissNotifications(page);
  const signatures = section.getByTestId('signatures');
  for (const row of await signatures.getByRole('row').all()) {
    await row.getByRole('button', { name: '登记' }).click();
    await expect(row.getByRole('button', { name: '登记' })).toHaveCount(0);
  }
  await expect(section.getByTestId('agreement-effective')).toContainText('协议已于');
  await expect(section.getByTestId('agreement-effective')).toContainText('司法确认申请期限至');
  await expect(section.getByTestId('agreement-version')).toContainText('已生效');
  await page.screenshot({ path: `${SHOTS}/documents-case-zh.png`, fullPage: true });

  // A scan of the wrong type is refused next to the upload, nothing attached.
  await section.locator('input[type=file]').setInputFiles({
    name: 'signed.png',
    mimeType: 'image/png',
    buffer: Buffer.from('GIF89a not a png'),
  });
  await expect(section.getByTestId('scan-error')).toHaveText('只能上传 PDF、JPEG 或 PNG 文件');
  await expect(section).toContainText('尚未上传');

  await new Shell(page).switchLanguage('EN');
  await expect(section).toContainText('In effect');
  await page.screenshot({ path: `${SHOTS}/documents-case-en.png`, fullPage: true });
});

test('papers are issued from the case, and a code is verified on the documents screen', async ({
  page,
  preview,
}) => {
  const id = await caseInMediation(preview);
  await page.goto(`${preview.url}#/cases/${id}`);
  await new CasePage(page).openTab('文书');
  await page.getByRole('button', { name: '出具文书' }).click();
  const receipt = await downloadOf(page, () =>
    page.getByRole('menuitem', { name: '人民调解受理登记表' }).click(),
  );
  expect(receipt.bytes.subarray(0, 5).toString()).toBe('%PDF-');

  await dismissNotifications(page);
  await page.getByRole('button', { name: '出具文书' }).click();
  await page.getByRole('menuitem', { name: '调解通知书' }).click();
  const dialog = page.getByRole('dialog', { name: '调解通知书' });
  await dialog.getByRole('button', { name: '生成并打印' }).click();
  await expect(dialog.getByText('请输入有效的日期和时间（年-月-日 时:分）')).toBeVisible();
  await dialog.getByLabel('调解时间').fill('2026-03-12T14:30');
  await dialog.getByLabel('地点').fill('医调一室');
  await downloadOf(page, () => dialog.getByRole('button', { name: '生成并打印' }).click());
  const rows = page.getByTestId('document-row');
  await expect(rows).toHaveCount(2);
  const code = ((await rows.first().getByRole('cell').nth(1).textContent()) ?? '').trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  await new Shell(page).open('文书');
  await page.getByRole('textbox', { name: '校验码' }).fill(code.toLowerCase().replace('-', ' '));
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByTestId('verify-result')).toContainText(`校验码 ${code} 与存档文书一致`);
  await expect(page.getByTestId('verify-result')).toContainText('人民调解受理登记表');
  await page.screenshot({ path: `${SHOTS}/documents-page-zh.png`, fullPage: true });

  await page.getByRole('textbox', { name: '校验码' }).fill('0000-0000');
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('校验码 0000-0000 不存在');
  await page.getByRole('textbox', { name: '校验码' }).fill('ILOU');
  await page.getByRole('button', { name: '核验' }).click();
  await expect(page.getByText('校验码为 8 位字母或数字（如 7KQF-3M2X）')).toBeVisible();

  await new Shell(page).switchLanguage('EN');
  await page.getByRole('textbox', { name: 'Verification code' }).fill(code);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('matches a document on record');
  await page.screenshot({ path: `${SHOTS}/documents-page-en.png`, fullPage: true });
});

test('intake prints the acceptance register right after saving', async ({ page, preview }) => {
  await page.goto(`${preview.url}#/intake`);
  const intake = new IntakePage(page);
  await intake.fillPerson(0, { name: ZHANG_WEI.name, sex: '男', id: ZHANG_WEI.id });
  await intake.fillOrganization(1, { name: HOSPITAL.name, creditCode: HOSPITAL.creditCode });
  await intake.fillDispute('医疗纠纷', '患者术后感染，要求赔偿。');
  await intake.saveWithKeyboard();
  await expect(intake.savedAlert()).toBeVisible();
  const receipt = await downloadOf(page, () =>
    intake.savedAlert().getByRole('button', { name: '打印受理登记表' }).click(),
  );
  expect(receipt.name).toMatch(/人民调解受理登记表/);
  expect(receipt.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // Printed again: the same stored bytes.
  await dismissNotifications(page);
  const again = await downloadOf(page, () =>
    intake.savedAlert().getByRole('button', { name: '打印受理登记表' }).click(),
  );
  expect(again.bytes.equals(receipt.bytes)).toBe(true);
});
