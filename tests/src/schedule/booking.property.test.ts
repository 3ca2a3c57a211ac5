import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlaps } from '../../../src/schedule/session-rules';
import { centerDayStart, MINUTE_MS } from '../../../src/schedule/session-time.schema';
import { intake, numberedPerson } from '../../support/fixtures';
import { S } from '../../support/lifecycle';
import { doubleBookings, occupancyDrift } from './invariants';
import { openScheduleCenter, partiesOf, type ScheduleCenter } from './support';

/**
 * Random sequences of create, move and cancel through the API never leave two active sessions
 * overlapping for one room, staff member or party — and every refusal is exactly the one a
 * simple model of the calendar predicts.
 */

const SLOT = 15 * MINUTE_MS;
const slotTime = fc.record({
  start: fc.integer({ min: 0, max: 31 }),
  length: fc.integer({ min: 1, max: 8 }),
});
const subset = (n: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n });

type Command =
  | {
      op: 'create';
      kase: number;
      room: number;
      staff: number[];
      parties: number[];
      at: { start: number; length: number };
    }
  | { op: 'move'; target: number; room: number | null; at: { start: number; length: number } }
  | { op: 'cancel'; target: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      kase: fc.integer({ min: 0, max: 1 }),
      room: fc.integer({ min: 0, max: 1 }),
      staff: subset(2),
      parties: subset(2),
      at: slotTime,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('move' as const),
      target: fc.nat(),
      room: fc.option(fc.integer({ min: 0, max: 1 })),
      at: slotTime,
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), target: fc.nat() }) },
);

interface Modelled {
  id: number;
  version: number;
  active: boolean;
  room: number;
  staff: number[];
  parties: number[];
  start: number;
  end: number;
}

let c: ScheduleCenter;
let cases: { id: number; parties: number[] }[];
let rooms: number[];
let staff: number[];

beforeAll(async () => {
  c = await openScheduleCenter();
  rooms = [c.rooms.medical1, c.rooms.medical2];
  staff = [c.staff.mediator, c.staff.mediator2];
  cases = [];
  // Two cases sharing their applicant: a party can clash across cases.
  for (const n of [1, 2]) {
    const registered = await c.t.ok(
      'cases/register',
      intake(c.studio.medical, {
        parties: [
          { role: 'applicant', party: numberedPerson(999) },
          { role: 'respondent', party: numberedPerson(n) },
        ],
      }),
      S.reception,
    );
    cases.push({ id: registered.id, parties: await partiesOf(c, registered.id) });
  }
});
afterAll(async () => {
  await c.close();
});

const clashes = (a: Omit<Modelled, 'id' | 'version' | 'active'>, b: Modelled) =>
  b.active &&
  overlaps(a, b) &&
  (a.room === b.room ||
    a.staff.some((s) => b.staff.includes(s)) ||
    a.parties.some((p) => b.parties.includes(p)));

describe('no double booking, whatever the order of create, move and cancel', () => {
  it('holds for random command sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (commands) => {
        // Each run starts from an empty calendar, so a counterexample shrinks to its own steps.
        for (const table of ['sessionOccupancy', 'sessionStaff', 'sessionParties'] as const) {
          await c.t.db.deleteFrom(table).execute();
        }
        await c.t.db.deleteFrom('sessions').execute();
        const dayStart = centerDayStart('2026-05-06') + 8 * 3_600_000;
        const times = (at: { start: number; length: number }) => ({
          start: dayStart + at.start * SLOT,
          end: dayStart + (at.start + at.length) * SLOT,
        });
        const iso = (ms: number) => new Date(ms).toISOString();
        const model: Modelled[] = [];

        for (const cmd of commands) {
          if (cmd.op === 'create') {
            const kase = cases[cmd.kase] ?? { id: 0, parties: [] };
            const wanted = {
              room: rooms[cmd.room] ?? 0,
              staff: cmd.staff.map((i) => staff[i] ?? 0),
              parties: cmd.parties.map((i) => kase.parties[i] ?? 0),
              ...times(cmd.at),
            };
            const expectConflict = model.some((m) => clashes(wanted, m));
            const result = await c.t.call(
              'schedule/create',
              {
                caseId: kase.id,
                kind: 'mediation',
                roomId: wanted.room,
                staffIds: wanted.staff,
                partyIds: wanted.parties,
                start: iso(wanted.start),
                end: iso(wanted.end),
                acceptWarnings: true,
              },
              S.mediator,
            );
            if (expectConflict) expect(result.ok ? 'ok' : result.error.code).toBe('CONFLICT');
            else if (!result.ok) expect.fail(`create refused: ${result.error.message}`);
            if (result.ok) model.push({ id: result.value.id, version: 1, active: true, ...wanted });
          } else if (model.length > 0) {
            const target = model[cmd.target % model.length];
            if (target === undefined) continue;
            if (cmd.op === 'cancel') {
              const result = await c.t.call(
                'schedule/cancel',
                { id: target.id, version: target.version, reason: '测试取消' },
                S.mediator,
              );
              expect(result.ok ? 'ok' : result.error.code).toBe(
                target.active ? 'ok' : 'INVALID_TRANSITION',
              );
              if (result.ok) {
                target.active = false;
                target.version = result.value.version;
              }
            } else {
              const wanted = {
                ...target,
                room: cmd.room === null ? target.room : (rooms[cmd.room] ?? 0),
                ...times(cmd.at),
              };
              const others = model.filter((m) => m.id !== target.id);
              const expected = !target.active
                ? 'INVALID_TRANSITION'
                : others.some((m) => clashes(wanted, m))
                  ? 'CONFLICT'
                  : 'ok';
              const result = await c.t.call(
                'schedule/move',
                {
                  id: target.id,
                  version: target.version,
                  start: iso(wanted.start),
                  end: iso(wanted.end),
                  ...(cmd.room === null ? {} : { roomId: wanted.room }),
                  acceptWarnings: true,
                },
                S.mediator,
              );
              expect(result.ok ? 'ok' : result.error.code).toBe(expected);
              if (result.ok) Object.assign(target, wanted, { version: result.value.version });
            }
          }
        }
        expect(await doubleBookings(c.t.db)).toEqual([]);
        expect(await occupancyDrift(c.t.db)).toEqual([]);
        expect(c.t.internalErrors).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
