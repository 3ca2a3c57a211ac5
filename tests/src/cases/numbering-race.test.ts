import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../../src/api/result';
import { openCore } from '../../../src/app/core';
import { intake, numberedPerson } from '../../support/fixtures';
import { FROZEN_NOW, openTestCore, TEST_PASSWORD, type TestCore } from '../../support/test-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const tsxCli = path.join(repoRoot, 'node_modules/.bin/tsx');
const worker = path.join(here, 'fixtures/register-worker.ts');

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
    // Make every case whose summary is FAIL blow up on insert, i.e. after nextSequenceValue.
    await sql`create trigger test_fail_marked_case before insert on cases
      when new.summary = 'FAIL'
      begin select raise(abort, 'injected failure'); end`.execute(t.db);
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

  it('across processes: 3 workers x 30 registrations on one file give seqs exactly 1..90', async () => {
    t = await openTestCore();
    const medical = await t.studioId('medical');
    const dbFile = t.dbFile;
    // The parent's core stays open (idle) too: a fourth connection, as on a busy center.
    const reports = await runWorkers(3, (i) => [
      worker,
      dbFile,
      String(i + 1),
      '30',
      String(medical),
      FROZEN_NOW.toISOString(),
      'reception',
      TEST_PASSWORD,
    ]);

    for (const report of reports) {
      expect(report.internal).toEqual([]);
      expect(report.results.filter((r) => !r.ok)).toEqual([]);
    }
    const reported = reports.flatMap((r) => r.results.map((x) => (x.ok ? x.value.number : '')));
    expect(new Set(reported).size).toBe(90);

    // Read back through a fresh connection as well as the parent's.
    const { numbers, seqs } = await numbering(t, medical);
    expect(seqs).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
    expect(numbers).toEqual(expectedNumbers(90));
    expect([...reported].sort()).toEqual(expectedNumbers(90));
    const fresh = await openCore({ dbFile, now: () => FROZEN_NOW });
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

interface WorkerReport {
  results: ApiResult<{ id: number; number: string }>[];
  internal: string[];
}

/** Starts the workers, waits until every one has signed in, then tells all of them to go. */
async function runWorkers(n: number, args: (i: number) => string[]): Promise<WorkerReport[]> {
  const children = Array.from({ length: n }, (_, i) =>
    spawn(process.execPath, [tsxCli, ...args(i)], {
      cwd: repoRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
    }),
  );
  const outputs = children.map((child) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    const ready = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('ready\n')) resolve();
      });
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const exited = new Promise<WorkerReport>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        const last = stdout.trim().split('\n').at(-1) ?? '';
        if (code !== 0 || !last.startsWith('{')) {
          reject(new Error(`worker exited with ${code}: ${stderr || stdout}`));
        } else {
          resolve(JSON.parse(last) as WorkerReport);
        }
      });
    });
    return { ready, exited };
  });
  try {
    // A worker that dies before "ready" fails the race instead of hanging it.
    await Promise.race([
      Promise.all(outputs.map((o) => o.ready)),
      Promise.all(outputs.map((o) => o.exited)),
    ]);
    for (const child of children) child.stdin.end('go\n');
    return await Promise.all(outputs.map((o) => o.exited));
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
  }
}
