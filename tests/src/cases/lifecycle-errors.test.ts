import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../src/api/contract';
import { ACTIONS, canTransition, type CaseAction } from '../../../src/cases/case-lifecycle';
import { CASE_STATUSES, type CaseStatus } from '../../../src/cases/case.schema';
import { auditChainBreaks } from '../../support/audit-chain';
import {
  act,
  caseIn,
  caseRow,
  expectRefused,
  openCenter,
  register,
  S,
  versionOf,
  type Center,
} from '../../support/lifecycle';
import { dumpTables } from '../../support/db-snapshot';
import { expectError } from '../../support/test-core';

/** The state names as the user reads them, in both languages (written out, not imported). */
const STATE_NAME: Record<CaseStatus, { zh: string; en: string }> = {
  registered: { zh: '登记', en: 'Registered' },
  accepted: { zh: '受理', en: 'Accepted' },
  declined: { zh: '不予受理', en: 'Declined' },
  referred: { zh: '转办', en: 'Referred' },
  in_mediation: { zh: '调解中', en: 'In mediation' },
  concluded: { zh: '调解终结', en: 'Concluded' },
  archived: { zh: '归档', en: 'Archived' },
};

/** The API method of each case action, with an input that passes its schema. */
function request(
  c: Center,
  action: Exclude<CaseAction, 'recordFollowUp'>,
): [MethodName, Record<string, unknown>] {
  switch (action) {
    case 'accept':
      return ['cases/accept', {}];
    case 'decline':
      return ['cases/decline', { reason: '不属于受理范围' }];
    case 'refer':
      return ['cases/refer', { referredTo: '区信访局', reason: '属信访事项' }];
    case 'startMediation':
      return ['cases/startMediation', {}];
    case 'conclude':
      return ['cases/conclude', { outcome: 'written_agreement' }];
    case 'archive':
      return ['cases/archive', {}];
    case 'transfer':
      return ['cases/transfer', { studioId: c.studio.labour, reason: '移交劳动争议工作室' }];
    case 'assignMediators':
      return ['cases/assignMediators', { staffIds: [] }];
    case 'pauseDeadline':
      return ['cases/pauseDeadline', { reason: '鉴定' }];
    case 'resumeDeadline':
      return ['cases/resumeDeadline', {}];
    case 'extendDeadline':
      return ['cases/extendDeadline', { days: 5, reason: '案情复杂' }];
    case 'openLinked':
      return ['cases/openLinked', { kind: 'judicial_confirmation' }];
  }
}

const CASE_ACTIONS = ACTIONS.filter(
  (a): a is Exclude<CaseAction, 'recordFollowUp'> => a !== 'recordFollowUp',
);

