import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { insertStaff } from '../../../src/staff/staff.repository';
import type { PreviewServer } from '../../harness/preview-server';
import { cheapPasswordHash } from '../../support/test-core';
import { expect, test } from '../fixtures';
import { SetupPage } from '../pages/setup-page';
import { Shell } from '../pages/shell';
import { HOSPITAL, ZHANG_WEI } from '../people';

/** Where the screenshots of these screens go, to be looked at (Chinese and English). */
const SHOTS = path.resolve(import.meta.dirname, '../../../.scratch/screens/settings');
mkdirSync(SHOTS, { recursive: true });

const ADMIN = { name: '陈主任', username: 'chen', password: 'admin-pass-123' };
const API = 'e2e-settings-api';

async function shot(page: Page, name: string) {
  await page.waitForTimeout(250); // let transitions settle before the picture
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function api(preview: PreviewServer, method: string, input: unknown) {
  const result = await preview.core.dispatch(API, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function setUp(page: Page, preview: PreviewServer) {
  // A crash of the React tree shows as a blank page; say why instead.
  page.on('pageerror', (error) => console.error(`[page error] ${error.stack ?? error.message}`));
  await page.goto(preview.url);
  await new SetupPage(page).createAccount(ADMIN.name, ADMIN.username, ADMIN.password);
  await api(preview, 'auth/signIn', { username: ADMIN.username, password: ADMIN.password });
}

function section(page: Page, name: string) {
  return page.getByRole('tab', { name, exact: true });
}

test('the admin edits studios, staff, calendar, numbering, deadlines, security; every screen in both languages', async ({
  page,
  preview,
}) => {
  await setUp(page, preview);
  await new Shell(page).open('设置');
  await expect(page.getByRole('heading', { name: '设置 · 工作室与房间' })).toBeVisible();

  // Studios: change a committee name; the table shows it.
  await page.getByRole('button', { name: '编辑 医疗纠纷调解工作室' }).click();
  const studioDialog = page.getByRole('dialog');
  await studioDialog.getByLabel('文书抬头（调解委员会名称）').fill('区医疗纠纷人民调解委员会');
  await studioDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '区医疗纠纷人民调解委员会' })).toBeVisible();
  await shot(page, 'studios-zh');
  await page
    .getByRole('button', { name: /^房间（2）/ })
    .first()
    .click();
  await expect(
    page.getByRole('dialog').getByRole('textbox', { name: '房间名称' }).first(),
  ).toHaveValue('医调一室');
  await shot(page, 'rooms-zh');
  await page.keyboard.press('Escape');

  // Staff: a field error from the core's schema, then a new mediator.
  await section(page, '人员与角色').click();
  await page.getByRole('button', { name: '新增人员' }).click();
  const staffDialog = page.getByRole('dialog');
  await staffDialog.getByLabel(/^姓名/).fill('李调解');
  await staffDialog.getByLabel(/^用户名/).fill('li mediator');
  await staffDialog.getByLabel(/^初始密码/).fill('short');
  await staffDialog.getByRole('button', { name: '保存' }).click();
  await expect(
    staffDialog.getByText('用户名为 3–32 位字母、数字、点、下划线或连字符'),
  ).toBeVisible();
  await expect(staffDialog.getByText('密码至少 10 位')).toBeVisible();
  await expect(staffDialog.getByText('至少选择一个角色')).toBeVisible();
  await shot(page, 'staff-form-errors-zh');
  await staffDialog.getByLabel(/^用户名/).fill('li.mediator');
  await staffDialog.getByLabel(/^初始密码/).fill('mediator-pass-1');
  await staffDialog.getByRole('checkbox', { name: '调解员' }).check();
  await staffDialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: 'li.mediator' })).toBeVisible();
  await shot(page, 'staff-zh');

  // Calendar: working hours and a holiday.
  await section(page, '工作时间与节假日').click();
  await expect(page.getByRole('heading', { name: '工作时间', exact: true })).toBeVisible();
  await shot(page, 'calendar-zh');

  // Numbering: a template that would repeat numbers is refused next to the field.
  await section(page, '案号与文书抬头').click();
  const template = page.getByRole('textbox', { name: /^案号格式/ });
  await template.fill('（{year}）第{seq}号');
  await page.getByRole('button', { name: '保存' }).nth(1).click();
  await expect(page.getByText(/编号格式必须包含 \{studio\}/)).toBeVisible();
  await shot(page, 'numbering-zh');
  await template.fill('（{year}）{center}{studio}{word}字〔{seq}〕号');
  await page.getByRole('button', { name: '保存' }).nth(1).click();
  await expect(page.getByTestId('number-example')).toHaveText(
    '（2026）矛医调字〔0001〕号'.replace('2026', String(new Date().getFullYear())),
  );

  await section(page, '办理期限').click();
  await expect(page.getByRole('table', { name: '办理期限' })).toBeVisible();
  await shot(page, 'deadlines-zh');

  await section(page, '安全与锁屏').click();
  await page.getByLabel('空闲多少分钟后锁定窗口').fill('15');
  await page.getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('已保存').first()).toBeVisible();
  await shot(page, 'security-zh');

  await section(page, '数据库').click();
  await expect(page.getByTestId('database-kind')).toHaveText('本机（内嵌 SQLite）');
  await expect(page.getByTestId('database-file')).toContainText('e2e.sqlite');
  await shot(page, 'database-zh');

  // Every change above is in the audit log.
  const audit = await api(preview, 'audit/list', { limit: 50 });
  const methods = (audit as { rows: { method: string }[] }).rows.map((r) => r.method);
  for (const method of [
    'studios/update',
    'staff/create',
    'settings/setNumbering',
    'settings/setSecurity',
  ]) {
    expect(methods).toContain(method);
  }

  await new Shell(page).switchLanguage('EN');
  for (const [tab, name] of [
    ['Studios and rooms', 'studios-en'],
    ['Staff and roles', 'staff-en'],
    ['Hours and holidays', 'calendar-en'],
    ['Numbers and headers', 'numbering-en'],
    ['Deadlines', 'deadlines-en'],
    ['Security and lock', 'security-en'],
    ['Database', 'database-en'],
  ] as const) {
    await section(page, tab).click();
    await expect(page.getByRole('heading', { name: `Settings · ${tab}` })).toBeVisible();
    await shot(page, name);
  }
});

