import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore, type Core } from '../../src/app/core';
import { openDatabase } from '../../src/db/database';
import { rebuildCaseSearch } from '../../src/search/case-search';
import { generate } from './generate/generate';
import { BENCH_PASSWORD, cheapPasswordHash } from './intake';
import { timed, type Figure } from './measure';
import { caller, measureIntakeAndCase, measureList, measureSearch } from './operations';
import { documentsBenchmark } from './documents';
import { reportsBenchmark } from './reports';
import { scheduleBenchmark } from './schedule';
import { securityBenchmark } from './security';
import { dispatcherWithIndexedIntake } from './wired-intake';

/**
 * `npm run bench`: a center-sized database (BENCH_CASES cases, default 100,000: three years of
 * the eight studios' work), built by direct batched inserts, then the core's operations measured
 * through the dispatcher, outside the UI, against their p95 budgets. BENCH_SAMPLES sets the
 * samples per operation (default 200). Exits non-zero when a budget is missed.
 */
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const BUILD_BUDGET_S = 90;
const DIRECTOR = 'bench-director';
const MEDIATOR = 'bench-mediator';

const dir = mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
const file = path.join(dir, 'bench.sqlite');
let core: Core | undefined;
try {
  console.log(`Mediation Desk benchmark: ${CASES.toLocaleString('en')} cases`);
  const started = performance.now();
  await (await openDatabase({ file })).destroy(); // the schema, migrated
  const generated = await timed('generate (direct batched inserts)', () =>
    generate({
      file,
      cases: CASES,
      now: new Date(),
      passwordHash: cheapPasswordHash(BENCH_PASSWORD),
    }),
  );
  console.log(`  rows: ${JSON.stringify(generated.counts)}`);
  const opened = await openCore({ dbFile: file });
  core = opened;
  const indexed = await timed('search index (rebuildCaseSearch)', () =>
    opened.db.transaction().execute((trx) => rebuildCaseSearch(trx)),
  );
  const seconds = (performance.now() - started) / 1000;
  const verdict = seconds <= BUILD_BUDGET_S ? 'ok' : 'OVER BUDGET';
  console.log(
    `database of ${indexed} cases built in ${seconds.toFixed(1)} s (budget ${BUILD_BUDGET_S} s) ${verdict}`,
  );

  const wired = dispatcherWithIndexedIntake(opened.db).dispatch;
  const signIn = (dispatch: typeof wired, session: string, username: string) =>
    caller(dispatch, session)('auth/signIn')({ username, password: BENCH_PASSWORD });
  await signIn(opened.dispatch, DIRECTOR, 'bench');
  await signIn(opened.dispatch, MEDIATOR, generated.mediator.username);
  await signIn(wired, DIRECTOR, 'bench');
  const studios = (await caller(opened.dispatch, DIRECTOR)('studios/list')({})) as { id: number }[];
  const callers = {
    dispatch: opened.dispatch,
    director: DIRECTOR,
    mediator: MEDIATOR,
    mediatorStaffId: generated.mediator.staffId,
    studioIds: studios.map((s) => s.id),
  };
  const figures: Figure[] = [
    ...(await measureList(callers)),
    ...(await measureSearch(callers, opened.db)),
    ...(await measureIntakeAndCase(callers, wired, CASES)),
    ...(await scheduleBenchmark({ file, core: opened, session: DIRECTOR, now: new Date() })),
    ...(await documentsBenchmark()),
    ...(await reportsBenchmark(callers)),
    ...(await securityBenchmark(opened)),
  ];
  const over = figures.filter((f) => f.budget !== null && f.p95 > f.budget);
  if (seconds > BUILD_BUDGET_S) over.push({ label: 'database build' } as Figure);
  console.log(
    over.length === 0
      ? '\nall within budget'
      : `\nOVER BUDGET: ${over.map((f) => f.label).join('; ')}`,
  );
  if (over.length > 0) process.exitCode = 1;
} finally {
  await core?.close();
  rmSync(dir, { recursive: true, force: true });
}