describe('every wrong transition → INVALID_TRANSITION naming the state, nothing written', () => {
  let c: Center;
  const ids = {} as Record<CaseStatus, number>;
  beforeAll(async () => {
    c = await openCenter();
    for (const status of CASE_STATUSES) ids[status] = (await caseIn(c, status)).id;
  });
  afterAll(async () => {
    await c.close();
  });

  const wrong = CASE_STATUSES.flatMap((status) =>
    CASE_ACTIONS.filter((a) => !canTransition(status, a)).map((a) => [status, a] as const),
  );

  it('has a case in every state', async () => {
    for (const status of CASE_STATUSES) expect((await caseRow(c, ids[status])).status).toBe(status);
    expect(wrong.length).toBeGreaterThan(50);
  });

  it.each(wrong)('%s × %s (zh-CN)', async (status, action) => {
    const [method, extra] = request(c, action);
    const id = ids[status];
    const error = await expectRefused(c, 'INVALID_TRANSITION', async () =>
      c.t.call(method, { id, version: await versionOf(c, id), ...extra }, S.all),
    );
    expect(error.message).toContain(`“${STATE_NAME[status].zh}”`);
    expect(error.fields).toBeUndefined();
  });

  it('speaks English after session/setLocale, and Chinese again after switching back', async () => {
    await c.t.ok('session/setLocale', { locale: 'en' }, S.all);
    try {
      const id = ids.archived;
      const error = await expectRefused(c, 'INVALID_TRANSITION', async () =>
        c.t.call('cases/accept', { id, version: await versionOf(c, id) }, S.all),
      );
      expect(error.message).toBe('The case is Archived; it cannot be accepted');
      const declined = ids.declined;
      const again = expectError(
        await c.t.call(
          'cases/conclude',
          { id: declined, version: await versionOf(c, declined), outcome: 'withdrawn' },
          S.all,
        ),
        'INVALID_TRANSITION',
      );
      expect(again.message).toContain(STATE_NAME.declined.en);
      // Another window keeps its own language.
      const other = expectError(
        await c.t.call(
          'cases/accept',
          { id: declined, version: await versionOf(c, declined) },
          S.reception,
        ),
        'INVALID_TRANSITION',
      );
      expect(other.message).toBe('案件当前状态为“不予受理”，不能受理');
    } finally {
      await c.t.ok('session/setLocale', { locale: 'zh-CN' }, S.all);
    }
    const id = ids.in_mediation;
    const zh = expectError(
      await c.t.call('cases/archive', { id, version: await versionOf(c, id) }, S.all),
      'INVALID_TRANSITION',
    );
    expect(zh.message).toBe('案件当前状态为“调解中”，不能归档');
  });

  it('says INVALID_TRANSITION even when the version sent is stale (state is checked first)', async () => {
    const id = ids.archived;
    const error = await expectRefused(c, 'INVALID_TRANSITION', () =>
      c.t.call('cases/archive', { id, version: 1 }, S.all),
    );
    expect(error.message).toContain('归档');
  });

  it('answers NOT_FOUND for a case that does not exist, writing nothing', async () => {
    const error = await expectRefused(c, 'NOT_FOUND', () =>
      c.t.call('cases/accept', { id: 999_999, version: 1 }, S.all),
    );
    expect(error.message).toBe('找不到 id 为 999999 的案件');
    await expectRefused(c, 'NOT_FOUND', () => c.t.call('cases/get', { id: 999_999 }, S.all));
  });

  it('leaves the audit chain intact after all those refusals', async () => {
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
    expect(c.t.internalErrors).toEqual([]);
  });
});

