import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/audit/audit-verify';
import type { Database } from '../../../src/db/database';
import { runWorkers, type WorkerReport } from '../../support/race-harness';
import { FROZEN_NOW, openTestCore, TEST_PASSWORD, type TestCore } from '../../support/test-core';
import { sameDatabaseAs } from '../../support/test-postgres';
import { doubleBookings, occupancyDrift } from '../schedule/invariants';
import { WED } from '../schedule/support';
import type {
  BookedSession,
  RegisteredCase,
  StationConfig,
  StationLog,
} from './fixtures/workstation-worker';

/**
 * A center on one PostgreSQL server: WORKSTATIONS reception desks, each a process with its own
 * core, register and book at random at the same time, into the same rooms, staff and parties.
 * Afterwards the database must hold exactly what the desks saw succeed, and nothing the rules
 * forbid. MD_RACE_SEED replays a run (the seed is printed when the test fails).
 */
const WORKSTATIONS = 8;
const OPERATIONS = Number(process.env.MD_RACE_OPERATIONS ?? 30);
const SEED = Number(process.env.MD_RACE_SEED ?? Date.now() % 1_000_000);
const worker = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/workstation-worker.ts',
);

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function roomsOf(db: Database, studioId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('rooms')
    .select('id')
    .where('studioId', '=', studioId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Pairs of rows of session_occupancy that hold one resource at overlapping times. */
async function overlappingOccupancy(db: Database): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`
    select a.resource || ' ' || a.resource_id || ': #' || a.session_id || '/#' || b.session_id as row
    from session_occupancy a join session_occupancy b
      on a.resource = b.resource and a.resource_id = b.resource_id
     and a.session_id < b.session_id
     and a.starts_at < b.ends_at and b.starts_at < a.ends_at`.execute(db);
  return rows.map((r) => r.row);
}

/** Per studio and year: the sequence values in order, and how many distinct numbers. */
async function numbering(db: Database) {
  const rows = await db
    .selectFrom('cases')
    .select(['studioId', 'numberYear', 'numberSeq', 'number'])
    .orderBy('studioId')
    .orderBy('numberYear')
    .orderBy('numberSeq')
    .execute();
  const scopes = new Map<string, { seqs: number[]; numbers: Set<string> }>();
  for (const r of rows) {
    const key = `case:${r.studioId}:${r.numberYear}`;
    const scope = scopes.get(key) ?? { seqs: [], numbers: new Set<string>() };
    scope.seqs.push(r.numberSeq);
    scope.numbers.add(r.number);
    scopes.set(key, scope);
  }
  return scopes;
}

function tally(reports: readonly WorkerReport<StationLog>[]) {
  const total: Record<string, Record<string, number>> = {};
  for (const { value } of reports) {
    for (const [method, codes] of Object.entries(value.outcomes)) {
      const into = (total[method] ??= {});
      for (const [code, n] of Object.entries(codes)) into[code] = (into[code] ?? 0) + n;
    }
  }
  return total;
}

describe(`${WORKSTATIONS} workstations on one server`, () => {
  it('register and book at random: no overlap, no duplicate or missing number, no lost write', async () => {
    t = await openTestCore();
    const core = t;
    const studios = await Promise.all(
      ['medical', 'township', 'labour'].map(async (code) => {
        const id = await core.studioId(code);
        return { id, roomIds: await roomsOf(core.db, id) };
      }),
    );
    // Two mediators per studio; any of them may be booked in any room.
    const mediatorStudios = ['medical', 'medical', 'township', 'township', 'labour', 'labour'];
    const staffIds: number[] = [];
    for (const [i, studio] of mediatorStudios.entries()) {
      staffIds.push(
        await core.addStaff({ username: `mediator${i}`, roles: ['mediator'], studios: [studio] }),
      );
    }
    for (let w = 0; w < WORKSTATIONS; w += 1) {
      await core.addStaff({ username: `desk${w}`, roles: ['reception'] });
    }
    const target = sameDatabaseAs(core);
    const configs: StationConfig[] = Array.from({ length: WORKSTATIONS }, (_, w) => ({
      target,
      nowIso: FROZEN_NOW.toISOString(),
      username: `desk${w}`,
      password: TEST_PASSWORD,
      seed: SEED * 100 + w,
      operations: OPERATIONS,
      studios,
      staffIds,
      people: 12,
      day: WED,
    }));
    const reports = await runWorkers<StationConfig, StationLog>(worker, configs);
    const db = core.db;
    const outcomes = tally(reports);
    const context = `seed ${SEED}, outcomes ${JSON.stringify(outcomes)}`;
    console.log(`${WORKSTATIONS} workstations x ${OPERATIONS} operations: ${context}`);

    // Refusals are conflicts (or, counted, a busy server): never an internal error.
    expect(
      reports.flatMap((r) => r.internal),
      context,
    ).toEqual([]);
    expect(core.internalErrors).toEqual([]);
    for (const [method, codes] of Object.entries(outcomes)) {
      const unexpected = Object.keys(codes).filter((c) => !['ok', 'CONFLICT', 'BUSY'].includes(c));
      expect(unexpected, `${method}: ${context}`).toEqual([]);
    }
    expect(outcomes['cases/register']?.CONFLICT, context).toBeUndefined();
    // The race was a race: bookings both succeeded and collided.
    expect(outcomes['schedule/create']?.ok ?? 0, context).toBeGreaterThan(0);
    expect(outcomes['schedule/create']?.CONFLICT ?? 0, context).toBeGreaterThan(0);

    // No room, staff member or party in two active sessions at once.
    expect(await doubleBookings(db), context).toEqual([]);
    expect(await overlappingOccupancy(db), context).toEqual([]);
    expect(await occupancyDrift(db), context).toEqual([]);

    // Case numbers: unique, and 1..n in every studio and year, the sequence at n.
    const registered: RegisteredCase[] = reports.flatMap((r) => r.value.cases);
    const scopes = await numbering(db);
    const sequences = await db
      .selectFrom('numberSequences')
      .select(['scope', 'lastValue'])
      .execute();
    for (const [scope, { seqs, numbers }] of scopes) {
      expect(seqs, `${scope}: ${context}`).toEqual(seqs.map((_, i) => i + 1));
      expect(numbers.size, scope).toBe(seqs.length);
      expect(sequences.find((s) => s.scope === scope)?.lastValue, scope).toBe(seqs.length);
    }
    expect(new Set(registered.map((c) => c.number)).size).toBe(registered.length);

    // Exactly the cases the desks saw registered, with the numbers they were told.
    const cases = await db.selectFrom('cases').select(['id', 'number', 'studioId']).execute();
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    expect([...cases].sort(byId), context).toEqual([...registered].sort(byId));

    // Exactly the sessions the desks saw booked, each as its desk last left it.
    const booked: BookedSession[] = reports.flatMap((r) => r.value.sessions);
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'caseId', 'roomId', 'startsAt', 'endsAt', 'status', 'version'])
      .orderBy('id')
      .execute();
    const people = async (
      table: 'sessionStaff' | 'sessionParties',
      column: 'staffId' | 'partyId',
    ) => {
      const found = await db.selectFrom(table).select(['sessionId', column]).execute();
      const of = new Map<number, number[]>();
      for (const r of found as Record<string, number>[]) {
        const id = r.sessionId as number;
        of.set(
          id,
          [...(of.get(id) ?? []), r[column] as number].sort((a, b) => a - b),
        );
      }
      return of;
    };
    const staffOf = await people('sessionStaff', 'staffId');
    const partiesOf = await people('sessionParties', 'partyId');
    expect(
      rows.map((r) => ({
        id: r.id,
        caseId: r.caseId,
        roomId: r.roomId,
        staffIds: staffOf.get(r.id) ?? [],
        partyIds: partiesOf.get(r.id) ?? [],
        start: r.startsAt,
        end: r.endsAt,
        status: r.status,
        version: r.version,
      })),
      context,
    ).toEqual(
      [...booked].sort(byId).map((s) => ({
        ...s,
        staffIds: [...s.staffIds].sort((a, b) => a - b),
        partyIds: [...s.partyIds].sort((a, b) => a - b),
      })),
    );

    // The audit log holds one row per successful write, and its chain is whole.
    const audited = await db
      .selectFrom('auditLog')
      .select(['method', (eb) => eb.fn.countAll<number>().as('n')])
      .where('method', 'in', [
        'cases/register',
        'schedule/create',
        'schedule/move',
        'schedule/cancel',
      ])
      .groupBy('method')
      .execute();
    expect(Object.fromEntries(audited.map((a) => [a.method, Number(a.n)])), context).toEqual(
      Object.fromEntries(
        Object.entries(outcomes)
          .filter(([, codes]) => (codes.ok ?? 0) > 0)
          .map(([method, codes]) => [method, codes.ok]),
      ),
    );
    const chain = await verifyAuditChain(db);
    expect(chain.firstBreak).toBeNull();
    expect(chain.ok).toBe(true);
  }, 180_000);
});
