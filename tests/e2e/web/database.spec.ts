import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import pg from 'pg';
import { isEmbedded } from '../../../src/db/database';
import type { PreviewServer } from '../../harness/preview-server';
import { expect, test } from '../fixtures';
import { E2E_PG_URL_ENV } from '../pg-global-setup';
import { SetupPage } from '../pages/setup-page';
import { Shell } from '../pages/shell';

const ADMIN = { name: '陈主任', username: 'chen', password: 'admin-pass-123' };
const API = 'e2e-database-api';

/** Screenshots to look at, Chinese and English. */
async function shot(page: Page, name: string) {
  await page.waitForTimeout(300); // let transitions settle before the picture
  await page.screenshot({ path: `/tmp/dbui-${name}.png`, fullPage: true });
}

/** A loopback port nothing listens on. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function api<T>(preview: PreviewServer, method: string, input: unknown): Promise<T> {
  const result = await preview.core.dispatch(API, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function setUp(page: Page, preview: PreviewServer) {
  page.on('pageerror', (error) => console.error(`[page error] ${error.stack ?? error.message}`));
  await page.goto(preview.url);
  await new SetupPage(page).createAccount(ADMIN.name, ADMIN.username, ADMIN.password);
  await api(preview, 'auth/signIn', { username: ADMIN.username, password: ADMIN.password });
}

async function openDatabaseSettings(page: Page) {
  await new Shell(page).open('设置');
  await page.getByRole('tab', { name: '数据库', exact: true }).click();
  await expect(page.getByTestId('database-kind')).toBeVisible();
}

async function signIn(page: Page) {
  await page.getByLabel('用户名').fill(ADMIN.username);
  await page.getByLabel('密码', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: 'main navigation' }).waitFor();
}

/** The server form, filled in (the password stays empty: the test server trusts loopback). */
async function fillServer(
  page: Page,
  server: { host: string; port: number; database: string; user: string },
) {
  await page
    .getByRole('radiogroup', { name: '数据库位置' })
    .getByText('中心服务器（PostgreSQL）')
    .click();
  await page.getByLabel('服务器地址').fill(server.host);
  await page.getByLabel('端口').fill(String(server.port));
  await page.getByLabel('数据库名称').fill(server.database);
  await page.getByLabel('数据库用户').fill(server.user);
}

const report = (page: Page) => page.getByTestId('connection-report');

/** The switch's notification stays a while over the header; read, it is closed. */
async function closeNotification(page: Page) {
  await page.locator('.mantine-Notification-root').getByRole('button').click();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
}

test('shows the embedded file; a closed port is unreachable; a good server shows its version', async ({
  pgDatabase,
  page,
  preview,
}) => {
  await setUp(page, preview);
  await openDatabaseSettings(page);
  await expect(page.getByTestId('database-kind')).toHaveText('本机（内嵌 SQLite）');
  await expect(page.getByTestId('database-file')).toContainText('e2e.sqlite');
  await shot(page, 'embedded-zh');

  const server = pgDatabase.connection;
  const closed = await closedPort();
  await fillServer(page, { ...server, port: closed });
  // Switching needs a successful test first.
  await expect(page.getByRole('button', { name: '切换到中心服务器' })).toBeDisabled();
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(report(page)).toHaveAttribute('data-ok', 'false');
  await expect(report(page)).toContainText('无法连接服务器');
  await expect(report(page)).toContainText(`127.0.0.1:${closed} 上没有服务应答`);
  await expect(page.getByRole('button', { name: '切换到中心服务器' })).toBeDisabled();
  await shot(page, 'unreachable-zh');

  await page.getByLabel('端口').fill(String(server.port));
  await page.getByLabel('端口').press('Enter'); // Enter in a field tests, like the button
  await expect(report(page)).toHaveAttribute('data-ok', 'true');
  await expect(report(page)).toContainText(/PostgreSQL \d+\.\d+/);
  await expect(report(page)).toContainText('空数据库');
  await expect(page.getByLabel('把本机数据复制到服务器')).toBeChecked();
  await expect(page.getByRole('button', { name: '切换到中心服务器' })).toBeEnabled();
  await shot(page, 'tested-zh');

  // A change after the test asks for a new one before switching.
  await page.getByLabel('数据库名称').fill(`${server.database}_x`);
  await expect(page.getByText('设置已修改，请重新测试连接。')).toBeVisible();
  await expect(page.getByRole('button', { name: '切换到中心服务器' })).toBeDisabled();
  // Field-level errors from the shared schema, before anything is sent.
  await page.getByLabel('服务器地址').fill('bad host');
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(page.getByText('请填写服务器名称或 IP 地址（不含端口和空格）')).toBeVisible();

  await new Shell(page).switchLanguage('EN');
  await page.getByLabel('Server address').fill('127.0.0.1');
  await page.getByLabel('Database name').fill(server.database);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(report(page)).toContainText('Connected');
  await shot(page, 'tested-en');
});

interface Registered {
  readonly id: number;
  readonly number: string;
}

function register(preview: PreviewServer, applicant: string, respondent: string) {
  return api<Registered>(preview, 'cases/register', {
    studioId: 1,
    category: 'medical',
    source: 'walk_in',
    summary: '双方就赔偿金额协商未果。',
    parties: [
      { role: 'applicant', party: { kind: 'person', name: applicant, sex: 'male' } },
      { role: 'respondent', party: { kind: 'person', name: respondent, sex: 'female' } },
    ],
  });
}

