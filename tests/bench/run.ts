import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore, type Core } from '../../src/app/core';
import { openDatabase } from '../../src/db/database';
import { rebuildCaseSearch, reindexCase } from '../../src/search/case-search';
import { generate } from './generate/generate';
import { BENCH_PASSWORD, cheapPasswordHash, registration } from './intake';
import { measure, timed, type Figure } from './measure';
import { listScenarios, searchSamples } from './scenarios';

/**
 * `npm run bench`: a center-sized database (BENCH_CASES cases, default 100,000, three years of
 * work over the eight studios), then the core's operations measured through the dispatcher,
 * outside the UI, against their p95 budgets. BENCH_SAMPLES sets the samples per operation.
 */
const CASES = Number(process.env.BENCH_CASES ?? 100_000);
const GENERATION_BUDGET_S = 90;
const DIRECTOR = 'bench-director';
const MEDIATOR = 'bench-mediator';

async function must(core: Core, session: string, method: string, input: unknown) {
  const result = await core.dispatch(session, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
const file = path.join(dir, 'bench.sqlite');
const figures: Figure[] = [];
const now = new Date();
let core: Core | undefined;
try {
  console.log(
    `Mediation Desk benchmark — ${CASES.toLocaleString('en')} cases, ${os.cpus().length} CPUs`,
  );
  const started = performance.now();
  await (await openDatabase({ file })).destroy(); // the schema, migrated
  const generated = await timed('generate (direct batched inserts)', () =>
    generate({ file, cases: CASES, now, passwordHash: cheapPasswordHash(BENCH_PASSWORD) }),
  );
  console.log(`  rows: ${JSON.stringify(generated.counts)}`);
  const opened = await openCore({ dbFile: file, now: () => new Date() });
  core = opened;
  const indexed = await timed('search index (rebuildCaseSearch)', () =>
    opened.db.transaction().execute((trx) => rebuildCaseSearch(trx)),
  );
  const buildSeconds = (performance.now() - started) / 1000;
  console.log(
    `database built in ${buildSeconds.toFixed(1)} s (budget ${GENERATION_BUDGET_S} s) ${buildSeconds <= GENERATION_BUDGET_S ? 'ok' : 'OVER BUDGET'}; ${indexed} cases indexed`,
  );
  figures.push({
    label: 'build',
    p50: buildSeconds * 1000,
    p95: buildSeconds * 1000,
    max: buildSeconds * 1000,
    budget: GENERATION_BUDGET_S * 1000,
    samples: 1,
  });

  const c = opened;
  await must(c, DIRECTOR, 'auth/signIn', { username: 'bench', password: BENCH_PASSWORD });
  await must(c, MEDIATOR, 'auth/signIn', {
    username: generated.mediator.username,
    password: BENCH_PASSWORD,
  });
  const studios = (await must(c, DIRECTOR, 'studios/list', {})) as { id: number }[];
  const studioIds = studios.map((s) => s.id);
  const call = (session: string, method: string) => (input: unknown) =>
    must(c, session, method, input);
  const list = call(DIRECTOR, 'cases/list');
  const scenarios = listScenarios(studioIds, generated.mediator.staffId);

  console.log('\ncase list (cases/list, 50 rows)');
  figures.push(
    await measure('filters + sort, director (16 filter sets)', 15, (i) =>
      list(scenarios[i % scenarios.length]),
    ),
  );
  const ownScenarios = [
    {},
    { overdue: true, dueSoon: true },
    { statuses: ['in_mediation'], sort: 'deadlineOn', direction: 'asc' },
    { mediatorId: generated.mediator.staffId },
  ];
  figures.push(
    await measure('filters + sort, mediator (own studio)', 15, (i) =>
      call(MEDIATOR, 'cases/list')(ownScenarios[i % ownScenarios.length]),
    ),
  );
  const cursors: { input: object; after: string }[] = [];
  for (const input of scenarios) {
    let after: string | null = null;
    for (let page = 0; page < 4; page += 1) {
      const value = (await list({ ...input, ...(after === null ? {} : { after }) })) as {
        nextCursor: string | null;
      };
      if (value.nextCursor === null) break;
      after = value.nextCursor;
      cursors.push({ input, after });
    }
  }
  figures.push(
    await measure('next pages (keyset cursor, pages 2–5)', 15, (i) => {
      const page = cursors[i % cursors.length];
      return list(page === undefined ? {} : { ...page.input, after: page.after });
    }),
  );
  figures.push(
    await measure('count (cases/count, same filter sets)', 30, (i) =>
      call(
        DIRECTOR,
        'cases/count',
      )({ ...scenarios[i % scenarios.length], sort: undefined, direction: undefined }),
    ),
  );

  console.log('\nsearch (cases/list with q, 50 rows)');
  const samples = await searchSamples(c.db);
  const pick = (items: string[], i: number) => items[i % items.length] ?? '';
  figures.push(
    await measure('3+ characters (names, number fragments, words)', 30, (i) =>
      list({ q: pick(samples.long, i) }),
    ),
  );
  figures.push(
    await measure('3+ characters, with filters and deadline sort', 30, (i) =>
      list({
        q: pick(samples.long, i),
        statuses: ['accepted', 'in_mediation', 'concluded'],
        sort: 'deadlineOn',
        direction: 'asc',
      }),
    ),
  );
  figures.push(
    await measure('3+ characters, mediator (own studio)', 30, (i) =>
      call(MEDIATOR, 'cases/list')({ q: pick(samples.long, i) }),
    ),
  );
  figures.push(
    await measure('1–2 characters (两字姓名, 单字, words)', 100, (i) =>
      list({ q: pick(samples.short, i) }),
    ),
  );
  figures.push(
    await measure('1–2 characters, mediator (own studio)', 100, (i) =>
      call(MEDIATOR, 'cases/list')({ q: pick(samples.short, i) }),
    ),
  );
  figures.push(
    await measure('full resident ID or phone', 30, (i) =>
      list({ q: pick(samples.identifiers, i) }),
    ),
  );
  figures.push(
    await measure('count of a 3+ character search', 30, (i) =>
      call(DIRECTOR, 'cases/count')({ q: pick(samples.long, i) }),
    ),
  );

  console.log('\nintake and the existing operations');
  const registered: number[] = [];
  figures.push(
    await measure('intake transaction (cases/register)', 10, async (i) => {
      const value = (await must(
        c,
        DIRECTOR,
        'cases/register',
        registration(i, studioIds[i % studioIds.length] ?? 1),
      )) as { id: number };
      registered.push(value.id);
    }),
  );
  figures.push(
    await measure(
      'reindexCase of a newly registered case',
      null,
      (i) => reindexCase(c.db, registered[i % registered.length] ?? 1),
      registered.length - 5,
    ),
  );
  figures.push(
    await measure('studio queue, 50 rows (cases/queue)', 15, (i) =>
      call(DIRECTOR, 'cases/queue')({ studioId: studioIds[i % studioIds.length], limit: 50 }),
    ),
  );
  figures.push(
    await measure('open a case (cases/get)', 15, (i) =>
      call(DIRECTOR, 'cases/get')({ id: 1 + ((i * 7919) % CASES) }),
    ),
  );
  figures.push(
    await measure('find a party by name (parties/search)', 30, (i) =>
      call(DIRECTOR, 'parties/search')({ q: pick(samples.long, i * 5) }),
    ),
  );

  const over = figures.filter((f) => f.budget !== null && f.p95 > f.budget);
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
