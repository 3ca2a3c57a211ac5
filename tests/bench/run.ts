import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCore, type Core } from '../../src/app/core';
import { residentIdCheckChar, residentIdSex } from '../../src/shared/china-ids';

/**
 * `npm run bench`: the foundation's operations, measured in the core (no UI), against budgets.
 * The 100,000-case generator and the list/search budgets arrive with the cases feature.
 */
const BASE_CASES = Number(process.env.BENCH_CASES ?? 5_000);
const SAMPLES = 200;
const SESSION = 'bench';

function personId(n: number): string {
  const first17 = `110101${1950 + (n % 50)}0101${String(n % 1000).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

function registration(n: number, studioId: number) {
  return {
    studioId,
    category: 'neighbourhood',
    source: 'walk_in',
    summary: `相邻关系纠纷第 ${n} 件：通道堵塞、排水不畅，双方多次协商未果。`,
    requests: '排除妨碍，恢复通行',
    amountFen: (n % 997) * 10,
    parties: [
      {
        role: 'applicant',
        party: {
          kind: 'person',
          name: `申请人${n}`,
          sex: 'male',
          phone: `138${String(n).padStart(8, '0')}`,
        },
      },
      {
        role: 'respondent',
        party: {
          kind: 'person',
          name: `被申请人${n}`,
          sex: residentIdSex(personId(n * 7 + 1)),
          idNumber: personId(n * 7 + 1),
        },
      },
    ],
  };
}

async function must(core: Core, method: string, input: unknown): Promise<unknown> {
  const result = await core.dispatch(SESSION, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function measure(
  label: string,
  budgetP95: number | null,
  run: (i: number) => Promise<unknown>,
) {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = quantile(times, 0.95);
  const verdict = budgetP95 === null ? '' : p95 <= budgetP95 ? 'ok' : 'OVER BUDGET';
  console.log(
    `${label.padEnd(34)} p50 ${quantile(times, 0.5).toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms   budget ${budgetP95 === null ? '—' : `${budgetP95} ms`}  ${verdict}`,
  );
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'md-bench-'));
const core = await openCore({ dbFile: path.join(dir, 'bench.sqlite') });
try {
  await must(core, 'auth/setup', {
    displayName: '基准',
    username: 'bench',
    password: 'bench-password-1',
    roles: ['reception', 'director'],
  });
  const studios = (await must(core, 'studios/list', {})) as { id: number }[];
  const studioOf = (n: number) => studios[n % studios.length]?.id ?? 1;

  const started = performance.now();
  for (let n = 0; n < BASE_CASES; n += 1)
    await must(core, 'cases/register', registration(n, studioOf(n)));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `database: ${BASE_CASES} cases registered through the API in ${seconds.toFixed(1)} s`,
  );

  await measure('intake transaction (cases/register)', 10, (i) =>
    must(core, 'cases/register', registration(BASE_CASES + i, studioOf(i))),
  );
  await measure('studio queue, 50 rows (cases/queue)', 15, (i) =>
    must(core, 'cases/queue', { studioId: studioOf(i), limit: 50 }),
  );
  await measure('open a case (cases/get)', 15, (i) =>
    must(core, 'cases/get', { id: 1 + ((i * 37) % BASE_CASES) }),
  );
  await measure('find a party by name (parties/search)', 30, (i) =>
    must(core, 'parties/search', { q: `申请人${i * 13}` }),
  );
} finally {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