test('switching copies this computer’s records to an empty server; every window signs in again; and back', async ({
  pgDatabase,
  page,
  preview,
  browser,
}) => {
  await setUp(page, preview);
  const first = await register(preview, '张伟', '李娜');
  const second = await register(preview, '王强', '赵敏');

  // A colleague's window on the same core, signed in before the switch.
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(preview.url);
  await signIn(colleague);

  await openDatabaseSettings(page);
  const server = pgDatabase.connection;
  await fillServer(page, server);
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(report(page)).toHaveAttribute('data-ok', 'true');
  await page.getByRole('button', { name: '切换到中心服务器' }).click();
  const confirm = page.getByRole('dialog', { name: '切换到中心服务器？' });
  await expect(confirm).toContainText(`${server.user}@127.0.0.1:${server.port}/${server.database}`);
  await expect(confirm).toContainText('将先把本机数据复制到服务器并核对');
  await expect(confirm).toContainText('所有窗口都会退出登录');
  await shot(page, 'confirm-zh');
  await confirm.getByRole('button', { name: '确认切换' }).click();

  // The window is back at sign-in, with what was copied.
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByText('已切换到中心服务器，请重新登录。')).toBeVisible();
  await expect(page.getByText(/^已复制 [\d,]+ 行并核对无误：.*案件 2 行/)).toBeVisible();
  await shot(page, 'switched-zh');
  expect(isEmbedded(preview.core.db)).toBe(false);
  await closeNotification(page);

  // The colleague's window finds its session gone (its next read or change poll): sign-in.
  await expect(colleague.getByRole('button', { name: '登录' })).toBeVisible();
  await colleague.context().close();

  // The same account and the same cases, now on the server.
  await signIn(page);
  await new Shell(page).open('案件');
  await expect(page.getByText(first.number)).toBeVisible();
  await expect(page.getByText(second.number)).toBeVisible();
  // The server's backups are its administrator's: the backup screen says so instead of failing.
  await new Shell(page).open('设置');
  await page.getByRole('tab', { name: '备份与恢复', exact: true }).click();
  await expect(page.getByTestId('backups-on-server')).toContainText('由服务器管理员备份和恢复');
  await openDatabaseSettings(page);
  await expect(page.getByTestId('database-kind')).toHaveText('中心服务器（PostgreSQL）');
  await expect(page.getByTestId('database-server')).toContainText(
    `127.0.0.1:${server.port} / ${server.database}（用户 ${server.user}）`,
  );
  await expect(page.getByTestId('database-server-version')).toHaveText(/^\d+\.\d+/);
  await expect(page.getByTestId('database-file')).toContainText('e2e.sqlite');
  await shot(page, 'server-zh');
  await new Shell(page).switchLanguage('EN');
  await expect(page.getByTestId('database-kind')).toHaveText('Center server (PostgreSQL)');
  await shot(page, 'server-en');
  await new Shell(page).switchLanguage('中文');

  // A case registered on the server stays there when this computer switches back.
  await api(preview, 'auth/signIn', { username: ADMIN.username, password: ADMIN.password });
  const onServer = await register(preview, '刘洋', '陈静');

  await page.getByRole('radiogroup', { name: '数据库位置' }).getByText('本机（内嵌）').click();
  await expect(page.getByText('在服务器上登记的案件和其他记录不在本机文件中')).toBeVisible();
  await page.getByRole('button', { name: '切换回本机数据库' }).click();
  const back = page.getByRole('dialog', { name: '切换回本机数据库？' });
  await expect(back).toContainText('e2e.sqlite');
  await shot(page, 'back-confirm-zh');
  await back.getByRole('button', { name: '确认切换' }).click();
  await expect(page.getByText('已切换回本机数据库，请重新登录。')).toBeVisible();
  expect(isEmbedded(preview.core.db)).toBe(true);
  await closeNotification(page);

  await signIn(page);
  await new Shell(page).open('案件');
  await expect(page.getByText(first.number)).toBeVisible();
  await expect(page.getByText(onServer.number)).toHaveCount(0);
  await openDatabaseSettings(page);
  await expect(page.getByTestId('database-kind')).toHaveText('本机（内嵌 SQLite）');
});

test('a server database gone between its test and the switch: nothing switches, the field says why', async ({
  pgDatabase,
  page,
  preview,
}) => {
  await setUp(page, preview);
  await openDatabaseSettings(page);
  await fillServer(page, pgDatabase.connection);
  await page.getByRole('button', { name: '测试连接' }).click();
  await expect(report(page)).toHaveAttribute('data-ok', 'true');

  const admin = new pg.Client({ connectionString: process.env[E2E_PG_URL_ENV] });
  await admin.connect();
  await admin.query(`drop database ${pgDatabase.name} with (force)`);
  await admin.end();

  await page.getByRole('button', { name: '切换到中心服务器' }).click();
  await page
    .getByRole('dialog', { name: '切换到中心服务器？' })
    .getByRole('button', { name: '确认切换' })
    .click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText(`服务器上没有名为“${pgDatabase.name}”的数据库`)).toBeVisible();
  await expect(page.getByLabel('数据库名称')).toHaveAttribute('aria-invalid', 'true');
  // The earlier green test no longer holds: switching waits for a new one.
  await expect(report(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: '切换到中心服务器' })).toBeDisabled();
  await shot(page, 'switch-refused-zh');
  // Still this computer's database, still signed in.
  expect(isEmbedded(preview.core.db)).toBe(true);
  await expect(page.getByTestId('database-kind')).toHaveText('本机（内嵌 SQLite）');
});
