import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/app/core';
import { openDatabase, type Database } from '../../../src/db/database';
import { copyEmbeddedToServer } from '../../../src/db/copy/copy-to-server';
import type { DashboardView } from '../../../src/reports/dashboard.service';
import { loadCaseFacts } from '../../../src/reports/report-facts.repository';
import { MEASURES } from '../../../src/reports/report.schema';
import { centerDate } from '../../../src/shared/center-time';
import { generate } from '../../bench/generate/generate';
import { BENCH_PASSWORD, cheapPasswordHash } from '../../bench/intake';
import { makeTempDir } from '../../support/test-core';
import { createTestDatabase, testEngine } from '../../support/test-postgres';
import { rmSync } from 'node:fs';
import { bruteForce, readWorld, tallyOf } from './brute-force';

/**
 * The benchmark's generator (tests/bench/generate) at a few thousand cases: two years of a
 * center's work written in bulk into a file (and, on the `postgres` project, copied to a
 * server database, where the core then works). The packed read of the file (SQLite
 * group_concat) and the plain one of the database in use give the same facts, and the
 * dashboard agrees with the brute-force count.
 */

const NOW = new Date('2026-03-10T02:00:00.000Z');
const SESSION = 'bulk';
let dir: string;
let file: Database;
let core: Core;
let dropServer: () => Promise<void> = () => Promise.resolve();

beforeAll(async () => {
  dir = makeTempDir('md-reports-bulk-');
  const dbFile = path.join(dir, 'bulk.sqlite');
  await (await openDatabase({ file: dbFile })).destroy();
  await generate({
    file: dbFile,
    cases: 3000,
    now: NOW,
    passwordHash: cheapPasswordHash(BENCH_PASSWORD),
    seed: 7,
  });
  file = await openDatabase({ file: dbFile });
  if (testEngine() === 'postgres') {
    const server = await createTestDatabase();
    dropServer = server.drop;
    const target = await openDatabase({ file: '', postgres: server.connection });
    try {
      await copyEmbeddedToServer(file, target);
    } finally {
      await target.destroy();
    }
    core = await openCore({ dbFile, postgres: server.connection, now: () => NOW });
  } else {
    core = await openCore({ dbFile, now: () => NOW });
  }
  const signIn = await core.dispatch(SESSION, 'auth/signIn', {
    username: 'bench',
    password: BENCH_PASSWORD,
  });
  expect(signIn.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await core.close();
  await file.destroy();
  await dropServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('a bulk-generated center', () => {
  it('reads the same facts packed from the file as plain from the database in use', async () => {
    const range = { from: '2025-01-01', to: '2026-03-10', studioIds: null };
    const packed = await loadCaseFacts(file, range, { packed: true });
    const plain = await loadCaseFacts(core.db, range, { packed: false });
    expect(packed.length).toBeGreaterThan(1500);
    const rows = (facts: typeof packed) => {
      const all = Array.from({ length: facts.length }, (_, i) => ({
        ...facts.row(i),
        extras: facts.extrasOf(i),
      }));
      return all.sort((a, b) => a.id - b.id);
    };
    expect(rows(packed)).toEqual(rows(plain));
  });

  it.each([
    ['2026-01-01', '2026-12-31'],
    ['2025-01-01', '2025-12-31'],
    ['2026-02-01', '2026-02-28'],
  ])('%s to %s agrees with the brute-force count', async (from, to) => {
    const result = await core.dispatch(SESSION, 'reports/dashboard', { from, to });
    if (!result.ok) throw new Error(result.error.message);
    const view = result.value as DashboardView;
    const world = await readWorld(core.db);
    const brute = bruteForce(world, { from, to }, centerDate(NOW), null);
    for (const m of MEASURES) expect(view.current.counts[m], m).toBe(tallyOf(brute, m));
    for (const s of view.byStudio) {
      for (const m of MEASURES)
        expect(s.figures.counts[m], `${m}@${s.studioId}`).toBe(
          tallyOf(brute, `${m}@${s.studioId}`),
        );
    }
    const previous = bruteForce(world, view.previousPeriod, centerDate(NOW), null);
    for (const m of MEASURES)
      expect(view.previous.counts[m], `previous ${m}`).toBe(tallyOf(previous, m));
  });
});
