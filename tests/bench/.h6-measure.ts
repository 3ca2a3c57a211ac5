// temporary (H6): measure list/search/schedule on a fresh copy of the kept PG database (or SQLite)
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openCore } from '../../src/app/core';
import { parsePostgresUrl } from '../../src/db/postgres/pg-connection';
import { BENCH_PASSWORD } from './intake';
import { caller, measureList, measureSearch } from './operations';
import { measureSchedule } from './schedule';

const engine = process.env.H6_ENGINE ?? 'pg';
const state = JSON.parse(readFileSync('/tmp/h6/state.json', 'utf8'));
const url = 'postgres://postgres@127.0.0.1:55432/postgres';
let core;
if (engine === 'pg') {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists pgplans_run with (force)`);
  await admin.query(`create database pgplans_run template pgplans_bench`);
  await admin.end();
  core = await openCore({ dbFile: '/tmp/h6/unused.sqlite', postgres: { ...parsePostgresUrl(url), database: 'pgplans_run' } });
  if (process.env.H6_ANALYZE) await (await import('kysely')).sql`analyze`.execute(core.db);
} else {
  core = await openCore({ dbFile: '/tmp/h6/bench.sqlite' });
}
const d = core.dispatch;
const signIn = (s: string, username: string) => caller(d, s)('auth/signIn')({ username, password: BENCH_PASSWORD });
await signIn('dir', 'bench');
await signIn('med', state.generated.mediator.username);
const studios = (await caller(d, 'dir')('studios/list')({})) as { id: number }[];
const c = { dispatch: d, director: 'dir', mediator: 'med', mediatorStaffId: state.generated.mediator.staffId, studioIds: studios.map((s) => s.id) };
const only = process.env.H6_ONLY ?? 'list,search,schedule';
if (only.includes('list')) await measureList(c);
if (only.includes('search')) await measureSearch(c, state.samples);
if (only.includes('schedule')) await measureSchedule(d, 'dir', state.sessions);
await core.close();