test('backups: back up now, check a backup, restore it; the replaced database is kept', async ({
  page,
  preview,
}) => {
  await setUp(page, preview);
  await page.goto(`${preview.url}#/settings/backups`);
  await expect(page.getByText('尚无备份')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  const table = page.getByRole('table', { name: '已有备份' });
  await expect(table.getByText('完整，审计链完好')).toBeVisible();
  await expect(table.getByText('手动')).toBeVisible();
  await shot(page, 'backups-zh');

  // A change after the backup, which the restore takes back.
  await api(preview, 'settings/setSecurity', { idleLockMinutes: 30 });
  await table.getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '恢复数据库' });
  await expect(dialog.getByText('与本软件一致')).toBeVisible();
  await expect(dialog.getByText(/哈希链完好/)).toBeVisible();
  await shot(page, 'restore-check-zh');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  // Everyone signs in again after a restore.
  await expect(page.getByRole('heading', { name: '登录' })).toBeVisible();
  await expect(page.getByText(/已恢复。原数据库已保存为/)).toBeVisible();
  await api(preview, 'auth/signIn', { username: ADMIN.username, password: ADMIN.password });
  const settings = (await api(preview, 'settings/get', {})) as {
    security: { idleLockMinutes: number };
  };
  expect(settings.security.idleLockMinutes).toBe(10);
  const listing = (await api(preview, 'backups/list', {})) as { backups: { kind: string }[] };
  expect(listing.backups.map((b) => b.kind).sort()).toEqual(['manual', 'pre-restore']);

  // A file that is not a database is refused before anything is replaced.
  await page.getByLabel(/^用户名/).fill(ADMIN.username);
  await page.getByLabel(/^密码/).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.goto(`${preview.url}#/settings/backups`);
  await page.getByLabel('从其他文件恢复').fill(path.join(SHOTS, 'no-such-backup.sqlite'));
  await page.getByRole('button', { name: '检查文件' }).click();
  await expect(page.getByRole('dialog').getByText('找不到该文件')).toBeVisible();
  await page.keyboard.press('Escape');
  // The notifications of the restore and the backup cover the header: close them.
  // They also close by themselves, so one may be gone between counting and clicking.
  const closeButtons = page.locator('.mantine-Notification-closeButton');
  while ((await closeButtons.count()) > 0) {
    await closeButtons
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  }

  await new Shell(page).switchLanguage('EN');
  await expect(page.getByRole('table', { name: 'Backups' })).toBeVisible();
  await shot(page, 'backups-en');
});

