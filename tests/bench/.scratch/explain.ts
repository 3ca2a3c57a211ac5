import { CamelCasePlugin, Kysely, sql, type CompiledQuery } from 'kysely';
import { performance } from 'node:perf_hooks';
import { createSqlite3Dialect } from '../../../src/db/sqlite/sqlite3-dialect';
import type { DB } from '../../../src/db/tables';
import { caseListSchema } from '../../../src/cases/case-list.schema';
import { countCases, listCasePage } from '../../../src/cases/case-list.repository';
import { listScenarios } from '../scenarios';

const captured: CompiledQuery[] = [];
const db = new Kysely<DB>({
  dialect: createSqlite3Dialect({ filename: process.env.DBFILE ?? '/tmp/bench-keep.sqlite' }),
  plugins: [new CamelCasePlugin()],
  log: (e) => { if (e.level === 'query') captured.push(e.query); },
});
for (const s of (process.env.PRE ?? '').split(';').filter(Boolean)) await sql.raw(s).execute(db);
const extra = process.env.Q ? [JSON.parse(process.env.Q)] : [];
const scenarios = extra.length ? extra : listScenarios([1, 2, 3, 4, 5, 6, 7, 8], 5);
for (const [i, raw] of scenarios.entries()) {
  const input = caseListSchema.parse(raw);
  const ctx = { studioIds: input.studioIds ?? null, today: '2026-11-27' };
  const page = { sort: input.sort, direction: input.direction, limit: input.limit, after: null };
  const times: number[] = [];
  for (let k = 0; k < 15; k++) {
    captured.length = 0;
    const t0 = performance.now();
    if (process.env.COUNT) await countCases(db, input, ctx); else await listCasePage(db, input, ctx, page);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = captured[0];
  console.log(`#${i} ${JSON.stringify(raw)}  median ${times[7]?.toFixed(1)} max ${times[14]?.toFixed(1)}`);
  if (q && process.env.PLAN) {
    const { rows } = await db.executeQuery({ ...q, sql: `explain query plan ${q.sql}` } as CompiledQuery);
    for (const r of rows as { detail: string }[]) console.log('    ', r.detail);
    if (process.env.SQL) console.log(q.sql, q.parameters);
  }
}
await db.destroy();
