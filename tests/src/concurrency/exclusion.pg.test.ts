import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type * as Conflicts from '../../../src/schedule/conflicts.service';
import { messageText } from '../../../src/shared/messages';
import { numberedPerson } from '../../support/fixtures';
import { expectRefused, register, S } from '../../support/lifecycle';
import { expectError } from '../../support/test-core';
import { doubleBookings, occupancyDrift } from '../schedule/invariants';
import {
  at,
  book,
  booking,
  openScheduleCenter,
  partiesOf,
  WED,
  type ScheduleCenter,
} from '../schedule/support';

/**
 * Double booking is refused by PostgreSQL itself (migration 0010's exclusion constraint on
 * session_occupancy), not only by the core's check before it writes: a row that overlaps is
 * rejected whoever writes it, and a write the core's check let through by mistake reaches the
 * user as CONFLICT, with nothing saved.
 */

/** The core's own conflict check, switched off by a test to reach the server's. */
const appCheck = vi.hoisted(() => ({ on: true }));
vi.mock('../../../src/schedule/conflicts.service', async (importOriginal) => {
  const original = await importOriginal<typeof Conflicts>();
  return {
    ...original,
    assertFree: (...args: Parameters<typeof original.assertFree>) =>
      appCheck.on ? original.assertFree(...args) : Promise.resolve(),
  };
});

let c: ScheduleCenter | undefined;
afterEach(async () => {
  appCheck.on = true;
  await c?.close();
  c = undefined;
});

/** A medical case of two people of its own. */
async function caseOf(center: ScheduleCenter, n: number) {
  const registered = await register(center, 'medical', {
    parties: [
      { role: 'applicant', party: numberedPerson(n) },
      { role: 'respondent', party: numberedPerson(n + 1) },
    ],
  });
  return { id: registered.id, partyIds: await partiesOf(center, registered.id) };
}

/** Two sessions at 09:00–10:00 of two cases, in the two medical rooms with two mediators. */
async function twoSessions(center: ScheduleCenter) {
  const first = await caseOf(center, 1);
  const second = await caseOf(center, 3);
  const a = await book(center, first);
  const b = await book(center, second, {
    roomId: center.rooms.medical2,
    staffIds: [center.staff.mediator2],
  });
  return { first, second, a: a.id, b: b.id };
}

const occupancyRow = (sessionId: number, roomId: number, from: string, to: string) => sql`
  insert into session_occupancy (session_id, resource, resource_id, starts_at, ends_at)
  values (${sessionId}, 'room', ${roomId}, ${at(WED, from)}, ${at(WED, to)})`;

describe('the server refuses double booking on its own', () => {
  it('an overlapping row written straight into session_occupancy fails with 23P01', async () => {
    c = await openScheduleCenter();
    const { a, b } = await twoSessions(c);
    const medical1 = c.rooms.medical1;
    // Session b claims room 1, which session a holds from 09:00 to 10:00.
    const refused = await occupancyRow(b, medical1, '09:30', '10:30')
      .execute(c.t.db)
      .then(
        () => null,
        (error: unknown) => error as { code?: string; constraint?: string },
      );
    expect(refused?.code).toBe('23P01');
    expect(refused?.constraint).toBe('session_occupancy_no_overlap');
    // Half-open ranges: a session may begin the minute the previous one ends.
    await occupancyRow(b, medical1, '10:00', '11:00').execute(c.t.db);
    const held = await c.t.db
      .selectFrom('sessionOccupancy')
      .select(['sessionId', 'startsAt'])
      .where('resource', '=', 'room')
      .where('resourceId', '=', medical1)
      .orderBy('startsAt')
      .execute();
    expect(held.map((h) => h.sessionId)).toEqual([a, b]);
  });

  it('a booking the core failed to check comes back as CONFLICT and saves nothing', async () => {
    c = await openScheduleCenter();
    const { second, a } = await twoSessions(c);
    appCheck.on = false;
    // Room 1 at 09:30, while session a holds it until 10:00.
    const center = c;
    const error = await expectRefused(center, 'CONFLICT', () =>
      center.t.call(
        'schedule/create',
        booking(center, second, { start: at(WED, '09:30'), end: at(WED, '10:30') }),
        S.mediator,
      ),
    );
    expect(error.message).toBe(messageText('error.bookingOverlap', 'zh-CN'));

    // The same for a move: session a moved onto the other room's session.
    const moved = await expectRefused(center, 'CONFLICT', () =>
      center.t.call(
        'schedule/move',
        {
          id: a,
          version: 1,
          start: at(WED, '09:15'),
          end: at(WED, '09:45'),
          roomId: center.rooms.medical2,
        },
        S.mediator,
      ),
    );
    expect(moved.message).toBe(messageText('error.bookingOverlap', 'zh-CN'));
    expect(c.t.internalErrors).toEqual([]);
    const kept = await c.t.db
      .selectFrom('sessions')
      .select(['roomId', 'startsAt', 'version'])
      .where('id', '=', a)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({ roomId: c.rooms.medical1, startsAt: at(WED, '09:00'), version: 1 });
    expect(await doubleBookings(c.t.db)).toEqual([]);
    expect(await occupancyDrift(c.t.db)).toEqual([]);

    // With the check on again, the same booking is refused by the core, before any write.
    appCheck.on = true;
    const checked = await c.t.call(
      'schedule/create',
      booking(c, second, { start: at(WED, '09:30'), end: at(WED, '10:30') }),
      S.mediator,
    );
    expect(expectError(checked, 'CONFLICT').message).not.toBe(
      messageText('error.bookingOverlap', 'zh-CN'),
    );
  });
});
