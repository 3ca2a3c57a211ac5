import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/app/core';
import { openDatabase } from '../../../src/db/database';
import type { DashboardView } from '../../../src/reports/dashboard.service';
import { loadCaseFacts } from '../../../src/reports/report-facts.repository';
import { MEASURES } from '../../../src/reports/report.schema';
import { centerDate } from '../../../src/shared/center-time';
import { generate } from '../../bench/generate/generate';
import { BENCH_PASSWORD, cheapPasswordHash } from '../../bench/intake';
import { makeTempDir } from '../../support/test-core';
import { rmSync } from 'node:fs';
import { bruteForce, readWorld, tallyOf } from './brute-force';

/**
 * The benchmark's generator (tests/bench/generate) at a few thousand cases: two years of a
 * center's work written in bulk. The packed read (SQLite group_concat) and the plain one give
 * the same facts, and the dashboard agrees with the brute-force count.
 */

const NOW = new Date('2026-03-10T02:00:00.000Z');
const SESSION = 'bulk';
let dir: string;
let core: Core;

beforeAll(async () => {
  dir = makeTempDir('md-reports-bulk-');
  const file = path.join(dir, 'bulk.sqlite');
  await (await openDatabase({ file })).destroy();
  await generate({
    file,
    cases: 3000,
    now: NOW,
    passwordHash: cheapPasswordHash(BENCH_PASSWORD),
    seed: 7,
  });
  core = await openCore({ dbFile: file, now: () => NOW });
  const signIn = await core.dispatch(SESSION, 'auth/signIn', {
    username: 'bench',
    password: BENCH_PASSWORD,
  });
  expect(signIn.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a bulk-generated center', () => {
  it('reads the same facts packed as plain', async () => {
    const range = { from: '2025-01-01', to: '2026-03-10', studioIds: null };
    const packed = await loadCaseFacts(core.db, range, { packed: true });
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
