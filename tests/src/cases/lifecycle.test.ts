import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainBreaks } from '../../support/audit-chain';
import {
  act,
  caseRow,
  NAMES,
  openCenter,
  register,
  S,
  versionOf,
  type Center,
} from '../../support/lifecycle';

/** Beijing wall-clock time as the instant the clock must show. */
const bj = (local: string) => new Date(`${local}+08:00`);

async function auditRows(c: Center) {
  return c.t.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
}

describe('the whole lifecycle through the dispatcher', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter(bj('2026-03-10T10:00:00'));
  });
  afterEach(async () => {
    await c.close();
  });

  it('register → accept → assign → startMediation → conclude(written) → archive → follow-up', async () => {
    const { id, number } = await register(c);
    expect(number).toBe('（2026）矛医调字第0001号');
    expect(await versionOf(c, id)).toBe(1);
    const auditBefore = (await auditRows(c)).length;

    // 受理 by reception, ten minutes later.
    c.clock.set(bj('2026-03-10T10:10:00'));
    const accepted = await c.t.ok('cases/accept', { id, version: 1 }, S.reception);
    expect(accepted).toEqual({ id, version: 2 });
    let row = await caseRow(c, id);
    expect(row).toMatchObject({
      status: 'accepted',
      answeredAt: '2026-03-10T02:10:00.000Z',
      acceptedAt: '2026-03-10T02:10:00.000Z',
      updatedAt: '2026-03-10T02:10:00.000Z',
      declineReason: null,
      deadlineOn: '2026-04-22',
      version: 2,
    });

    // Reception assigns the studio's mediator.
    const assigned = await c.t.ok(
      'cases/assignMediators',
      { id, version: 2, staffIds: [c.staff.mediator] },
      S.reception,
    );
    expect(assigned.version).toBe(3);

    // First session held the next day.
    c.clock.set(bj('2026-03-11T09:00:00'));
    expect(await c.t.ok('cases/startMediation', { id, version: 3 }, S.mediator)).toEqual({
      id,
      version: 4,
    });
    row = await caseRow(c, id);
    expect(row).toMatchObject({
      status: 'in_mediation',
      mediationStartedAt: '2026-03-11T01:00:00.000Z',
      acceptedAt: '2026-03-10T02:10:00.000Z',
    });

    // 调解终结 with a written agreement, effective the day it is concluded.
    c.clock.set(bj('2026-03-20T15:30:00'));
    expect(
      await c.t.ok(
        'cases/conclude',
        { id, version: 4, outcome: 'written_agreement', note: '双方当场签字' },
        S.mediator,
      ),
    ).toEqual({ id, version: 5 });
    row = await caseRow(c, id);
    expect(row).toMatchObject({
      status: 'concluded',
      concludedAt: '2026-03-20T07:30:00.000Z',
      outcome: 'written_agreement',
      outcomeNote: '双方当场签字',
      agreementEffectiveOn: '2026-03-20',
      deadlinePausedSince: null,
    });

    // The follow-up falls due 15 days after conclusion.
    let view = await c.t.ok('cases/get', { id }, S.clerk);
    expect(view.followUps).toHaveLength(1);
    expect(view.followUps[0]).toMatchObject({
      caseId: id,
      dueOn: '2026-04-04',
      visitedAt: null,
      version: 1,
    });
    expect(view.deadline).toBeNull();
    // 30 days from 03-20 is Sunday 04-19: the window ends on the next working day.
    expect(view.confirmationWindow).toEqual({ endsOn: '2026-04-20', state: 'open' });

    // 归档 by the studio's clerk.
    c.clock.set(bj('2026-03-23T11:00:00'));
    expect(await c.t.ok('cases/archive', { id, version: 5 }, S.clerk)).toEqual({
      id,
      version: 6,
    });
    row = await caseRow(c, id);
    expect(row).toMatchObject({ status: 'archived', archivedAt: '2026-03-23T03:00:00.000Z' });

    // 回访 recorded by the clerk.
    c.clock.set(bj('2026-04-04T10:00:00'));
    const followUpId = view.followUps[0]?.id ?? -1;
    expect(
      await c.t.ok(
        'followUps/record',
        {
          followUpId,
          version: 1,
          performance: 'fulfilled',
          satisfaction: 'satisfied',
          note: '已按协议付款',
        },
        S.clerk,
      ),
    ).toEqual({ id: followUpId, version: 2 });

    view = await c.t.ok('cases/get', { id }, S.clerk);
    expect(view.status).toBe('archived');
    expect(view.version).toBe(6);
    expect(view.followUps[0]).toMatchObject({
      visitedAt: '2026-04-04T02:00:00.000Z',
      visitorId: c.staff.clerk,
      visitorName: NAMES.clerk,
      performance: 'fulfilled',
      satisfaction: 'satisfied',
      escalation: 0,
      note: '已按协议付款',
      version: 2,
    });

    // One timeline event per step, with who did it.
    expect(view.events.map((e) => [e.kind, e.staffName])).toEqual([
      ['registered', NAMES.reception],
      ['accepted', NAMES.reception],
      ['mediatorsAssigned', NAMES.reception],
      ['mediationStarted', NAMES.mediator],
      ['concluded', NAMES.mediator],
      ['archived', NAMES.clerk],
      ['followedUp', NAMES.clerk],
    ]);
    expect(view.events.map((e) => e.at)).toEqual([
      '2026-03-10T02:00:00.000Z',
      '2026-03-10T02:10:00.000Z',
      '2026-03-10T02:10:00.000Z',
      '2026-03-11T01:00:00.000Z',
      '2026-03-20T07:30:00.000Z',
      '2026-03-23T03:00:00.000Z',
      '2026-04-04T02:00:00.000Z',
    ]);
    expect(view.events[4]?.data).toEqual({
      outcome: 'written_agreement',
      advisedRoute: null,
      note: '双方当场签字',
    });
    expect(view.mediators).toEqual([{ staffId: c.staff.mediator, displayName: NAMES.mediator }]);

    // One audit row per write, by the caller, and the chain holds.
    const audit = (await auditRows(c)).slice(auditBefore);
    expect(audit.map((a) => [a.method, a.entity, a.entityId, a.staffId])).toEqual([
      ['cases/accept', 'case', String(id), c.staff.reception],
      ['cases/assignMediators', 'case', String(id), c.staff.reception],
      ['cases/startMediation', 'case', String(id), c.staff.mediator],
      ['cases/conclude', 'case', String(id), c.staff.mediator],
      ['cases/archive', 'case', String(id), c.staff.clerk],
      ['followUps/record', 'followUp', String(followUpId), c.staff.clerk],
    ]);
    expect(JSON.parse(audit[0]?.before ?? 'null')).toEqual({ status: 'registered' });
    expect(JSON.parse(audit[0]?.after ?? 'null')).toMatchObject({ status: 'accepted' });
    expect(JSON.parse(audit[3]?.after ?? 'null')).toMatchObject({
      status: 'concluded',
      outcome: 'written_agreement',
      agreementEffectiveOn: '2026-03-20',
    });
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
    expect(c.t.internalErrors).toEqual([]);
  });

  it('shows in cases/get only the actions the state allows the caller', async () => {
    const { id } = await register(c);
    const allowed = async (session: string) =>
      (await c.t.ok('cases/get', { id }, session)).allowedActions;
    expect(await allowed(S.reception)).toEqual([
      'accept',
      'decline',
      'refer',
      'transfer',
      'assignMediators',
    ]);
    expect(await allowed(S.clerk)).toEqual([]);
    await act(c, 'cases/accept', id, {}, S.reception);
    expect(await allowed(S.mediator)).toEqual([
      'startMediation',
      'conclude',
      'transfer',
      'assignMediators',
      'pauseDeadline',
      'extendDeadline',
    ]);
    expect(await allowed(S.director)).toEqual([
      'transfer',
      'assignMediators',
      'pauseDeadline',
      'extendDeadline',
    ]);
    await act(c, 'cases/pauseDeadline', id, { reason: '医疗损害鉴定' }, S.mediator);
    expect(await allowed(S.mediator)).toContain('resumeDeadline');
    expect(await allowed(S.mediator)).not.toContain('pauseDeadline');
    await act(
      c,
      'cases/conclude',
      id,
      { outcome: 'no_agreement', advisedRoute: 'litigation' },
      S.mediator,
    );
    expect(await allowed(S.clerk)).toEqual(['archive', 'openLinked', 'recordFollowUp']);
    expect(await allowed(S.reception)).toEqual(['openLinked']);
  });

  it('concludes straight from accepted (no session held): mediationStartedAt stays empty', async () => {
    const { id } = await register(c);
    await act(c, 'cases/accept', id, {}, S.reception);
    await act(c, 'cases/conclude', id, { outcome: 'withdrawn', note: '申请人撤回' }, S.mediator);
    expect(await caseRow(c, id)).toMatchObject({
      status: 'concluded',
      outcome: 'withdrawn',
      mediationStartedAt: null,
      agreementEffectiveOn: null,
      concludedAt: '2026-03-10T02:00:00.000Z',
    });
  });

  it('records each outcome; only a written agreement gets an effective date', async () => {
    const outcomes = [
      [{ outcome: 'written_agreement', agreementEffectiveOn: '2026-03-10' }, '2026-03-10'],
      [{ outcome: 'oral_agreement' }, null],
      [{ outcome: 'no_agreement', advisedRoute: 'arbitration' }, null],
      [{ outcome: 'withdrawn' }, null],
      [{ outcome: 'refused' }, null],
    ] as const;
    for (const [input, effective] of outcomes) {
      const { id } = await register(c);
      await act(c, 'cases/accept', id, {}, S.reception);
      await act(c, 'cases/startMediation', id, {}, S.mediator);
      await act(c, 'cases/conclude', id, input, S.mediator);
      const view = await c.t.ok('cases/get', { id }, S.mediator);
      expect(view.status).toBe('concluded');
      expect(view.outcome).toBe(input.outcome);
      expect(view.agreementEffectiveOn).toBe(effective);
      expect(view.confirmationWindow === null).toBe(effective === null);
      const concluded = view.events.find((e) => e.kind === 'concluded');
      expect(concluded?.data).toMatchObject({
        outcome: input.outcome,
        advisedRoute: 'advisedRoute' in input ? input.advisedRoute : null,
      });
      expect(view.followUps).toHaveLength(1);
    }
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('declines with the reason: answered, never accepted, no deadline, closed', async () => {
    const { id } = await register(c);
    c.clock.set(bj('2026-03-10T14:00:00'));
    expect(
      await c.t.ok(
        'cases/decline',
        { id, version: 1, reason: '已进入诉讼程序，不属于人民调解受理范围' },
        S.reception,
      ),
    ).toEqual({ id, version: 2 });
    const view = await c.t.ok('cases/get', { id }, S.reception);
    expect(view).toMatchObject({
      status: 'declined',
      answeredAt: '2026-03-10T06:00:00.000Z',
      acceptedAt: null,
      declineReason: '已进入诉讼程序，不属于人民调解受理范围',
      deadlineOn: null,
      deadline: null,
      allowedActions: [],
      followUps: [],
    });
    expect(view.events.at(-1)).toMatchObject({
      kind: 'declined',
      staffName: NAMES.reception,
      data: { reason: '已进入诉讼程序，不属于人民调解受理范围' },
    });
    const audit = (await auditRows(c)).at(-1);
    expect(audit).toMatchObject({ method: 'cases/decline', staffId: c.staff.reception });
    expect(JSON.parse(audit?.after ?? 'null')).toEqual({
      status: 'declined',
      declineReason: '已进入诉讼程序，不属于人民调解受理范围',
    });
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('refers with where and why', async () => {
    const { id } = await register(c);
    await c.t.ok(
      'cases/refer',
      { id, version: 1, referredTo: '区劳动人事争议仲裁院', reason: '属劳动仲裁前置事项' },
      S.mediator,
    );
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view).toMatchObject({
      status: 'referred',
      answeredAt: '2026-03-10T02:00:00.000Z',
      acceptedAt: null,
      referredTo: '区劳动人事争议仲裁院',
      deadline: null,
      allowedActions: [],
    });
    expect(view.events.at(-1)).toMatchObject({
      kind: 'referred',
      staffName: NAMES.mediator,
      data: { to: '区劳动人事争议仲裁院', reason: '属劳动仲裁前置事项' },
    });
    const audit = (await auditRows(c)).at(-1);
    expect(audit).toMatchObject({ method: 'cases/refer', staffId: c.staff.mediator });
    expect(JSON.parse(audit?.after ?? 'null')).toEqual({
      status: 'referred',
      referredTo: '区劳动人事争议仲裁院',
      reason: '属劳动仲裁前置事项',
    });
  });

  it('transfers an open case to another studio, same state, reason in the timeline', async () => {
    for (const status of ['registered', 'accepted', 'in_mediation'] as const) {
      const { id } = await register(c);
      if (status !== 'registered') await act(c, 'cases/accept', id, {}, S.reception);
      if (status === 'in_mediation') await act(c, 'cases/startMediation', id, {}, S.mediator);
      const version = await versionOf(c, id);
      const result = await c.t.ok(
        'cases/transfer',
        { id, version, studioId: c.studio.family, reason: '实为婚姻家庭纠纷' },
        S.reception,
      );
      expect(result).toEqual({ id, version: version + 1 });
      const view = await c.t.ok('cases/get', { id }, S.reception);
      expect(view.status).toBe(status);
      expect(view.studioId).toBe(c.studio.family);
      expect(view.events.at(-1)).toMatchObject({
        kind: 'transferred',
        staffName: NAMES.reception,
        data: { from: c.studio.medical, to: c.studio.family, reason: '实为婚姻家庭纠纷' },
      });
      // The medical studio's mediator no longer sees it; the case number does not change.
      expect(view.number).toMatch(/^（2026）矛医调字第\d{4}号$/);
      const audit = (await auditRows(c)).at(-1);
      expect(audit).toMatchObject({ method: 'cases/transfer', entityId: String(id) });
      expect(JSON.parse(audit?.before ?? 'null')).toEqual({
        studioId: c.studio.medical,
        mediators: [],
      });
    }
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('assigns and replaces mediators (duplicates collapse), and can clear them', async () => {
    const { id } = await register(c);
    await act(
      c,
      'cases/assignMediators',
      id,
      { staffIds: [c.staff.mediator, c.staff.mediator2, c.staff.mediator] },
      S.reception,
    );
    let view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.mediators.map((m) => m.staffId).sort()).toEqual(
      [c.staff.mediator, c.staff.mediator2].sort(),
    );
    expect(view.events.at(-1)).toMatchObject({
      kind: 'mediatorsAssigned',
      data: { staffIds: [c.staff.mediator, c.staff.mediator2] },
    });
    // The mediator with the "all" roles is a mediator of the medical studio too.
    await act(c, 'cases/assignMediators', id, { staffIds: [c.staff.all] }, S.mediator);
    view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.mediators).toEqual([{ staffId: c.staff.all, displayName: NAMES.all }]);
    await act(c, 'cases/assignMediators', id, { staffIds: [] }, S.director);
    view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.mediators).toEqual([]);
    expect(view.version).toBe(4);
  });

  // DESIGN §8: every write is audited with before/after. Replacing the mediators must say who
  // was replaced, or the log cannot tell who worked the case before.
  it('audits the mediators replaced, not only the new ones', async () => {
    const { id } = await register(c);
    await act(c, 'cases/assignMediators', id, { staffIds: [c.staff.mediator] }, S.reception);
    await act(c, 'cases/assignMediators', id, { staffIds: [c.staff.mediator2] }, S.reception);
    const audit = (await auditRows(c)).at(-1);
    expect(audit?.method).toBe('cases/assignMediators');
    expect(JSON.parse(audit?.after ?? 'null')).toEqual({ mediators: [c.staff.mediator2] });
    expect(audit?.before, 'audit row has no "before"').not.toBeNull();
    expect(JSON.parse(audit?.before ?? 'null')).toEqual({ mediators: [c.staff.mediator] });
  });
});
