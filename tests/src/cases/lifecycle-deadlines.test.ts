import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainBreaks } from '../../support/audit-chain';
import {
  act,
  caseIn,
  caseRow,
  expectRefused,
  NAMES,
  openCenter,
  register,
  S,
  versionOf,
  type Center,
} from '../../support/lifecycle';

/** Beijing wall-clock time as an instant. */
const bj = (local: string) => new Date(`${local}+08:00`);
/** 10:00 in Beijing on a date. */
const on = (date: string) => bj(`${date}T10:00:00`);

async function deadline(c: Center, id: number, session: string = S.mediator) {
  return (await c.t.ok('cases/get', { id }, session)).deadline;
}

describe('deadlines through the API (real 2026 calendar from migration 0004)', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter(on('2026-03-10'));
  });
  afterEach(async () => {
    await c.close();
  });

  it('accepting a medical case sets 30 working days, skipping Qingming (04-06 is a holiday)', async () => {
    const { id } = await register(c, 'medical');
    expect((await caseRow(c, id)).deadlineOn).toBeNull();
    expect(await deadline(c, id)).toBeNull();
    await act(c, 'cases/accept', id, {}, S.reception);
    // Monday to Friday alone would give 2026-04-21.
    expect((await caseRow(c, id)).deadlineOn).toBe('2026-04-22');
    expect(await deadline(c, id)).toEqual({
      dueOn: '2026-04-22',
      unit: 'working_days',
      daysLeft: 30,
      urgency: 'ok',
      pausedSince: null,
      pausedDays: 0,
    });
  });

  it('counts the Labour Day holidays out and the 05-09 make-up Saturday in', async () => {
    c.clock.set(on('2026-04-20'));
    const { id } = await register(c, 'medical');
    await act(c, 'cases/accept', id, {}, S.reception);
    // Plain Monday to Friday would give 2026-06-01.
    expect((await caseRow(c, id)).deadlineOn).toBe('2026-06-03');
  });

  it('a labour case gets 15 calendar days', async () => {
    const { id } = await register(c, 'labour', { category: 'labour' });
    await act(c, 'cases/accept', id, {}, S.reception);
    expect((await caseRow(c, id)).deadlineOn).toBe('2026-03-25');
    expect(await deadline(c, id, S.labourMediator)).toMatchObject({
      dueOn: '2026-03-25',
      unit: 'calendar_days',
      daysLeft: 15,
      urgency: 'ok',
    });
  });

  it('the acceptance day is the center date: 00:30 in Beijing is already the next day', async () => {
    // 2026-03-10T16:30Z is 2026-03-11 00:30 in Beijing.
    c.clock.set(new Date('2026-03-10T16:30:00Z'));
    const { id } = await register(c, 'labour', { category: 'labour' });
    await act(c, 'cases/accept', id, {}, S.reception);
    expect((await caseRow(c, id)).deadlineOn).toBe('2026-03-26');
  });

  it('pause, move the clock, resume: the deadline moves by the paused working days', async () => {
    const { id } = await caseIn(c, 'in_mediation');
    const paused = await act(c, 'cases/pauseDeadline', id, { reason: '医疗损害鉴定' }, S.mediator);
    expect(paused.deadlineOn).toBe('2026-04-22');
    let row = await caseRow(c, id);
    expect(row.deadlinePausedSince).toBe('2026-03-10');
    expect(row.status).toBe('in_mediation');

    // A week later, still paused: the due date drifts with the pause, the days left stay put.
    c.clock.set(on('2026-03-17'));
    expect(await deadline(c, id)).toEqual({
      dueOn: '2026-04-29',
      unit: 'working_days',
      daysLeft: 30,
      urgency: 'ok',
      pausedSince: '2026-03-10',
      pausedDays: 5,
    });

    const resumed = await act(c, 'cases/resumeDeadline', id, {}, S.mediator);
    // (03-10, 03-17] holds 5 working days: 04-22 + 5 working days.
    expect(resumed.deadlineOn).toBe('2026-04-29');
    row = await caseRow(c, id);
    expect(row.deadlineOn).toBe('2026-04-29');
    expect(row.deadlinePausedSince).toBeNull();

    c.clock.set(on('2026-03-20'));
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.deadline).toEqual({
      dueOn: '2026-04-29',
      unit: 'working_days',
      daysLeft: 27,
      urgency: 'ok',
      pausedSince: null,
      pausedDays: 5,
    });
    expect(view.deadlineChanges).toEqual([
      {
        kind: 'pause',
        onDate: '2026-03-10',
        days: null,
        reason: '医疗损害鉴定',
        at: '2026-03-10T02:00:00.000Z',
        staffName: NAMES.mediator,
      },
      {
        kind: 'resume',
        onDate: '2026-03-17',
        days: null,
        reason: '',
        at: '2026-03-17T02:00:00.000Z',
        staffName: NAMES.mediator,
      },
    ]);
    expect(view.events.slice(-2).map((e) => [e.kind, e.staffName, e.data])).toEqual([
      [
        'deadline.pause',
        NAMES.mediator,
        { reason: '医疗损害鉴定', days: null, dueOn: '2026-04-22' },
      ],
      ['deadline.resume', NAMES.mediator, { reason: '', days: null, dueOn: '2026-04-29' }],
    ]);
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  // refreshDeadline stores deadlineOn "so lists can sort and filter by it" (case-list's overdue
  // filter is `deadline_on < today`). While a pause lasts, the due date moves on every day (the
  // case page says so), but the stored column keeps the value of the day of the pause.
  it('while paused, the stored deadlineOn does not fall behind what the case page shows', async () => {
    const { id } = await caseIn(c, 'accepted');
    await act(c, 'cases/pauseDeadline', id, { reason: '医疗损害鉴定' }, S.mediator);
    c.clock.set(on('2026-05-20'));
    const page = await deadline(c, id);
    expect(page).toMatchObject({ daysLeft: 30, urgency: 'ok', pausedSince: '2026-03-10' });
    const stored = (await caseRow(c, id)).deadlineOn;
    // Either kept up to date or left empty while paused, but never "overdue" while the page says ok.
    expect(stored === null || stored >= '2026-05-20', `stored deadlineOn ${stored}`).toBe(true);
  });

  it('a pause and resume on the same day changes nothing', async () => {
    const { id } = await caseIn(c, 'accepted');
    await act(c, 'cases/pauseDeadline', id, { reason: '误操作' }, S.mediator);
    const resumed = await act(c, 'cases/resumeDeadline', id, {}, S.director);
    expect(resumed.deadlineOn).toBe('2026-04-22');
  });

  it('pausing twice → INVALID_TRANSITION; resuming a running deadline → INVALID_TRANSITION', async () => {
    const { id } = await caseIn(c, 'accepted');
    const running = await expectRefused(c, 'INVALID_TRANSITION', async () =>
      c.t.call('cases/resumeDeadline', { id, version: await versionOf(c, id) }, S.mediator),
    );
    expect(running.message).toBe('期限未暂停');
    await act(c, 'cases/pauseDeadline', id, { reason: '鉴定' }, S.mediator);
    const twice = await expectRefused(c, 'INVALID_TRANSITION', async () =>
      c.t.call(
        'cases/pauseDeadline',
        { id, version: await versionOf(c, id), reason: '再次鉴定' },
        S.mediator,
      ),
    );
    expect(twice.message).toBe('期限已处于暂停状态');
    await c.t.ok('session/setLocale', { locale: 'en' }, S.mediator);
    const en = await expectRefused(c, 'INVALID_TRANSITION', async () =>
      c.t.call(
        'cases/pauseDeadline',
        { id, version: await versionOf(c, id), reason: 'x' },
        S.mediator,
      ),
    );
    expect(en.message).toBe('The deadline is already paused');
  });

  it('extension adds days in the rule unit: working days for medical (onto the 05-09 make-up day)', async () => {
    const { id } = await caseIn(c, 'accepted');
    const extended = await act(
      c,
      'cases/extendDeadline',
      id,
      { days: 10, reason: '案情复杂，经主任批准' },
      S.director,
    );
    expect(extended.deadlineOn).toBe('2026-05-09');
    expect((await caseRow(c, id)).deadlineOn).toBe('2026-05-09');
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.deadlineChanges).toMatchObject([
      { kind: 'extension', days: 10, reason: '案情复杂，经主任批准', staffName: NAMES.director },
    ]);
    expect(view.events.at(-1)).toMatchObject({
      kind: 'deadline.extension',
      staffName: NAMES.director,
      data: { days: 10, dueOn: '2026-05-09' },
    });
  });

  it('extension adds calendar days for a labour case', async () => {
    const { id } = await register(c, 'labour', { category: 'labour' });
    await act(c, 'cases/accept', id, {}, S.reception);
    const extended = await act(
      c,
      'cases/extendDeadline',
      id,
      { days: 5, reason: '延长' },
      S.labourMediator,
    );
    expect(extended.deadlineOn).toBe('2026-03-30');
  });

  it('transfer recomputes with the new studio rule and clears the old studio mediators', async () => {
    const { id } = await caseIn(c, 'accepted');
    await act(c, 'cases/assignMediators', id, { staffIds: [c.staff.mediator] }, S.reception);
    expect((await caseRow(c, id)).deadlineOn).toBe('2026-04-22');
    c.clock.set(on('2026-03-12'));
    await act(
      c,
      'cases/transfer',
      id,
      { studioId: c.studio.labour, reason: '实为劳动争议' },
      S.reception,
    );
    const row = await caseRow(c, id);
    expect(row.studioId).toBe(c.studio.labour);
    expect(row.status).toBe('accepted');
    // Counted from the acceptance on 03-10, not from the transfer.
    expect(row.deadlineOn).toBe('2026-03-25');
    const view = await c.t.ok('cases/get', { id }, S.labourMediator);
    expect(view.mediators).toEqual([]);
    expect(view.deadline).toMatchObject({
      dueOn: '2026-03-25',
      unit: 'calendar_days',
      daysLeft: 13,
    });
    // The medical mediator has lost the case.
    await expectRefused(c, 'FORBIDDEN', () => c.t.call('cases/get', { id }, S.mediator));
    // And back to a one-month studio: one month from 03-10.
    await act(
      c,
      'cases/transfer',
      id,
      { studioId: c.studio.family, reason: '婚姻家庭' },
      S.reception,
    );
    expect((await caseRow(c, id)).deadlineOn).toBe('2026-04-10');
  });

  it('a transfer of a registered case sets no deadline', async () => {
    const { id } = await register(c);
    await act(
      c,
      'cases/transfer',
      id,
      { studioId: c.studio.labour, reason: '劳动争议' },
      S.reception,
    );
    expect((await caseRow(c, id)).deadlineOn).toBeNull();
  });

  it('cases/get: daysLeft and urgency as the clock moves (calendar days)', async () => {
    const { id } = await register(c, 'labour', { category: 'labour' });
    await act(c, 'cases/accept', id, {}, S.reception);
    const at = async (date: string) => {
      c.clock.set(on(date));
      const d = await deadline(c, id, S.labourMediator);
      return [d?.daysLeft, d?.urgency];
    };
    expect(await at('2026-03-21')).toEqual([4, 'ok']);
    expect(await at('2026-03-22')).toEqual([3, 'due_soon']);
    expect(await at('2026-03-25')).toEqual([0, 'due_soon']);
    expect(await at('2026-03-26')).toEqual([-1, 'overdue']);
    expect(await at('2026-04-10')).toEqual([-16, 'overdue']);
  });

  it('cases/get: daysLeft and urgency in working days for a medical case', async () => {
    const { id } = await caseIn(c, 'accepted');
    const at = async (date: string) => {
      c.clock.set(on(date));
      const d = await deadline(c, id);
      return [d?.daysLeft, d?.urgency];
    };
    // Due Wednesday 04-22.
    expect(await at('2026-04-16')).toEqual([4, 'ok']);
    expect(await at('2026-04-17')).toEqual([3, 'due_soon']);
    // The weekend counts no working days: still 3 on Sunday.
    expect(await at('2026-04-19')).toEqual([3, 'due_soon']);
    expect(await at('2026-04-22')).toEqual([0, 'due_soon']);
    expect(await at('2026-04-23')).toEqual([-1, 'overdue']);
  });

  it('no deadline once the case is concluded', async () => {
    const { id } = await caseIn(c, 'in_mediation');
    await act(c, 'cases/pauseDeadline', id, { reason: '鉴定' }, S.mediator);
    await act(c, 'cases/conclude', id, { outcome: 'oral_agreement' }, S.mediator);
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.deadline).toBeNull();
    expect(view.deadlinePausedSince).toBeNull();
    await expectRefused(c, 'INVALID_TRANSITION', async () =>
      c.t.call('cases/resumeDeadline', { id, version: await versionOf(c, id) }, S.mediator),
    );
  });

  it('each deadline change bumps the version and leaves one audit row', async () => {
    const { id } = await caseIn(c, 'accepted');
    const v = await versionOf(c, id);
    const before = await c.t.db.selectFrom('auditLog').select('id').execute();
    await act(c, 'cases/pauseDeadline', id, { reason: '鉴定' }, S.mediator);
    c.clock.set(on('2026-03-13'));
    await act(c, 'cases/resumeDeadline', id, {}, S.mediator);
    await act(c, 'cases/extendDeadline', id, { days: 3, reason: '复杂' }, S.mediator);
    expect(await versionOf(c, id)).toBe(v + 3);
    const audit = await c.t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '>', before.at(-1)?.id ?? 0)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.method)).toEqual([
      'cases/pauseDeadline',
      'cases/resumeDeadline',
      'cases/extendDeadline',
    ]);
    // While paused no due date is stored: it would go stale by the day.
    expect(JSON.parse(audit[1]?.before ?? 'null')).toEqual({
      deadlineOn: null,
      pausedSince: '2026-03-10',
    });
    // (03-10, 03-13] is 3 working days; then 3 more by extension.
    expect(JSON.parse(audit[2]?.after ?? 'null')).toMatchObject({
      deadlineOn: '2026-04-30',
      pausedSince: null,
      kind: 'extension',
    });
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });
});
