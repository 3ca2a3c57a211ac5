import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { intake, numberedPerson } from '../../support/fixtures';
import { S } from '../../support/lifecycle';
import { runWorkers } from '../../support/race-harness';
import { FROZEN_NOW, TEST_PASSWORD } from '../../support/test-core';
import { sameDatabaseAs } from '../../support/test-postgres';
import type { BookWorkerConfig, BookWorkerResult } from './fixtures/book-worker';
import { doubleBookings, occupancyDrift } from './invariants';
import { at, openScheduleCenter, partiesOf, WED, type ScheduleCenter } from './support';

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/book-worker.ts');

let c: ScheduleCenter | undefined;
afterEach(async () => {
  await c?.close();
  c = undefined;
});

describe('two workstations booking at the same moment', () => {
  it('exactly one of two overlapping bookings of a room, a staff member or a party wins', async () => {
    c = await openScheduleCenter();
    const center = c;
    // Two cases with one party in common (the applicant) and one each of their own.
    const cases: { id: number; shared: number; own: number }[] = [];
    for (const n of [1, 2]) {
      const registered = await center.t.ok(
        'cases/register',
        intake(center.studio.medical, {
          parties: [
            { role: 'applicant', party: numberedPerson(999) },
            { role: 'respondent', party: numberedPerson(n) },
          ],
        }),
        S.reception,
      );
      const [shared, own] = (await partiesOf(center, registered.id)) as [number, number];
      cases.push({ id: registered.id, shared, own });
    }
    const rooms = [center.rooms.medical1, center.rooms.medical2];
    const staff = [center.staff.mediator, center.staff.mediator2];
    // Twelve windows of 30 minutes; in each, both workers want one contested thing. The first
    // worker holds its room and its mediator in every window, so the windows must not overlap
    // (the second worker's session ends 25 minutes in): otherwise a session could lose to the
    // next window's, and who wins a window would depend on the order the calls arrive in.
    const contested = ['room', 'staff', 'party'] as const;
    const windows = Array.from({ length: 12 }, (_, k) => k);
    const inputsFor = (w: 0 | 1) =>
      windows.map((k) => {
        const what = contested[k % 3];
        const own = cases[w];
        const minute = 8 * 60 + 30 + k * 30;
        const time = (m: number) =>
          `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
        return {
          caseId: own?.id,
          kind: 'mediation',
          roomId: what === 'room' ? rooms[0] : rooms[w],
          staffIds: [what === 'staff' ? staff[0] : staff[w]],
          partyIds: [what === 'party' ? own?.shared : own?.own],
          // The second worker's session starts 10 minutes into the first one's.
          start: at(WED, time(minute + w * 10)),
          end: at(WED, time(minute + 15 + w * 10)),
          acceptWarnings: true,
        };
      });
    const target = sameDatabaseAs(center.t);
    const reports = await runWorkers<BookWorkerConfig, BookWorkerResult>(
      worker,
      (['user.mediator', 'user.mediator2'] as const).map((username, w) => ({
        target,
        nowIso: FROZEN_NOW.toISOString(),
        username,
        password: TEST_PASSWORD,
        inputs: inputsFor(w as 0 | 1),
      })),
    );
    for (const report of reports) expect(report.internal).toEqual([]);
    for (const k of windows) {
      const outcomes = reports.map((r) => {
        const result = r.value[k];
        return result?.ok ? 'ok' : result?.error.code;
      });
      expect(outcomes.sort(), `window ${k} (${contested[k % 3]})`).toEqual(['CONFLICT', 'ok']);
    }
    const count = await center.t.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(windows.length);
    expect(await doubleBookings(center.t.db)).toEqual([]);
    expect(await occupancyDrift(center.t.db)).toEqual([]);
  }, 60_000);
});
