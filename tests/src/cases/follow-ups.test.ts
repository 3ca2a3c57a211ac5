import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditChainBreaks } from '../../support/audit-chain';
import {
  act,
  caseIn,
  expectRefused,
  NAMES,
  openCenter,
  S,
  type Center,
} from '../../support/lifecycle';

const on = (date: string) => new Date(`${date}T10:00:00+08:00`);

async function followUpOf(c: Center, caseId: number, session: string = S.mediator) {
  const view = await c.t.ok('cases/get', { id: caseId }, session);
  expect(view.followUps).toHaveLength(1);
  const followUp = view.followUps[0];
  if (followUp === undefined) throw new Error('no follow-up');
  return followUp;
}

describe('follow-ups (回访)', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter(on('2026-03-10'));
  });
  afterEach(async () => {
    await c.close();
  });

  it('one is created at conclusion, due 15 days later, for every outcome', async () => {
    for (const conclude of [
      { outcome: 'written_agreement' },
      { outcome: 'no_agreement', advisedRoute: 'administrative' },
      { outcome: 'withdrawn' },
    ]) {
      const { id } = await caseIn(c, 'concluded', 'medical', conclude);
      expect(await followUpOf(c, id)).toMatchObject({
        caseId: id,
        dueOn: '2026-03-25',
        visitedAt: null,
        visitorId: null,
        visitorName: null,
        performance: null,
        satisfaction: null,
        version: 1,
      });
    }
  });

  it('no follow-up before conclusion, nor for a declined case', async () => {
    for (const status of [
      'registered',
      'accepted',
      'in_mediation',
      'declined',
      'referred',
    ] as const) {
      const { id } = await caseIn(c, status);
      expect((await c.t.ok('cases/get', { id }, S.all)).followUps).toEqual([]);
    }
  });

  it('falls due 15 days after the center date of conclusion, across the new year', async () => {
    const { id } = await caseIn(c, 'in_mediation');
    // 2026-12-20 00:30 in Beijing (still 12-19 in UTC).
    c.clock.set(new Date('2026-12-19T16:30:00Z'));
    await act(c, 'cases/conclude', id, { outcome: 'oral_agreement' }, S.mediator);
    expect((await followUpOf(c, id)).dueOn).toBe('2027-01-04');
  });

  it('followUps/record fills it: who, when, performance, satisfaction, escalation', async () => {
    const { id } = await caseIn(c, 'concluded');
    const followUp = await followUpOf(c, id);
    c.clock.set(on('2026-03-25'));
    const saved = await c.t.ok(
      'followUps/record',
      {
        followUpId: followUp.id,
        version: 1,
        performance: 'partly_fulfilled',
        satisfaction: 'basically_satisfied',
        escalation: true,
        escalationNote: '被申请人拖延付款，申请人情绪激动',
        note: '  电话回访  ',
      },
      S.mediator,
    );
    expect(saved).toEqual({ id: followUp.id, version: 2 });
    const view = await c.t.ok('cases/get', { id }, S.mediator);
    expect(view.followUps[0]).toMatchObject({
      visitedAt: '2026-03-25T02:00:00.000Z',
      visitorId: c.staff.mediator,
      visitorName: NAMES.mediator,
      performance: 'partly_fulfilled',
      satisfaction: 'basically_satisfied',
      escalation: 1,
      escalationNote: '被申请人拖延付款，申请人情绪激动',
      note: '电话回访',
      version: 2,
    });
    // Recording a visit is not a change of the case itself.
    expect(view.status).toBe('concluded');
    expect(view.events.at(-1)).toMatchObject({
      kind: 'followedUp',
      staffName: NAMES.mediator,
      at: '2026-03-25T02:00:00.000Z',
      data: {
        performance: 'partly_fulfilled',
        satisfaction: 'basically_satisfied',
        escalation: true,
      },
    });
    const audit = await c.t.db
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      method: 'followUps/record',
      entity: 'followUp',
      entityId: String(followUp.id),
      staffId: c.staff.mediator,
    });
    expect(JSON.parse(audit.before ?? 'null')).toEqual({ visitedAt: null, version: 1 });
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('satisfaction is optional (performance not yet due), escalation defaults to none', async () => {
    const { id } = await caseIn(c, 'archived');
    const followUp = await followUpOf(c, id, S.clerk);
    await c.t.ok(
      'followUps/record',
      { followUpId: followUp.id, version: 1, performance: 'not_due' },
      S.clerk,
    );
    expect(await followUpOf(c, id, S.clerk)).toMatchObject({
      performance: 'not_due',
      satisfaction: null,
      escalation: 0,
      escalationNote: '',
      note: '',
      visitorId: c.staff.clerk,
    });
  });

  it('a later visit with the current version updates it', async () => {
    const { id } = await caseIn(c, 'concluded');
    const followUp = await followUpOf(c, id);
    await c.t.ok(
      'followUps/record',
      { followUpId: followUp.id, version: 1, performance: 'not_due' },
      S.mediator,
    );
    c.clock.set(on('2026-04-20'));
    const again = await c.t.ok(
      'followUps/record',
      { followUpId: followUp.id, version: 2, performance: 'fulfilled', satisfaction: 'satisfied' },
      S.clerk,
    );
    expect(again.version).toBe(3);
    expect(await followUpOf(c, id)).toMatchObject({
      performance: 'fulfilled',
      visitorId: c.staff.clerk,
      visitedAt: '2026-04-20T02:00:00.000Z',
      version: 3,
    });
  });

  it('who may record: the studio mediator or clerk; not reception, not another studio', async () => {
    const { id } = await caseIn(c, 'concluded');
    const followUp = await followUpOf(c, id);
    const input = { followUpId: followUp.id, version: 1, performance: 'fulfilled' };
    const role = await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('followUps/record', input, S.reception),
    );
    expect(role.message).toMatch(/^此操作需要以下角色之一：/);
    await expectRefused(c, 'FORBIDDEN', () => c.t.call('followUps/record', input, S.director));
    const scope = await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('followUps/record', input, S.labourMediator),
    );
    expect(scope.message).toBe('该案件属于您未任职的工作室');
    await expectRefused(c, 'FORBIDDEN', () => c.t.call('followUps/record', input, S.labourClerk));
    await expectRefused(c, 'UNAUTHENTICATED', () =>
      c.t.call('followUps/record', input, S.anonymous),
    );
  });
});
