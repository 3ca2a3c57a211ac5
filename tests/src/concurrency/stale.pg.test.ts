import { afterEach, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../src/api/contract';
import type { ApiResult } from '../../../src/api/result';
import { openCore, type Core } from '../../../src/app/core';
import { expectRefused, register, S } from '../../support/lifecycle';
import { expectError, TEST_PASSWORD, type TestCore } from '../../support/test-core';
import { sameDatabaseAs } from '../../support/test-postgres';
import {
  at,
  book,
  openScheduleCenter,
  partiesOf,
  WED,
  type ScheduleCenter,
} from '../schedule/support';

/**
 * Optimistic concurrency between workstations: two cores (two desks) on one server database.
 * Both read the same version; the first save wins, the second gets STALE and overwrites
 * nothing, whether the saves come one after the other or at the same moment.
 */

/** The second workstation: its own core on the first one's database, 全能 signed in. */
interface OtherDesk {
  readonly call: (method: MethodName, input: unknown) => ReturnType<TestCore['call']>;
  close(): Promise<void>;
}

let c: ScheduleCenter | undefined;
let other: OtherDesk | undefined;
afterEach(async () => {
  await other?.close();
  other = undefined;
  await c?.close();
  c = undefined;
});

async function openOtherDesk(center: ScheduleCenter): Promise<OtherDesk> {
  const core: Core = await openCore({
    ...sameDatabaseAs(center.t),
    now: center.clock.now,
  });
  const call = (method: MethodName, input: unknown) =>
    core.dispatch('desk-b', method, input) as ReturnType<TestCore['call']>;
  const signedIn = await call('auth/signIn', { username: 'user.all', password: TEST_PASSWORD });
  if (!signedIn.ok) expect.fail(`sign-in on desk B: ${JSON.stringify(signedIn.error)}`);
  return { call, close: () => core.close() };
}

const versionIn = (result: ApiResult<unknown>): number => {
  if (!result.ok) expect.fail(JSON.stringify(result.error));
  return (result.value as { version: number }).version;
};

async function setUp() {
  c = await openScheduleCenter();
  other = await openOtherDesk(c);
  return { center: c, desk: other };
}

describe('two workstations saving the same record', () => {
  it('a case: the second save of version n gets STALE and changes nothing', async () => {
    const { center, desk } = await setUp();
    const { id } = await register(center);
    const seenA = versionIn(await center.t.call('cases/get', { id }, S.all));
    const seenB = versionIn(await desk.call('cases/get', { id }));
    expect(seenB).toBe(seenA);

    await center.t.ok(
      'cases/assignMediators',
      { id, version: seenA, staffIds: [center.staff.mediator] },
      S.reception,
    );
    await expectRefused(center, 'STALE', () => desk.call('cases/accept', { id, version: seenB }));

    // Desk B reloads and sees desk A's change; its save at the new version goes through.
    const reloaded = await desk.call('cases/get', { id });
    const fresh = versionIn(reloaded);
    expect(fresh).toBe(seenA + 1);
    expect(reloaded.ok ? (reloaded.value as { mediators: unknown[] }).mediators : []).toEqual([
      expect.objectContaining({ staffId: center.staff.mediator }),
    ]);
    const accepted = await desk.call('cases/accept', { id, version: fresh });
    expect(accepted.ok, JSON.stringify(accepted)).toBe(true);
    expect(center.t.internalErrors).toEqual([]);
  });

  it('a session: a move or cancel of version n after the other desk moved it gets STALE', async () => {
    const { center, desk } = await setUp();
    const { id: caseId } = await register(center);
    const kase = { id: caseId, partyIds: await partiesOf(center, caseId) };
    const { id } = await book(center, kase);
    const seenA = versionIn(await center.t.call('schedule/get', { id }, S.mediator));
    const seenB = versionIn(await desk.call('schedule/get', { id }));
    expect([seenA, seenB]).toEqual([1, 1]);

    await center.t.ok(
      'schedule/move',
      { id, version: seenA, start: at(WED, '14:00'), end: at(WED, '15:00') },
      S.mediator,
    );
    await expectRefused(center, 'STALE', () =>
      desk.call('schedule/move', {
        id,
        version: seenB,
        start: at(WED, '16:00'),
        end: at(WED, '17:00'),
      }),
    );
    await expectRefused(center, 'STALE', () =>
      desk.call('schedule/cancel', { id, version: seenB, reason: '改期' }),
    );
    const kept = await center.t.db
      .selectFrom('sessions')
      .select(['startsAt', 'status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ startsAt: at(WED, '14:00'), status: 'scheduled', version: 2 });
  });

  it('saves of the same version at the same moment: exactly one wins, the other is STALE', async () => {
    const { center, desk } = await setUp();
    const { id: caseId } = await register(center);
    const kase = { id: caseId, partyIds: await partiesOf(center, caseId) };
    const { id: sessionId } = await book(center, kase);
    for (let round = 0; round < 5; round += 1) {
      const caseVersion = versionIn(await desk.call('cases/get', { id: caseId }));
      const staffIds = [round % 2 === 0 ? center.staff.mediator : center.staff.mediator2];
      const onCase = await Promise.all([
        center.t.call(
          'cases/assignMediators',
          { id: caseId, version: caseVersion, staffIds },
          S.all,
        ),
        desk.call('cases/assignMediators', { id: caseId, version: caseVersion, staffIds }),
      ]);
      expect(
        onCase.map((r) => (r.ok ? 'ok' : r.error.code)).sort(),
        `case, round ${round}`,
      ).toEqual(['STALE', 'ok']);

      const sessionVersion = versionIn(await desk.call('schedule/get', { id: sessionId }));
      const move = (hour: number) => ({
        id: sessionId,
        version: sessionVersion,
        start: at(WED, `${hour}:00`),
        end: at(WED, `${hour}:30`),
      });
      const onSession = await Promise.all([
        center.t.call('schedule/move', move(14), S.mediator),
        desk.call('schedule/move', move(15)),
      ]);
      const codes = onSession.map((r) => (r.ok ? 'ok' : r.error.code));
      expect([...codes].sort(), `session, round ${round}`).toEqual(['STALE', 'ok']);
      // The session stands where the winner put it.
      const stored = await center.t.db
        .selectFrom('sessions')
        .select(['startsAt', 'version'])
        .where('id', '=', sessionId)
        .executeTakeFirstOrThrow();
      expect(stored).toEqual({
        startsAt: codes[0] === 'ok' ? at(WED, '14:00') : at(WED, '15:00'),
        version: sessionVersion + 1,
      });
    }
    const stale = await desk.call('schedule/get', { id: sessionId });
    expect(versionIn(stale)).toBe(6);
    expectError(
      await desk.call('schedule/cancel', { id: sessionId, version: 1, reason: '改期' }),
      'STALE',
    );
    expect(center.t.internalErrors).toEqual([]);
  });
});
