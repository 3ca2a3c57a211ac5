import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/app/core';
import type { Database } from '../../../src/db/database';
import { intake, numberedPerson } from '../../support/fixtures';
import { runWorkers } from '../../support/race-harness';
import { FROZEN_NOW, openTestCore, TEST_PASSWORD, type TestCore } from '../../support/test-core';
import { sameDatabaseAs, testEngine } from '../../support/test-postgres';
import type { RegisterWorkerConfig, RegisterWorkerResult } from './fixtures/register-worker';

const worker = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/register-worker.ts',
);

const expectedNumbers = (n: number) =>
  Array.from({ length: n }, (_, i) => `（2026）矛医调字第${String(i + 1).padStart(4, '0')}号`);

let t: TestCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Numbers and sequence values of a studio's cases, in sequence order. */
async function numbering(tc: TestCore, studioId: number) {
  const rows = await tc.db
    .selectFrom('cases')
    .select(['number', 'numberSeq'])
    .where('studioId', '=', studioId)
    .orderBy('numberSeq')
    .execute();
  return { numbers: rows.map((r) => r.number), seqs: rows.map((r) => r.numberSeq) };
}

describe('gap-free case numbers when saves race', () => {
  it('in one process: 50 concurrent registrations get 0001..0050, no duplicates, no gaps', async () => {
    t = await openTestCore();
    const medical = await t.studioId('medical');
    const calls = Array.from({ length: 50 }, (_, i) =>
      t?.call(
        'cases/register',
        intake(medical, {
          parties: [
            { role: 'applicant', party: numberedPerson(999) },
            { role: 'respondent', party: numberedPerson(i) },
          ],
        }),
      ),
    );
    const results = await Promise.all(calls);
    const numbers = results.map((r) => (r?.ok ? r.value.number : JSON.stringify(r)));
    expect([...numbers].sort()).toEqual(expectedNumbers(50));
    expect((await numbering(t, medical)).seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    // The shared applicant was created once and reused by every other registration.
    const shared = await t.db
      .selectFrom('parties')
      .select('id')
      .where('idNumber', '=', numberedPerson(999).idNumber)
      .execute();
    expect(shared).toHaveLength(1);
    expect(t.internalErrors).toEqual([]);
  });

  it('a registration that fails after taking its number gives the number back', async () => {
    t = await openTestCore();
    const medical = await t.studioId('medical');
    await failMarkedCases(t.db);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t?.call(
          'cases/register',
          intake(medical, {
            summary: i % 5 === 2 ? 'FAIL' : `第 ${i} 号纠纷`,
            parties: [
              { role: 'applicant', party: numberedPerson(999) },
              { role: 'respondent', party: numberedPerson(i) },
            ],
          }),
        ),
      ),
    );
    const failed = results.filter((r) => r?.ok === false);
    expect(failed).toHaveLength(10);
    expect(failed.map((r) => (r?.ok === false ? r.error.code : 'ok'))).toEqual(
      Array(10).fill('INTERNAL'),
    );
    expect(t.internalErrors).toHaveLength(10);
    const { numbers, seqs } = await numbering(t, medical);
    expect(numbers).toEqual(expectedNumbers(40));
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const sequence = await t.db
      .selectFrom('numberSequences')
      .select('lastValue')
      .where('scope', '=', `case:${medical}:2026`)
      .executeTakeFirstOrThrow();
    expect(sequence.lastValue).toBe(40);
    // Nothing of a failed registration stays behind: its new respondent was rolled back too.
    const respondents = await t.db
      .selectFrom('parties')
      .select('idNumber')
      .where('idNumber', '=', numberedPerson(2).idNumber)
      .execute();
    expect(respondents).toEqual([]);
  });

  it('across processes: 3 workers x 30 registrations on one database give seqs exactly 1..90', async () => {
    t = await openTestCore();
    const medical = await t.studioId('medical');
    const target = sameDatabaseAs(t);
    // The parent's core stays open (idle) too: a fourth connection, as on a busy center.
    const reports = await runWorkers<RegisterWorkerConfig, RegisterWorkerResult>(
      worker,
      [1, 2, 3].map((w) => ({
        target,
        nowIso: FROZEN_NOW.toISOString(),
        username: 'reception',
        password: TEST_PASSWORD,
        worker: w,
        count: 30,
        studioId: medical,
      })),
    );

    for (const report of reports) {
      expect(report.internal).toEqual([]);
      expect(report.value.filter((r) => !r.ok)).toEqual([]);
    }
    const reported = reports.flatMap((r) => r.value.map((x) => (x.ok ? x.value.number : '')));
    expect(new Set(reported).size).toBe(90);

    // Read back through a fresh connection as well as the parent's.
    const { numbers, seqs } = await numbering(t, medical);
    expect(seqs).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(numbers).toEqual(expectedNumbers(90));
    expect([...reported].sort()).toEqual(expectedNumbers(90));
    const fresh = await openCore({ ...target, now: () => FROZEN_NOW });
    try {
      const count = await fresh.db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(90);
      const shared = await fresh.db
        .selectFrom('parties')
        .select('id')
        .where('idNumber', '=', numberedPerson(999).idNumber)
        .execute();
      expect(shared).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  }, 40_000);
});

/**
 * Makes every case whose summary is FAIL blow up on insert, i.e. after nextSequenceValue took
 * its number, in the dialect of the database under test.
 */
async function failMarkedCases(db: Database): Promise<void> {
  if (testEngine() === 'sqlite') {
    await sql`create trigger test_fail_marked_case before insert on cases
      when new.summary = 'FAIL'
      begin select raise(abort, 'injected failure'); end`.execute(db);
    return;
  }
  await sql`create function test_fail_marked_case() returns trigger language plpgsql as $$
    begin
      if new.summary = 'FAIL' then raise exception 'injected failure'; end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger test_fail_marked_case before insert on cases
    for each row execute function test_fail_marked_case()`.execute(db);
}
