import { parseArgs } from 'node:util';

/**
 * The benchmark's knobs, from the command line (`npm run bench -- --cases 10000`) or the
 * environment (BENCH_CASES=10000): the command line wins.
 *
 * --cases N       cases in the database (BENCH_CASES, default 100,000)
 * --sessions N    sessions (BENCH_SESSIONS, default five per case: 500,000 for 100,000 cases)
 * --audit-rows N  audit rows for the security figures (BENCH_AUDIT_ROWS, default five per case)
 * --samples N     timed calls per measure (BENCH_SAMPLES, default 200)
 * --no-pg         SQLite only (BENCH_PG=0); otherwise the PostgreSQL column is measured too,
 *                 on MD_BENCH_PG_URL (or --pg-url) or a throwaway cluster the run starts
 * --skip a,b      leave out sections: documents, reports, security (BENCH_SKIP)
 * --pg-proposals  also measure proposed PostgreSQL changes not yet in the app
 *                 (tests/bench/pg-short-terms.ts), after the PostgreSQL column (BENCH_PG_PROPOSALS=1)
 */
export interface BenchOptions {
  readonly cases: number;
  readonly sessions: number;
  readonly auditRows: number;
  readonly samples: number;
  readonly postgres: boolean;
  /** A server the run may create (and drops afterwards) a database on; null: start one. */
  readonly pgUrl: string | null;
  readonly skip: ReadonlySet<string>;
  readonly proposals: boolean;
}

const SECTIONS = ['documents', 'reports', 'security'];

function count(name: string, given: string | undefined, fallback: number): number {
  if (given === undefined || given === '') return fallback;
  const n = Number(given.replaceAll('_', ''));
  if (!Number.isInteger(n) || n <= 0)
    throw new Error(`--${name}: a positive whole number, not ${given}`);
  return n;
}

function parse(): BenchOptions {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    allowNegative: true,
    options: {
      cases: { type: 'string' },
      sessions: { type: 'string' },
      'audit-rows': { type: 'string' },
      samples: { type: 'string' },
      pg: { type: 'boolean' },
      'pg-url': { type: 'string' },
      skip: { type: 'string' },
      'pg-proposals': { type: 'boolean' },
    },
  });
  const env = process.env;
  const cases = count('cases', values.cases ?? env.BENCH_CASES, 100_000);
  const skip = new Set(
    (values.skip ?? env.BENCH_SKIP ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  const unknown = [...skip].filter((s) => !SECTIONS.includes(s));
  if (unknown.length > 0)
    throw new Error(`--skip: unknown ${unknown.join(', ')} (${SECTIONS.join(', ')})`);
  const pgUrl = values['pg-url'] ?? env.MD_BENCH_PG_URL ?? '';
  return {
    cases,
    sessions: count('sessions', values.sessions ?? env.BENCH_SESSIONS, cases * 5),
    auditRows: count('audit-rows', values['audit-rows'] ?? env.BENCH_AUDIT_ROWS, cases * 5),
    samples: count('samples', values.samples ?? env.BENCH_SAMPLES, 200),
    postgres: values.pg ?? env.BENCH_PG !== '0',
    pgUrl: pgUrl === '' ? null : pgUrl,
    skip,
    proposals: values['pg-proposals'] ?? env.BENCH_PG_PROPOSALS === '1',
  };
}

export const options: BenchOptions = parse();
