import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { openDatabase } from '../../../src/db/database';
import type { DashboardView } from '../../../src/reports/dashboard.service';
import { rateLabels } from '../../../src/reports/report.labels';
import { RATE_KEYS } from '../../../src/reports/report.schema';
import { centerDate } from '../../../src/shared/center-time';
import { generate } from '../../bench/generate/generate';
import { BENCH_PASSWORD, cheapPasswordHash } from '../../bench/intake';
import { startPreview, type PreviewServer } from '../../harness/preview-server';
import { Shell } from '../pages/shell';

/**
 * The reports screen in the browser preview, on a center with two years of work (the benchmark's
 * generator, 1,500 cases, plus follow-up visits): open the dashboard, change the period, drill
 * into a figure, download XLSX, CSV and the monthly PDF and open them; the overdue list as a
 * mediator sees it. Screenshots in Chinese and English under .scratch/screens/reports/.
 */

const SHOTS = path.resolve('.scratch', 'screens', 'reports');
const API = 'e2e-reports-api';

const test = base.extend<{ preview: PreviewServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  preview: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-reports-'));
    const file = path.join(dir, 'e2e.sqlite');
    await (await openDatabase({ file })).destroy();
    await generate({
      file,
      cases: 1500,
      now: new Date(),
      passwordHash: cheapPasswordHash(BENCH_PASSWORD),
      seed: 5,
    });
    const db = await openDatabase({ file });
    // Follow-up visits for most concluded cases (the generator makes none): test data only.
    const concluded = await db
      .selectFrom('cases')
      .select(['id', 'concludedAt'])
      .where('concludedAt', 'is not', null)
      .execute();
    const ratings = ['satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', null];
    for (const [i, c] of concluded.entries()) {
      if (i % 5 === 4 || c.concludedAt === null) continue;
      const visited = new Date(Date.parse(c.concludedAt) + 3 * 86_400_000);
      if (visited > new Date()) continue;
      await db
        .insertInto('followUps')
        .values({
          caseId: c.id,
          dueOn: visited.toISOString().slice(0, 10),
          visitedAt: visited.toISOString(),
          performance: 'fulfilled',
          satisfaction: ratings[i % ratings.length] ?? null,
        })
        .execute();
    }
    await db.destroy();
    const preview = await startPreview({ dbFile: file });
    await use(preview);
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

async function signIn(page: Page, preview: PreviewServer, username: string) {
  await page.goto(preview.url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(BENCH_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('navigation', { name: 'main navigation' }).waitFor();
}

async function api<T>(preview: PreviewServer, method: string, input: unknown): Promise<T> {
  let result = await preview.core.dispatch(API, method, input);
  if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
    await preview.core.dispatch(API, 'auth/signIn', {
      username: 'bench',
      password: BENCH_PASSWORD,
    });
    result = await preview.core.dispatch(API, method, input);
  }
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

async function shot(page: Page, name: string, fullPage = true) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
}

const DOWNLOADS = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-reports-downloads-'));
test.afterAll(() => rmSync(DOWNLOADS, { recursive: true, force: true }));

async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const target = path.join(DOWNLOADS, file.suggestedFilename());
  await file.saveAs(target);
  return { name: file.suggestedFilename(), path: target };
}

async function expectRates(page: Page, view: DashboardView) {
  for (const key of RATE_KEYS) {
    const card = page.getByTestId(`rate-${key}`);
    await expect(card.getByTestId('rate-value')).toHaveText(view.current.rates[key].text);
    await expect(card.getByTestId('rate-parts')).toHaveText(
      `${view.current.rates[key].numerator} / ${view.current.rates[key].denominator}`,
    );
  }
}

test('the dashboard: change the period, drill into a figure, export and open the files', async ({
  page,
  preview,
}) => {
  await signIn(page, preview, 'bench');
  await new Shell(page).open('统计报表');
  const today = centerDate(new Date());
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const thisMonth = await api<DashboardView>(preview, 'reports/dashboard', {
    from: `${today.slice(0, 7)}-01`,
    to: monthEnd,
  });
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expectRates(page, thisMonth);
  await shot(page, 'dashboard-month-zh');

  // This year, then the year before.
  await page.getByTestId('period-preset').getByText('年', { exact: true }).click();
  const year = today.slice(0, 4);
  await expect(page.getByTestId('period-title')).toHaveText(`${year}年`);
  const thisYear = await api<DashboardView>(preview, 'reports/dashboard', {
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  await expectRates(page, thisYear);
  await page.getByRole('button', { name: '上一期' }).click();
  const lastYear = String(Number(year) - 1);
  await expect(page.getByTestId('period-title')).toHaveText(`${lastYear}年`);
  const previousYear = await api<DashboardView>(preview, 'reports/dashboard', {
    from: `${lastYear}-01-01`,
    to: `${lastYear}-12-31`,
  });
  await expectRates(page, previousYear);
  expect(previousYear.current.counts.registered).toBeGreaterThan(100);
  await expect(page).toHaveURL(new RegExp(`from=${lastYear}-01-01&to=${lastYear}-12-31`));
  await shot(page, 'dashboard-year-zh');

  // Drill into the response rate: its cases, then those not answered in time.
  await page.getByRole('button', { name: new RegExp(`^${rateLabels.response['zh-CN']} `) }).click();
  const drill = page.getByTestId('drill');
  await expect(drill.getByTestId('drill-total')).toHaveText(
    `共 ${previousYear.current.rates.response.numerator} 件`,
  );
  await expect(drill.getByTestId('drill-table').locator('tbody tr')).toHaveCount(
    Math.min(50, previousYear.current.rates.response.numerator),
  );
  await shot(page, 'drill-zh', false);
  await drill.getByTestId('drill-part').getByText('未及时响应').click();
  const late = previousYear.current.counts.respondedLate;
  await expect(drill.getByTestId('drill-total')).toHaveText(`共 ${late} 件`);
  const drillFile = await download(page, () =>
    drill.getByRole('button', { name: '导出 Excel' }).click(),
  );
  const drillBook = new ExcelJS.Workbook();
  await drillBook.xlsx.readFile(drillFile.path);
  expect(drillBook.worksheets[0]?.rowCount).toBe(late + 3); // title, as-of, header, rows
  await page.getByRole('button', { name: '关闭明细' }).click();

  // A number in the studio table opens that studio's cases.
  const firstStudio = previousYear.byStudio.find((s) => s.figures.counts.registered > 0);
  const row = page
    .getByTestId('group-table-studio')
    .locator(`tr[data-row="${firstStudio?.studioId}"]`);
  await row
    .getByRole('button', { name: String(firstStudio?.figures.counts.registered) })
    .first()
    .click();
  await expect(page.getByTestId('drill-total')).toHaveText(
    `共 ${firstStudio?.figures.counts.registered} 件`,
  );
  await page.getByRole('button', { name: '关闭明细' }).click();

  // The dashboard's tables as XLSX, read back; as CSV; the monthly report as PDF.
  const xlsx = await download(page, () =>
    page.getByTestId('dashboard-export').getByRole('button', { name: '导出 Excel' }).click(),
  );
  expect(xlsx.name).toBe(`统计报表_${lastYear}-01-01_${lastYear}-12-31.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(xlsx.path);
  const key = book.getWorksheet('主要指标');
  const responseRow = key?.getRow(6).values as unknown[];
  expect(responseRow.slice(1, 5)).toEqual([
    rateLabels.response['zh-CN'],
    previousYear.current.rates.response.numerator,
    previousYear.current.rates.response.denominator,
    previousYear.current.rates.response.value,
  ]);
  const csv = await download(page, () =>
    page.getByTestId('dashboard-export').getByRole('button', { name: '导出 CSV' }).click(),
  );
  expect(readFileSync(csv.path, 'utf8')).toContain(
    `${rateLabels.onTime['zh-CN']},${previousYear.current.rates.onTime.numerator},${previousYear.current.rates.onTime.denominator},${previousYear.current.rates.onTime.text}`,
  );
  const pdf = await download(page, () => page.getByTestId('monthly-pdf').click());
  expect(pdf.name).toBe(`月度统计报表_${lastYear}-12.pdf`);
  expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
  expect(text).toContain('月度统计报表');
  expect(text).toContain(`${lastYear}年12月`);

  // A custom range through the calendar.
  await page.getByTestId('period-preset').getByText('自定义', { exact: true }).click();
  await expect(page.getByTestId('period-range')).toBeVisible();

  await new Shell(page).switchLanguage('EN');
  // Back from the custom range to whole years: the year being looked at.
  await page.getByTestId('period-preset').getByText('Year', { exact: true }).click();
  await expect(page.getByTestId('period-title')).toHaveText(lastYear);
  await expectRates(page, previousYear);
  await shot(page, 'dashboard-year-en');
  await page.getByRole('button', { name: /^Satisfaction rate / }).click();
  await expect(page.getByTestId('drill-total')).toHaveText(
    `${previousYear.current.rates.satisfaction.numerator} cases`,
  );
  await shot(page, 'drill-en', false);
});

test('the overdue list: the director sees every studio, a mediator their own', async ({
  page,
  preview,
}) => {
  await signIn(page, preview, 'bench');
  await new Shell(page).open('统计报表');
  await page.getByRole('tab', { name: '超期与临期' }).click();
  const all = await api<{ total: number; counts: Record<string, number> }>(
    preview,
    'reports/overdue',
    {},
  );
  await expect(page.getByText(`已超期（${all.counts.overdue}）`)).toBeVisible();
  await expect(page.getByTestId('overdue-table').locator('tbody tr')).toHaveCount(
    Math.min(50, all.total),
  );
  await shot(page, 'overdue-director-zh');
  const file = await download(page, () =>
    page.getByTestId('overdue-export').getByRole('button', { name: '导出 Excel' }).click(),
  );
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file.path);
  expect(book.worksheets[0]?.rowCount).toBe(all.total + 3);

  await page
    .getByRole('button', { name: '退出登录' })
    .click()
    .catch(() => undefined);
  await page.context().clearCookies();
  await signIn(page, preview, 'medical.m1');
  await new Shell(page).open('统计报表');
  await page.getByRole('tab', { name: '超期与临期' }).click();
  await expect(page.getByTestId('overdue-table')).toBeVisible();
  const studioNames = await page
    .getByTestId('overdue-table')
    .locator('tbody tr td:nth-child(5)')
    .allTextContents();
  expect(new Set(studioNames)).toEqual(new Set(['医疗纠纷调解工作室']));
  await new Shell(page).switchLanguage('EN');
  await expect(page.getByRole('tab', { name: 'Overdue and due soon' })).toBeVisible();
  await shot(page, 'overdue-mediator-en');
});
