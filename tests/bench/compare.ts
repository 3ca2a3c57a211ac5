import type { Figure } from './measure';

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const within = (f: Figure) => f.budget === null || f.p95 <= f.budget;
const cell = (f: Figure | undefined) =>
  f === undefined ? '—' : `${ms(f.p50)} / ${ms(f.p95)} ms${within(f) ? '' : ' OVER'}`;

/**
 * The figures measured on both engines, side by side, as a Markdown table (it goes into the
 * README as it is): measure, p95 budget, SQLite p50 / p95, PostgreSQL p50 / p95.
 */
export function printComparison(sqlite: readonly Figure[], postgres: readonly Figure[]): void {
  const onSqlite = new Map(sqlite.map((f) => [f.label, f]));
  const rows = postgres.map((pg) => {
    const budget = pg.budget === null ? '—' : `${pg.budget} ms`;
    return [pg.label, budget, cell(onSqlite.get(pg.label)), cell(pg)];
  });
  const header = ['measure', 'budget (p95)', 'SQLite p50 / p95', 'PostgreSQL p50 / p95'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log('\nSQLite and PostgreSQL, the same data and the same calls');
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}