describe('optimistic concurrency: a stale save → STALE naming the current version', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter();
  });
  afterEach(async () => {
    await c.close();
  });

  it('two windows read version N; the first save wins, the second is refused and writes nothing', async () => {
    const { id } = await caseIn(c, 'in_mediation');
    const seenByA = (await c.t.ok('cases/get', { id }, S.mediator)).version;
    const seenByB = (await c.t.ok('cases/get', { id }, S.mediator2)).version;
    expect(seenByA).toBe(seenByB);

    await c.t.ok(
      'cases/extendDeadline',
      { id, version: seenByA, days: 10, reason: '案情复杂' },
      S.mediator,
    );
    const error = await expectRefused(c, 'STALE', () =>
      c.t.call('cases/conclude', { id, version: seenByB, outcome: 'withdrawn' }, S.mediator2),
    );
    expect(error.message).toBe(`案件已被他人修改（当前版本 ${seenByA + 1}），请刷新后重试`);
    expect((await caseRow(c, id)).status).toBe('in_mediation');

    await c.t.ok('session/setLocale', { locale: 'en' }, S.mediator2);
    const en = expectError(
      await c.t.call(
        'cases/assignMediators',
        { id, version: seenByB, staffIds: [c.staff.mediator2] },
        S.mediator2,
      ),
      'STALE',
    );
    expect(en.message).toContain(`now version ${seenByA + 1}`);
  });

  const sameState: [string, MethodName, (c: Center) => Record<string, unknown>][] = [
    ['assignMediators', 'cases/assignMediators', (c) => ({ staffIds: [c.staff.mediator] })],
    ['transfer', 'cases/transfer', (c) => ({ studioId: c.studio.township, reason: '属地调解' })],
    ['pauseDeadline', 'cases/pauseDeadline', () => ({ reason: '鉴定' })],
    ['extendDeadline', 'cases/extendDeadline', () => ({ days: 3, reason: '延长' })],
    ['startMediation', 'cases/startMediation', () => ({})],
    ['conclude', 'cases/conclude', () => ({ outcome: 'oral_agreement' })],
  ];
  it.each(sameState)(
    'every versioned method refuses a stale version: %s',
    async (_name, method, input) => {
      const { id } = await caseIn(c, 'accepted');
      const version = await versionOf(c, id);
      // Someone else saves in between.
      await act(c, 'cases/assignMediators', id, { staffIds: [c.staff.mediator2] }, S.reception);
      const error = await expectRefused(c, 'STALE', () =>
        c.t.call(method, { id, version, ...input(c) }, S.all),
      );
      expect(error.message).toContain(`当前版本 ${version + 1}`);
    },
  );

  it('two concurrent saves on the same version: exactly one wins', async () => {
    const { id } = await caseIn(c, 'accepted');
    const version = await versionOf(c, id);
    const [a, b] = await Promise.all([
      c.t.call(
        'cases/transfer',
        { id, version, studioId: c.studio.labour, reason: '劳动争议' },
        S.reception,
      ),
      // The director, center-wide: whichever runs second is still in scope after a transfer.
      c.t.call('cases/pauseDeadline', { id, version, reason: '鉴定' }, S.director),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    expect(expectError(loser, 'STALE').message).toContain(`当前版本 ${version + 1}`);
    expect(await versionOf(c, id)).toBe(version + 1);
    const changes = await c.t.db.selectFrom('caseDeadlineChanges').selectAll().execute();
    const row = await caseRow(c, id);
    if (a.ok) {
      expect(row.studioId).toBe(c.studio.labour);
      expect(changes).toEqual([]);
    } else {
      expect(row.studioId).toBe(c.studio.medical);
      expect(changes).toHaveLength(1);
    }
    expect(await auditChainBreaks(c.t.db)).toEqual([]);
  });

  it('followUps/record: the first visit saved wins, the second gets STALE and writes nothing', async () => {
    const { id } = await caseIn(c, 'concluded');
    const a = (await c.t.ok('cases/get', { id }, S.mediator)).followUps[0];
    const b = (await c.t.ok('cases/get', { id }, S.clerk)).followUps[0];
    expect(a?.version).toBe(1);
    expect(b?.version).toBe(1);
    const followUpId = a?.id ?? -1;
    await c.t.ok(
      'followUps/record',
      { followUpId, version: 1, performance: 'fulfilled', satisfaction: 'satisfied' },
      S.mediator,
    );
    const error = await expectRefused(c, 'STALE', () =>
      c.t.call(
        'followUps/record',
        { followUpId, version: 1, performance: 'not_fulfilled', satisfaction: 'dissatisfied' },
        S.clerk,
      ),
    );
    expect(error.message).toContain('当前版本 2');
    const stored = await c.t.db
      .selectFrom('followUps')
      .selectAll()
      .where('id', '=', followUpId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      performance: 'fulfilled',
      satisfaction: 'satisfied',
      visitorId: c.staff.mediator,
      version: 2,
    });
  });
});

