import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore, type Core } from '../../src/app/core';
import { openDatabase } from '../../src/db/database';
import { rebuildCaseSearch } from '../../src/search/case-search';
import { printComparison } from './compare';
import { documentsBenchmark } from './documents';
import { measureEngine } from './engine';
import { generate } from './generate/generate';
import { BENCH_PASSWORD, cheapPasswordHash } from './intake';
import { timed, type Figure } from './measure';
import { options } from './options';
import { benchServer, type BenchServer } from './pg-server';
import { measureShortTerms } from './pg-short-terms';
import { reportsBenchmark } from './reports';
import { searchSamples } from './scenarios';
import { scheduleData } from './schedule';
import { securityBenchmark } from './security';

/**
 * `npm run bench`: a center-sized database (--cases, default 100,000: three years of the eight
 * studios' work, and five sessions per case), built by direct batched inserts into SQLite, then
 * copied into PostgreSQL; the core's operations measured through the dispatcher, outside the
 * UI, against their p95 budgets: list, search, intake and scheduling on both engines, documents,
 * reports and security on SQLite. Options: tests/bench/options.ts. Exits non-zero when a budget
 * is missed, on either engine.
 */
const CASES = options.cases;
const BUILD_BUDGET_S = 90;

const dir = mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
// Also when the run dies on the way (the PostgreSQL side stops its server the same way).
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const file = path.join(dir, 'bench.sqlite');
const now = new Date();
let core: Core | undefined;
let pgCore: Core | undefined;
let server: BenchServer | undefined;
try {
  console.log(
    `Mediation Desk benchmark: ${CASES.toLocaleString('en')} cases, ` +
      `${options.sessions.toLocaleString('en')} sessions, ` +
      (options.postgres ? 'SQLite and PostgreSQL' : 'SQLite only'),
  );
  const started = performance.now();
  await (await openDatabase({ file })).destroy(); // the schema, migrated
  const generated = await timed('generate (direct batched inserts)', () =>
    generate({ file, cases: CASES, now, passwordHash: cheapPasswordHash(BENCH_PASSWORD) }),
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
  const sessions = await scheduleData(file, now);
  const samples = await searchSamples(opened.db);
  // Copied before anything is measured: the measured intake adds cases to each engine's own.
  if (options.postgres) {
    console.log('\nPostgreSQL: the same data');
    server = await benchServer(file, options.pgUrl);
  }

  console.log('\n=== SQLite ===');
  const sqlite = await measureEngine(opened, CASES, generated, samples, sessions);
  const figures: Figure[] = [...sqlite.figures];
  if (!options.skip.has('documents')) figures.push(...(await documentsBenchmark()));
  if (!options.skip.has('reports')) figures.push(...(await reportsBenchmark(sqlite.callers)));
  if (!options.skip.has('security')) figures.push(...(await securityBenchmark(opened)));

  let postgres: Figure[] = [];
  if (server !== undefined) {
    console.log('\n=== PostgreSQL ===');
    pgCore = await openCore({
      dbFile: path.join(dir, 'unused.sqlite'),
      postgres: server.connection,
    });
    postgres = (await measureEngine(pgCore, CASES, generated, samples, sessions)).figures;
    printComparison(sqlite.figures, postgres);
    if (options.proposals) await measureShortTerms(pgCore.db, samples.short);
  }

  const over = [
    ...figures,
    ...postgres.map((f) => ({ ...f, label: `${f.label} (PostgreSQL)` })),
  ].filter((f) => f.budget !== null && f.p95 > f.budget);
  if (seconds > BUILD_BUDGET_S) over.push({ label: 'database build' } as Figure);
  console.log(
    over.length === 0
      ? '\nall within budget'
      : `\nOVER BUDGET: ${over.map((f) => f.label).join('; ')}`,
  );
  if (over.length > 0) process.exitCode = 1;
} finally {
  await pgCore?.close();
  await core?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
}
