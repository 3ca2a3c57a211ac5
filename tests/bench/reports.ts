import { performance } from 'node:perf_hooks';
import { centerDate } from '../../src/shared/center-time';
import { measure, print, type Figure } from './measure';
import { caller, type Callers } from './operations';

/**
 * Reports (issue 6) over the benchmark's database:
 * - every dashboard figure of a year (the year, the one before, by studio, category and source,
 *   the twelve months of the trend) p95 ≤ 150 ms, for the director and for one studio;
 * - an XLSX export of 10,000 cases ≤ 3 s (the case list's filter, personal numbers masked);
 * - for the record: a month's dashboard, a drill-down page, the overdue list.
 */
const DASHBOARD_BUDGET_MS = 150;
const EXPORT_BUDGET_MS = 3000;
const EXPORT_CASES = 10_000;
const EXPORT_SAMPLES = Number(process.env.BENCH_EXPORT_SAMPLES ?? 5);

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The registration range ending today that holds about `wanted` cases (found with cases/count). */
async function rangeOf(count: (input: unknown) => Promise<unknown>, today: string, wanted: number) {
  let lo = 1;
  let hi = 4000;
  let best = { from: today, total: 0 };
  while (lo <= hi) {
    const days = (lo + hi) >> 1;
    const from = addDays(today, -days);
    const { total } = (await count({ registeredFrom: from, registeredTo: today })) as {
      total: number;
    };
    best = Math.abs(total - wanted) < Math.abs(best.total - wanted) ? { from, total } : best;
    if (total < wanted) lo = days + 1;
    else hi = days - 1;
  }
  return best;
}

export async function reportsBenchmark(c: Callers): Promise<Figure[]> {
  console.log('\nreports (reports/*)');
  const today = centerDate(new Date());
  const year = today.slice(0, 4);
  const yearInput = { from: `${year}-01-01`, to: `${year}-12-31` };
  const director = caller(c.dispatch, c.director);
  const mediator = caller(c.dispatch, c.mediator);
  const figures: Figure[] = [];

  figures.push(
    await measure(
      `dashboard, year ${year} + ${Number(year) - 1} + trend, director`,
      DASHBOARD_BUDGET_MS,
      () => director('reports/dashboard')(yearInput),
    ),
  );
  figures.push(
    await measure('dashboard, a year, mediator (own studio)', DASHBOARD_BUDGET_MS, () =>
      mediator('reports/dashboard')(yearInput),
    ),
  );
  const month = { from: `${today.slice(0, 7)}-01`, to: today };
  figures.push(
    await measure('dashboard, this month (12-month trend), director', null, () =>
      director('reports/dashboard')(month),
    ),
  );
  figures.push(
    await measure('drill-down, a year’s concluded cases, page 1', null, () =>
      director('reports/drill')({ ...yearInput, measure: 'concluded', limit: 50 }),
    ),
  );
  figures.push(
    await measure('overdue list, whole center, page 1', null, () =>
      director('reports/overdue')({ limit: 100 }),
    ),
  );

  const range = await rangeOf(director('cases/count'), today, EXPORT_CASES);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < EXPORT_SAMPLES; i += 1) {
    const start = performance.now();
    const file = (await director('reports/export')({
      what: 'cases',
      format: 'xlsx',
      filter: { registeredFrom: range.from, registeredTo: today },
    })) as { rows: number; base64: string };
    times.push(performance.now() - start);
    rows = file.rows;
  }
  times.sort((a, b) => a - b);
  const exportFigure: Figure = {
    label: `XLSX export of ${rows.toLocaleString('en')} cases (case list filter)`,
    p50: times[Math.floor(times.length / 2)] ?? NaN,
    p95: times.at(-1) ?? NaN,
    max: times.at(-1) ?? NaN,
    budget: EXPORT_BUDGET_MS,
    samples: times.length,
  };
  print(exportFigure);
  figures.push(exportFigure);
  return figures;
}
