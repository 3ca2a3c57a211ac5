import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startPreview, type PreviewServer } from '../../harness/preview-server';
import { CasePage } from '../pages/cases-pages';
import { SetupPage } from '../pages/setup-page';
import { Shell } from '../pages/shell';
import { HOSPITAL, ZHANG_WEI } from '../people';

/**
 * Scheduling end to end: book a session, move one into a conflict and see the refusal, find a
 * free slot, mark a session held (the case moves to 调解中). The center's clock stands at
 * Tuesday 2026-03-10 10:00 in Beijing, in the core and in the browser.
 */
const NOW = new Date('2026-03-10T02:00:00.000Z');
const SHOTS = '.scratch/screens';
const API = 'e2e-schedule-api';

const test = base.extend<{ preview: PreviewServer }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  preview: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'md-e2e-schedule-'));
    const preview = await startPreview({ dbFile: path.join(dir, 'e2e.sqlite'), now: () => NOW });
    await use(preview);
    await preview.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

async function api<T>(preview: PreviewServer, method: string, input: unknown): Promise<T> {
  const result = await preview.core.dispatch(API, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Beijing wall time → the API's UTC instant. */
const at = (date: string, time: string) =>
  new Date(Date.parse(`${date}T${time}:00.000Z`) - 8 * 3_600_000).toISOString();

/** Registers and accepts a medical case; `other` gives it parties of its own. */
async function acceptedCase(preview: PreviewServer, other = false) {
  const parties = other
    ? [
        { role: 'applicant', party: { kind: 'person', name: '李娜', sex: 'female' } },
        { role: 'respondent', party: { kind: 'person', name: '赵强', sex: 'male' } },
      ]
    : [
        {
          role: 'applicant',
          party: { kind: 'person', name: ZHANG_WEI.name, sex: 'male', idNumber: ZHANG_WEI.id },
        },
        {
          role: 'respondent',
          party: { kind: 'organization', name: HOSPITAL.name, creditCode: HOSPITAL.creditCode },
        },
      ];
  const c = await api<{ id: number; number: string }>(preview, 'cases/register', {
    studioId: 1,
    category: 'medical',
    source: 'walk_in',
    summary: '患者术后感染，双方就赔偿金额协商未果。',
    parties,
  });
  await api(preview, 'cases/accept', { id: c.id, version: 1 });
  const detail = await api<{ parties: { partyId: number }[] }>(preview, 'cases/get', { id: c.id });
  return { ...c, partyIds: detail.parties.map((p) => p.partyId) };
}

async function roomId(preview: PreviewServer, nameZh: string) {
  const row = await preview.core.db
    .selectFrom('rooms')
    .select('id')
    .where('nameZh', '=', nameZh)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The session drawer (新建日程 for a booking, 日程 for one session) and its form. */
class SessionDrawer {
  constructor(
    private readonly page: Page,
    private readonly title: '新建日程' | '日程' = '新建日程',
  ) {}

  root(): Locator {
    return this.page.getByRole('dialog', { name: this.title, exact: true });
  }

  async choose(label: string, option: string) {
    await this.root().getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await this.page.keyboard.press('Escape'); // closes the option list, not the drawer
  }

  async setTimes(date: string, start: string, end: string) {
    await this.root().getByRole('textbox', { name: '日期', exact: true }).fill(date);
    await this.start().fill(start);
    await this.end().fill(end);
  }

  start(): Locator {
    return this.root().getByRole('textbox', { name: '开始', exact: true });
  }

  end(): Locator {
    return this.root().getByRole('textbox', { name: '结束', exact: true });
  }

  save(): Locator {
    return this.root().getByTestId('session-save');
  }
}

let staffId = 0;

test.beforeEach(async ({ page, preview }) => {
  await page.clock.setFixedTime(NOW);
  mkdirSync(SHOTS, { recursive: true });
  await page.goto(preview.url);
  // The first account holds every role and works in every studio.
  await new SetupPage(page).createAccount('王芳', 'wangfang', 'mediator-pass-1');
  await api(preview, 'auth/signIn', { username: 'wangfang', password: 'mediator-pass-1' });
  staffId = (await api<{ id: number }[]>(preview, 'staff/list', {}))[0]?.id ?? 0;
});

test('books a session from the case page, and finds a free slot', async ({ page, preview }) => {
  const kase = await acceptedCase(preview);
  await page.goto(`${preview.url}#/cases/${kase.id}`);
  const casePage = new CasePage(page);
  await casePage.openTab('调解安排');
  await expect(casePage.panel()).toContainText('本案尚无调解安排');
  await casePage.panel().getByRole('button', { name: '新建日程' }).click();

  const drawer = new SessionDrawer(page);
  await expect(drawer.root().getByText(kase.number)).toBeVisible();
  await drawer.choose('工作人员', '王芳');
  await drawer.setTimes('2026-03-11', '09:00', '10:00');
  await expect(drawer.root().getByTestId('session-free')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/schedule-form-zh.png` });
  await drawer.save().click();
  await expect(page.getByText('日程已保存')).toBeVisible();
  const rows = casePage.panel().getByTestId('case-session-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('09:00–10:00');
  await expect(rows.first()).toContainText('医调一室');
  await expect(rows.first()).toContainText('已安排');

  // The next free slot for the same people: today is already half gone, 10:00 is next.
  await casePage.panel().getByRole('button', { name: '新建日程' }).click();
  await drawer.choose('工作人员', '王芳');
  await drawer.root().getByRole('button', { name: '查找空闲时段' }).click();
  const options = drawer.root().getByTestId('free-slots').getByRole('button');
  await expect(options.first()).toContainText('10:00–11:00');
  await expect(options).toHaveCount(5);
  await page.screenshot({ path: `${SHOTS}/schedule-free-slots-zh.png` });
  await options.nth(1).click(); // this afternoon
  await expect(drawer.start()).toHaveValue('13:30');
  await drawer.save().click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('13:30–14:30');
});

test('moving a session onto a booked room is refused, naming the other session', async ({
  page,
  preview,
}) => {
  const first = await acceptedCase(preview);
  const second = await acceptedCase(preview, true);
  const room = await roomId(preview, '医调一室');
  const booked = await api<{ id: number }>(preview, 'schedule/create', {
    caseId: first.id,
    kind: 'mediation',
    roomId: room,
    staffIds: [staffId],
    partyIds: first.partyIds,
    start: at('2026-03-11', '09:00'),
    end: at('2026-03-11', '10:00'),
  });
  await api(preview, 'schedule/create', {
    caseId: second.id,
    kind: 'mediation',
    roomId: room,
    staffIds: [staffId],
    partyIds: second.partyIds,
    start: at('2026-03-11', '14:00'),
    end: at('2026-03-11', '15:00'),
  });

  await new Shell(page).open('排期');
  await page.getByRole('button', { name: '下一页' }).click();
  const view = page.getByTestId('rooms-day-view');
  await expect(page.getByTestId('schedule-count')).toHaveText('共 2 项');
  const afternoon = view.getByRole('button', { name: /李娜/ });
  await expect(afternoon).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/schedule-rooms-day-zh.png`, fullPage: true });

  // Onto 09:00 in the same room, where the morning session sits (hence force: the drop lands on
  // it and bubbles to the room's row, as a mouse drop does).
  await afternoon.dragTo(
    view.getByRole('button', { name: '会议室时段 医调一室 2026-03-11 09:00:00 - 09:30:00' }),
    { force: true },
  );
  const refusal = page.getByRole('alert').filter({ hasText: '无法保存：时间冲突' });
  await expect(refusal).toContainText('会议室“医调一室”在该时段已有安排');
  await expect(refusal).toContainText(`#${booked.id}`);
  await page.screenshot({ path: `${SHOTS}/schedule-conflict-zh.png` });
  // Nothing moved.
  const sessions = await preview.core.db
    .selectFrom('sessions')
    .select(['id', 'startsAt'])
    .orderBy('id')
    .execute();
  expect(sessions.map((s) => s.startsAt)).toEqual([
    at('2026-03-11', '09:00'),
    at('2026-03-11', '14:00'),
  ]);

  // The same in the form: the live check names the clash before saving.
  await afternoon.click();
  const drawer = new SessionDrawer(page, '日程');
  await drawer.start().fill('09:30');
  await drawer.end().fill('10:30');
  await expect(drawer.root().getByTestId('session-conflicts')).toContainText('医调一室');
  await page.screenshot({ path: `${SHOTS}/schedule-live-conflict-zh.png` });
  await drawer.save().click();
  await expect(
    page.getByRole('alert').filter({ hasText: '无法保存：时间冲突' }).last(),
  ).toContainText(`#${booked.id}`);

  await page.keyboard.press('Escape');
  await page.getByText('周视图（工作室）', { exact: true }).click();
  await expect(page.getByTestId('week-view')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/schedule-week-zh.png`, fullPage: true });
  await new Shell(page).switchLanguage('EN');
  await page.getByText('Day (rooms)', { exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/schedule-rooms-day-en.png`, fullPage: true });
  await page.getByText('Week (studio)', { exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/schedule-week-en.png`, fullPage: true });
});

test('marking the first mediation session held puts the case in mediation', async ({
  page,
  preview,
}) => {
  const kase = await acceptedCase(preview);
  await api(preview, 'schedule/create', {
    caseId: kase.id,
    kind: 'mediation',
    roomId: await roomId(preview, '医调一室'),
    staffIds: [staffId],
    partyIds: kase.partyIds,
    start: at('2026-03-10', '09:30'),
    end: at('2026-03-10', '11:00'),
    acceptWarnings: true,
  });
  await page.goto(`${preview.url}#/cases/${kase.id}`);
  await expect(page.getByText('受理', { exact: true }).first()).toBeVisible();
  const casePage = new CasePage(page);
  await casePage.openTab('调解安排');
  await casePage.panel().getByTestId('case-session-row').click();
  const drawer = new SessionDrawer(page, '日程').root();
  await drawer.getByRole('button', { name: '标记已举行' }).click();
  const modal = page.getByRole('dialog', { name: '标记已举行' });
  await modal.getByLabel('调解记录').fill('双方陈述意见，医院同意重新核算医疗费用。');
  await modal.getByRole('checkbox', { name: HOSPITAL.name }).uncheck();
  await page.screenshot({ path: `${SHOTS}/schedule-held-zh.png` });
  await modal.getByRole('button', { name: '标记已举行' }).click();
  await expect(page.getByText('已记录为已举行')).toBeVisible();
  await expect(drawer.getByTestId('session-status')).toHaveText('已举行');
  await page.screenshot({ path: `${SHOTS}/schedule-session-held-zh.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByText('调解中', { exact: true }).first()).toBeVisible();
  await casePage.openTab('办理经过');
  await expect(casePage.panel()).toContainText('日程已举行');
  await expect(casePage.panel()).toContainText('开始调解');
  await casePage.openTab('调解安排');
  await page.screenshot({ path: `${SHOTS}/schedule-case-tab-zh.png`, fullPage: true });
  await new Shell(page).switchLanguage('EN');
  await page.screenshot({ path: `${SHOTS}/schedule-case-tab-en.png`, fullPage: true });
});

test("a leader's reception day: slots opened, a petitioner booked into one", async ({
  page,
  preview,
}) => {
  const petition = await api<{ id: number; number: string }>(preview, 'cases/register', {
    studioId: 8,
    category: 'land_expropriation',
    source: 'letters_visits',
    summary: '征地补偿款分配不公，多次来访。',
    parties: [
      { role: 'applicant', party: { kind: 'person', name: '刘建国', sex: 'male' } },
      { role: 'respondent', party: { kind: 'organization', name: '某街道办事处' } },
    ],
  });
  await new Shell(page).open('排期');
  await page.getByRole('button', { name: '领导接访日' }).click();
  const dialog = page.getByRole('dialog', { name: '领导接访日' });
  await dialog.getByRole('combobox', { name: '接访领导' }).click();
  await page.getByRole('option', { name: '王芳', exact: true }).click();
  await dialog.getByRole('textbox', { name: '日期', exact: true }).fill('2026-03-12');
  await dialog.getByRole('textbox', { name: '首个时段开始', exact: true }).fill('09:00');
  await page.screenshot({ path: `${SHOTS}/schedule-reception-day-zh.png` });
  await dialog.getByRole('button', { name: '开放接访时段' }).click();
  await expect(page.getByText('已开放 6 个接访时段')).toBeVisible();

  await page.getByTestId('schedule-date').click();
  await page.getByRole('button', { name: '12 三月 2026' }).click();
  await page.getByRole('combobox', { name: '工作室' }).click();
  await page.getByRole('option', { name: '全中心' }).click();
  await expect(page.getByTestId('schedule-count')).toHaveText('共 6 项');
  await page.screenshot({ path: `${SHOTS}/schedule-center-day-zh.png`, fullPage: true });

  await page
    .getByTestId('rooms-day-view')
    .getByRole('button', { name: /09:30–10:00/ })
    .click();
  const drawer = new SessionDrawer(page, '日程').root();
  await drawer.getByTestId('session-case').click();
  await drawer.getByTestId('session-case').fill('刘建国');
  await page
    .getByRole('option', { name: new RegExp(petition.number.replace(/[()（）]/g, '.')) })
    .click();
  await expect(drawer.getByRole('checkbox', { name: '刘建国' })).toBeChecked();
  await drawer.getByRole('checkbox', { name: '某街道办事处' }).uncheck();
  await drawer.getByRole('button', { name: '预约', exact: true }).click();
  await expect(page.getByText('已预约')).toBeVisible();
  await expect(drawer.getByTestId('session-details')).toContainText(petition.number);

  await page.keyboard.press('Escape');
  await page.getByText('议程', { exact: true }).click();
  await expect(page.getByText(/刘建国/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/schedule-agenda-zh.png`, fullPage: true });
  await new Shell(page).switchLanguage('EN');
  await page.screenshot({ path: `${SHOTS}/schedule-agenda-en.png`, fullPage: true });
  await page.getByText('Day (rooms)', { exact: true }).click();
  await page.screenshot({ path: `${SHOTS}/schedule-center-day-en.png`, fullPage: true });
  await page.getByRole('button', { name: "Leader's reception day" }).click();
  await expect(page.getByRole('dialog', { name: "Leader's reception day" })).toBeInViewport({
    ratio: 1,
  });
  await page.screenshot({ path: `${SHOTS}/schedule-reception-day-en.png` });
  await page.keyboard.press('Escape');
  await page.getByTestId('schedule-new').click();
  await expect(page.getByRole('dialog', { name: 'New session' })).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${SHOTS}/schedule-form-en.png` });
});