test('audit log: filters, and "verify chain" names the row altered in the database file', async ({
  page,
  preview,
}) => {
  await setUp(page, preview);
  for (const minutes of [11, 12, 13])
    await api(preview, 'settings/setSecurity', { idleLockMinutes: minutes });
  await page.goto(`${preview.url}#/settings/audit`);
  const table = page.getByRole('table', { name: '审计日志' });
  await expect(table.getByText('settings/setSecurity')).toHaveCount(3);
  await page.getByRole('button', { name: '验证哈希链' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText(
    '哈希链完好：已核对 4 条记录',
  );
  await shot(page, 'audit-zh');

  // Someone edits row 3 in the file behind the app's back.
  await preview.core.db
    .updateTable('auditLog')
    .set({ after: '{"idleLockMinutes":240}' })
    .where('id', '=', 3)
    .execute();
  await page.getByRole('button', { name: '验证哈希链' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText(
    '哈希链在第 3 条记录处断开：该记录的内容已被改动',
  );
  await page.getByRole('button', { name: '查看该处记录' }).click();
  await expect(page.locator('[data-audit-id="3"]')).toBeVisible();
  await shot(page, 'audit-broken-zh');

  await new Shell(page).switchLanguage('EN');
  await page.getByRole('button', { name: 'Verify hash chain' }).click();
  await expect(page.getByTestId('audit-verify-result')).toContainText(
    'The hash chain breaks at entry 3: its content was changed',
  );
  await shot(page, 'audit-broken-en');
});

test('idle lock: the window locks itself; wrong password refused, unlock, switch user', async ({
  page,
  preview,
}) => {
  await page.clock.install();
  await setUp(page, preview);
  await insertStaff(preview.core.db, {
    username: 'wangfang',
    displayName: '王芳',
    passwordHash: cheapPasswordHash('colleague-pass-1'),
    roles: ['reception'],
    studioIds: [],
    createdAt: new Date().toISOString(),
  });
  await expect(page.getByText('当前用户：陈主任')).toBeVisible();
  await page.clock.fastForward('11:00');
  const lock = page.getByRole('dialog', { name: '窗口已锁定' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('陈主任 的会话已锁定');
  await shot(page, 'lock-zh');

  await lock.getByLabel('密码').fill('not my password');
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock.getByText('密码不正确')).toBeVisible();
  await lock.getByLabel('密码').fill(ADMIN.password);
  await lock.getByRole('button', { name: '解锁' }).click();
  await expect(lock).toHaveCount(0);
  await expect(page.getByText('当前用户：陈主任')).toBeVisible();

  await page.clock.fastForward('11:00');
  await expect(lock).toBeVisible();
  await new Shell(page).switchLanguage('EN');
  await shot(page, 'lock-en');
  await page.getByRole('button', { name: 'Switch user' }).click();
  await page.getByLabel('Username').fill('wangfang');
  await page.getByLabel('Password', { exact: true }).fill('colleague-pass-1');
  await shot(page, 'switch-user-en');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as 王芳')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Window locked' })).toHaveCount(0);
});

test('case page: personal numbers masked; revealing one shows it and records it', async ({
  page,
  preview,
}) => {
  await setUp(page, preview);
  const { id } = (await api(preview, 'cases/register', {
    studioId: 1,
    category: 'medical',
    source: 'walk_in',
    summary: '患者术后感染，双方就赔偿金额协商未果。',
    parties: [
      {
        role: 'applicant',
        party: {
          kind: 'person',
          name: ZHANG_WEI.name,
          sex: 'male',
          idNumber: ZHANG_WEI.id,
          phone: ZHANG_WEI.phone,
        },
      },
      {
        role: 'respondent',
        party: { kind: 'organization', name: HOSPITAL.name, creditCode: HOSPITAL.creditCode },
      },
    ],
  })) as { id: number };
  await page.goto(`${preview.url}#/cases/${id}`);
  await page.getByRole('tab', { name: '当事人' }).click();
  const parties = page.getByRole('table', { name: '当事人' });
  await expect(parties).toContainText(
    `${ZHANG_WEI.id.slice(0, 4)}**********${ZHANG_WEI.id.slice(-4)}`,
  );
  await expect(parties).not.toContainText(ZHANG_WEI.id);
  await parties.getByRole('button', { name: `查看完整号码：${ZHANG_WEI.name} 身份证号码` }).click();
  await expect(parties).toContainText(ZHANG_WEI.id);
  await expect(parties).toContainText('138****8000');
  await shot(page, 'case-parties-revealed-zh');
  const audit = (await api(preview, 'audit/list', { method: 'parties/reveal' })) as {
    rows: { after: string }[];
  };
  expect(audit.rows).toHaveLength(1);
  expect(audit.rows[0]?.after).not.toContain(ZHANG_WEI.id);
});