describe('roles and studio scope', () => {
  let c: Center;
  beforeEach(async () => {
    c = await openCenter();
  });
  afterEach(async () => {
    await c.close();
  });

  it('a mediator of another studio → FORBIDDEN for every action, and nothing is written', async () => {
    const byStatus: Partial<Record<CaseStatus, number>> = {};
    for (const status of ['registered', 'accepted', 'concluded'] as const) {
      byStatus[status] = (await caseIn(c, status)).id;
    }
    for (const action of CASE_ACTIONS) {
      const status = CASE_STATUSES.find((s) => s in byStatus && canTransition(s, action));
      const id = status === undefined ? undefined : byStatus[status];
      if (id === undefined) continue;
      const [method, extra] = request(c, action);
      const error = await expectRefused(c, 'FORBIDDEN', async () =>
        c.t.call(method, { id, version: await versionOf(c, id), ...extra }, S.labourMediator),
      );
      expect(error.message, action).toBe('该案件属于您未任职的工作室');
    }
    // Nor may they read it.
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('cases/get', { id: byStatus.registered }, S.labourMediator),
    );
  });

  it('a clerk of another studio cannot archive; a clerk cannot conclude or accept at all', async () => {
    const concluded = await caseIn(c, 'concluded');
    await expectRefused(c, 'FORBIDDEN', async () =>
      c.t.call(
        'cases/archive',
        { id: concluded.id, version: await versionOf(c, concluded.id) },
        S.labourClerk,
      ),
    );
    const inMediation = await caseIn(c, 'in_mediation');
    const error = await expectRefused(c, 'FORBIDDEN', async () =>
      c.t.call(
        'cases/conclude',
        { id: inMediation.id, version: await versionOf(c, inMediation.id), outcome: 'withdrawn' },
        S.clerk,
      ),
    );
    expect(error.message).toMatch(/^此操作需要以下角色之一：/);
    const registered = await register(c);
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('cases/accept', { id: registered.id, version: 1 }, S.clerk),
    );
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('cases/startMediation', { id: registered.id, version: 1 }, S.reception),
    );
  });

  it('reception accepts and transfers in any studio; the director pauses anywhere but never concludes', async () => {
    for (const studio of ['medical', 'labour', 'family'] as const) {
      const { id } = await register(c, studio);
      await c.t.ok('cases/accept', { id, version: 1 }, S.reception);
      const target = studio === 'medical' ? c.studio.labour : c.studio.medical;
      await c.t.ok(
        'cases/transfer',
        { id, version: 2, studioId: target, reason: '改派' },
        S.reception,
      );
      expect((await caseRow(c, id)).studioId).toBe(target);
      await c.t.ok('cases/pauseDeadline', { id, version: 3, reason: '鉴定' }, S.director);
      await expectRefused(c, 'FORBIDDEN', () =>
        c.t.call('cases/conclude', { id, version: 4, outcome: 'withdrawn' }, S.director),
      );
    }
  });

  it('admin configures but takes no case action', async () => {
    const { id } = await register(c);
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call('cases/accept', { id, version: 1 }, S.admin),
    );
    await expectRefused(c, 'FORBIDDEN', () =>
      c.t.call(
        'cases/transfer',
        { id, version: 1, studioId: c.studio.labour, reason: 'x' },
        S.admin,
      ),
    );
  });

  it('not signed in → UNAUTHENTICATED for every lifecycle method, before looking at the input', async () => {
    const { id } = await caseIn(c, 'concluded');
    const methods: MethodName[] = [
      'cases/get',
      'cases/accept',
      'cases/decline',
      'cases/refer',
      'cases/startMediation',
      'cases/conclude',
      'cases/archive',
      'cases/transfer',
      'cases/assignMediators',
      'cases/pauseDeadline',
      'cases/resumeDeadline',
      'cases/extendDeadline',
      'cases/openLinked',
      'followUps/record',
    ];
    const before = await dumpTables(c.t.db);
    for (const method of methods) {
      for (const input of [
        { id, version: 5, kind: 'judicial_confirmation' },
        { junk: true },
        null,
      ]) {
        const error = expectError(await c.t.call(method, input, S.anonymous), 'UNAUTHENTICATED');
        expect(error.message, method).toBe('请先登录');
      }
    }
    expect(await dumpTables(c.t.db)).toEqual(before);
  });

  it('a signed-out window loses its rights at once', async () => {
    const { id } = await register(c);
    await c.t.ok('auth/signOut', {}, S.mediator);
    await expectRefused(c, 'UNAUTHENTICATED', () =>
      c.t.call('cases/accept', { id, version: 1 }, S.mediator),
    );
  });
});
