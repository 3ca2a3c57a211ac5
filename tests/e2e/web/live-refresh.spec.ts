import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { startPreview, type PreviewServer } from '../../harness/preview-server';
import { centerInstant, centerWallTime } from '../../../src/schedule/session-time.schema';
import { intake } from '../../support/fixtures';
import { expect, test } from '../fixtures';
import { CaseActionsBar } from '../pages/case-actions';
import { QueuePage } from '../pages/cases-pages';
import { IntakePage } from '../pages/intake-page';
import {
  ADMIN,
  CoreDesk,
  MEDIATOR,
  RECEPTION,
  SECOND_ADMIN,
  Workstation,
  type Person,
} from '../pages/live';
import { Shell } from '../pages/shell';
import { HOSPITAL, ZHANG_WEI } from '../people';

/**
 * Several workstations, one center: what one saves shows at the others within seconds, with
 * nobody pressing refresh — and never at the cost of what someone else is typing.
 */
const SHOTS = path.resolve(import.meta.dirname, '../../../.scratch/screens/live');
mkdirSync(SHOTS, { recursive: true });

/** "Within a few seconds": the poll runs every 2 s, so a change shows in about 2 s at worst. */
const WITHIN_MS = 5_000;

async function shot(page: Page, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Marks the page so a reload (which would clear the mark) cannot pass for a live update. */
async function markPage(page: Page) {
  await page.evaluate(() => Object.assign(window, { liveMark: true }));
}
async function expectNotReloaded(page: Page) {
  expect(await page.evaluate(() => 'liveMark' in window)).toBe(true);
}

/** Reception registers through the intake screen; returns the number and when it was saved. */
async function registerAtReception(reception: Workstation) {
  const shell = new Shell(reception.page);
  const form = new IntakePage(reception.page);
  await shell.open('受理登记');
  await form.fillPerson(0, { name: ZHANG_WEI.name, sex: '男', id: ZHANG_WEI.id });
  await form.fillOrganization(1, HOSPITAL);
  await form.fillDispute('医疗纠纷', '患者术后感染，双方就赔偿金额协商未果。');
  await expect(form.studio()).toHaveValue('医疗纠纷调解工作室');
  await form.saveWithKeyboard();
  await expect(form.savedAlert()).toBeVisible();
  return { number: await form.savedNumber(), savedAt: Date.now() };
}

/** The mediator's queue: the cases list of their studio, waiting for work. */
async function openQueue(mediator: Workstation) {
  await new Shell(mediator.page).open('案件');
  const queue = new QueuePage(mediator.page);
  await expect(queue.empty()).toBeVisible();
  await markPage(mediator.page);
  return queue;
}

async function expectArrives(
  queue: QueuePage,
  number: string,
  savedAt: number,
  label: string,
): Promise<number> {
  await expect(queue.row(number)).toContainText(ZHANG_WEI.name, { timeout: WITHIN_MS });
  const latency = Date.now() - savedAt;
  console.log(`[live-refresh] ${label}: the case showed at the other desk after ${latency} ms`);
  expect(latency).toBeLessThan(WITHIN_MS);
  return latency;
}

test('a case registered at reception shows in the studio queue within seconds, no reload', async ({
  browser,
  preview,
}) => {
  await new CoreDesk(preview).seedCenter();
  const reception = await Workstation.signIn(browser, preview.url, RECEPTION);
  const mediator = await Workstation.signIn(browser, preview.url, MEDIATOR);
  const queue = await openQueue(mediator);

  // Idle, the mediator's desk asks only for the marker: one cheap call every two seconds.
  await mediator.page.waitForTimeout(3_000); // the first answer's one-off re-read settles
  mediator.calls.length = 0;
  await mediator.page.waitForTimeout(4_500);
  expect(new Set(mediator.calls)).toEqual(new Set(['sync/changes']));
  expect(mediator.count('sync/changes')).toBeGreaterThanOrEqual(2);
  expect(mediator.count('sync/changes')).toBeLessThanOrEqual(4);

  const { number, savedAt } = await registerAtReception(reception);
  await expectArrives(queue, number, savedAt, 'one preview, two browsers');
  await expect(queue.row(number)).toContainText('登记');
  await expect(queue.count()).toContainText('1');
  await expectNotReloaded(mediator.page);
  await shot(mediator.page, 'queue-updated-zh');

  await reception.close();
  await mediator.close();
});

test('two workstations, two cores, one PostgreSQL server: the same within seconds', async ({
  browser,
  pgDatabase,
}) => {
  const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'md-e2e-live-')));
  const start = (dir: string) =>
    startPreview({ dbFile: path.join(dir, 'local.sqlite'), postgres: pgDatabase.connection });
  // One after the other: the first migrates the empty server, the second finds it ready.
  const front: PreviewServer = await start(dirs[0] ?? '');
  const studio: PreviewServer = await start(dirs[1] ?? '');
  try {
    await new CoreDesk(front).seedCenter();
    const reception = await Workstation.signIn(browser, front.url, RECEPTION);
    const mediator = await Workstation.signIn(browser, studio.url, MEDIATOR);
    const queue = await openQueue(mediator);
    const { number, savedAt } = await registerAtReception(reception);
    await expectArrives(queue, number, savedAt, 'two cores on PostgreSQL');
    await expectNotReloaded(mediator.page);
    await reception.close();
    await mediator.close();
  } finally {
    await front.close();
    await studio.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * A medical case in mediation with 李调解 assigned, made through the core as the people who
 * would do it; a second mediator (王调解) works in the same studio.
 */
async function caseInMediation(preview: PreviewServer) {
  const api = new CoreDesk(preview);
  const { medical } = await api.seedCenter();
  await api.call('staff/create', {
    displayName: '王调解',
    username: 'wang.mediator',
    password: 'mediator-pass-2',
    roles: ['mediator'],
    studioIds: [medical],
  });
  const as = async (p: Person) => {
    const desk = new CoreDesk(preview, `e2e-live-${p.username}`);
    await desk.call('auth/signIn', { username: p.username, password: p.password });
    return desk;
  };
  const front = await as(RECEPTION);
  const studioDesk = await as(MEDIATOR);
  const { id } = await front.call<{ id: number }>('cases/register', intake(medical));
  const staff = await front.call<{ id: number; displayName: string }[]>('staff/list', {});
  const li = staff.find((s) => s.displayName === MEDIATOR.name)?.id ?? 0;
  await front.call('cases/accept', { id, version: 1 });
  await front.call('cases/assignMediators', { id, version: 2, staffIds: [li] });
  await studioDesk.call('cases/startMediation', { id, version: 3 });
  return { id, li, front, studioDesk };
}

test('a dialog being typed in stays as typed while another desk changes the same case', async ({
  browser,
  preview,
}) => {
  const { id, studioDesk } = await caseInMediation(preview);
  const mediator = await Workstation.signIn(browser, preview.url, MEDIATOR);
  const reception = await Workstation.signIn(browser, preview.url, RECEPTION);
  const caseUrl = `${preview.url}#/cases/${id}`;
  await mediator.page.goto(caseUrl);
  await reception.page.goto(caseUrl);

  // The mediator starts concluding the case and writes a long note...
  const note = '双方当场达成一致：医院赔偿医疗费、误工费共计三万元，分两期支付。调解员已逐条宣读。';
  const mediatorBar = new CaseActionsBar(mediator.page);
  await mediatorBar.open('调解终结');
  await mediatorBar.choose('调解结果', '达成书面协议');
  await mediatorBar.fill('备注', note);

  // ...while reception assigns a second mediator to the same case at the front desk.
  const receptionBar = new CaseActionsBar(reception.page);
  await receptionBar.open('指派调解员');
  await receptionBar.dialog().getByRole('combobox', { name: '调解员' }).click();
  await reception.page.getByRole('option', { name: '王调解' }).click();
  await receptionBar.dialog().getByRole('heading').click();
  await receptionBar.confirm('指派调解员');
  const savedAt = Date.now();

  // The mediator's page shows the change behind the dialog, and the dialog is as it was.
  await expect(mediator.page.getByTestId('case-mediators')).toContainText('王调解', {
    timeout: WITHIN_MS,
  });
  console.log(`[live-refresh] case page followed the other desk after ${Date.now() - savedAt} ms`);
  await mediator.page.waitForTimeout(2_500); // another poll or two: still nothing reset
  await expect(mediatorBar.dialog().getByLabel('备注')).toHaveValue(note);
  await expect(mediatorBar.dialog().getByRole('combobox', { name: '调解结果' })).toHaveValue(
    '达成书面协议',
  );
  await shot(mediator.page, 'dialog-kept-zh');

  // Saving what was typed against the older case is refused as stale, never overwriting.
  await mediatorBar.dialog().getByRole('button', { name: '调解终结', exact: true }).click();
  await expect(mediator.page.getByText('案件已被他人修改，已重新载入')).toBeVisible();
  const status = await studioDesk.call<{ status: string }>('cases/get', { id });
  expect(status.status).toBe('in_mediation');

  await mediator.close();
  await reception.close();
});

/** The next Monday–Friday after today at the center (holidays only warn: accepted). */
function nextWeekday(): string {
  let at = Date.now();
  for (;;) {
    at += 86_400_000;
    const { date } = centerWallTime(at);
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (day !== 0 && day !== 6) return date;
  }
}

test('a session being edited keeps what is typed when another desk changes it; saving says stale', async ({
  browser,
  preview,
}) => {
  const { id, li, front } = await caseInMediation(preview);
  const detail = await front.call<{ parties: { partyId: number }[] }>('cases/get', { id });
  const room = await preview.core.db
    .selectFrom('rooms')
    .select('id')
    .where('nameZh', '=', '医调一室')
    .executeTakeFirstOrThrow();
  const date = nextWeekday();
  const booking = {
    kind: 'mediation',
    roomId: room.id,
    staffIds: [li],
    partyIds: detail.parties.map((p) => p.partyId),
    acceptWarnings: true,
  };
  const session = await front.call<{ id: number; version: number }>('schedule/create', {
    ...booking,
    caseId: id,
    start: centerInstant(date, '09:00'),
    end: centerInstant(date, '10:00'),
  });

  const mediator = await Workstation.signIn(browser, preview.url, MEDIATOR);
  await mediator.page.goto(`${preview.url}#/cases/${id}`);
  await mediator.page.getByRole('tab', { name: '调解安排' }).click();
  await mediator.page.getByTestId('case-session-row').click();
  const drawer = mediator.page.getByRole('dialog', { name: '日程', exact: true });
  const notes = drawer.getByRole('textbox', { name: '备注' });
  const typed = '请双方携带病历原件及费用清单。';
  await notes.fill(typed);

  // Reception moves the end of the same session and leaves a note of its own.
  await front.call('schedule/update', {
    ...booking,
    id: session.id,
    version: session.version,
    start: centerInstant(date, '09:00'),
    end: centerInstant(date, '10:30'),
    notes: '前台：当事人要求延长半小时',
  });
  const savedAt = Date.now();

  // The drawer's details follow within seconds; the form keeps what the mediator typed.
  const details = drawer.getByTestId('session-details');
  await expect(details).toContainText('10:00');
  await expect(details).toContainText('10:30', { timeout: WITHIN_MS });
  console.log(`[live-refresh] session drawer followed after ${Date.now() - savedAt} ms`);
  await mediator.page.waitForTimeout(2_500);
  await expect(notes).toHaveValue(typed);
  await expect(drawer.getByRole('textbox', { name: '结束', exact: true })).toHaveValue('10:00');
  await shot(mediator.page, 'session-kept-zh');

  // Saving it over the newer session is refused: the reception's change stands.
  await drawer.getByTestId('session-save').click();
  await expect(mediator.page.getByText('日程已被他人修改').first()).toBeVisible();
  const stored = await preview.core.db
    .selectFrom('sessions')
    .select(['notes', 'version'])
    .where('id', '=', session.id)
    .executeTakeFirstOrThrow();
  expect(stored).toEqual({ notes: '前台：当事人要求延长半小时', version: session.version + 1 });
  await mediator.close();
});

test('settings being edited keep what is typed; the rest of the screen follows the other admin', async ({
  browser,
  preview,
}) => {
  await new CoreDesk(preview).seedCenter();
  const first = await Workstation.signIn(browser, preview.url, ADMIN);
  const second = await Workstation.signIn(browser, preview.url, SECOND_ADMIN);
  for (const desk of [first, second]) await desk.page.goto(`${preview.url}#/settings/numbering`);
  const year = String(new Date().getFullYear());
  const template = (desk: Workstation) => desk.page.getByRole('textbox', { name: /^案号格式/ });
  const example = (desk: Workstation) => desk.page.getByTestId('number-example');
  const saveTemplate = async (desk: Workstation, value: string) => {
    await template(desk).fill(value);
    await desk.page.getByRole('button', { name: '保存' }).nth(1).click();
    await expect(desk.page.getByText('已保存').first()).toBeVisible();
  };

  // Untouched, the field follows a save made at the other desk.
  await saveTemplate(second, '（{year}）{center}{studio}{word}字〔{seq}〕号');
  await expect(template(first)).toHaveValue('（{year}）{center}{studio}{word}字〔{seq}〕号', {
    timeout: WITHIN_MS,
  });

  // Being edited, it keeps what is typed; the example beside it follows the other desk.
  await template(first).fill('{center}{studio}（{year}）第{seq}号');
  await saveTemplate(second, '（{year}）{center}{studio}{word}字第{seq}号');
  await expect(example(first)).toHaveText(`（${year}）矛医调字第0001号`, { timeout: WITHIN_MS });
  await first.page.waitForTimeout(2_500);
  await expect(template(first)).toHaveValue('{center}{studio}（{year}）第{seq}号');
  await shot(first.page, 'settings-kept-zh');

  // Saved, it is what the other desk sees next; and, untouched again, it follows once more.
  await first.page.getByRole('button', { name: '保存' }).nth(1).click();
  await expect(example(second)).toHaveText(`矛医（${year}）第0001号`, { timeout: WITHIN_MS });
  await expect(template(second)).toHaveValue('{center}{studio}（{year}）第{seq}号');
  await saveTemplate(second, '（{year}）{center}{studio}{word}字第{seq}号');
  await expect(template(first)).toHaveValue('（{year}）{center}{studio}{word}字第{seq}号', {
    timeout: WITHIN_MS,
  });

  await first.close();
  await second.close();
});
