import type pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { parsePostgresUrl, type PostgresConnection } from '../../src/db/postgres/pg-connection';
import { withPgClient as withAdmin } from '../harness/pg-cluster';

/**
 * Databases for the `postgres` test project (vitest.config.ts): every test core gets its own,
 * copied from a template migrated once per run, and dropped when it closes.
 */

/** The engine this test process runs the integration suites on. */
export function testEngine(): 'sqlite' | 'postgres' {
  return process.env.MD_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
}

export interface TestPostgresDatabase {
  readonly name: string;
  readonly connection: PostgresConnection;
  drop(): Promise<void>;
}

function databaseAt(url: string, name: string): PostgresConnection {
  return { ...parsePostgresUrl(url), database: name };
}

let counter = 0;
const uniqueName = (prefix: string) =>
  `${prefix}_${process.pid}_${Date.now().toString(36)}_${(counter += 1)}`;

async function dropper(url: string, name: string): Promise<() => Promise<void>> {
  return () =>
    withAdmin(url, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
      () => undefined,
    );
}

/**
 * How the test databases are created: in ICU's Chinese collation where the server offers it
 * (PostgreSQL 15+ built with ICU), as a center's server set up in Chinese sorts text, so the
 * suites show the app's order does not depend on the server's (migration 0011). Elsewhere,
 * the server's default. Character classes in C.UTF-8, as the README asks of a center's server:
 * pg_trgm then takes Chinese characters for letters and indexes them.
 */
async function chineseCollation(c: pg.Client): Promise<string> {
  const { rows } = await c.query<{ icu: boolean }>(`
    select current_setting('server_version_num')::int >= 150000
      and exists (select 1 from pg_collation where collname = 'zh-Hans-CN-x-icu') as icu`);
  return rows[0]?.icu === true
    ? ` template template0 encoding 'UTF8' locale_provider icu icu_locale 'zh-Hans-CN' lc_collate 'C' lc_ctype 'C.UTF-8'`
    : '';
}

/** A new empty database on the server at `url` (no schema), in Chinese collation if it can. */
export async function createEmptyDatabase(
  url: string,
  prefix = 'md_e',
): Promise<TestPostgresDatabase> {
  const name = uniqueName(prefix);
  await withAdmin(url, async (c) => c.query(`create database ${name}${await chineseCollation(c)}`));
  return { name, connection: databaseAt(url, name), drop: await dropper(url, name) };
}

/** A migrated database to copy test databases from (the global setup makes one per run). */
export async function createTemplateDatabase(url: string): Promise<TestPostgresDatabase> {
  const created = await createEmptyDatabase(url, 'md_template');
  const db = await openDatabase({ file: '', postgres: created.connection });
  await db.destroy();
  return created;
}

/** A fresh migrated database for one test core, copied from the run's template. */
export async function createTestDatabase(): Promise<TestPostgresDatabase> {
  const url = inject('pgUrl');
  const template = inject('pgTemplate');
  const name = uniqueName('md_t');
  await withAdmin(url, (c) =>
    c.query(`create database ${name} template ${template} strategy wal_log`),
  );
  return { name, connection: databaseAt(url, name), drop: await dropper(url, name) };
}

/** Where a core opens: the embedded file, and the server database that replaces it if given. */
export interface CoreTarget {
  readonly dbFile: string;
  readonly postgres?: PostgresConnection;
}

/**
 * The database for a core a test opens by itself (openCore): `dbFile` on the `sqlite`
 * project, a fresh migrated database (createTestDatabase) on the `postgres` one. `drop`
 * removes that database after the core closed; the file is the caller's.
 */
export async function createCoreTarget(
  dbFile: string,
): Promise<{ readonly target: CoreTarget; drop(): Promise<void> }> {
  if (testEngine() === 'sqlite') return { target: { dbFile }, drop: () => Promise.resolve() };
  const server = await createTestDatabase();
  return { target: { dbFile, postgres: server.connection }, drop: server.drop };
}

/** The database of an open test core, for a second core (another workstation) on it. */
export function sameDatabaseAs(t: {
  readonly dbFile: string;
  readonly postgres: PostgresConnection | null;
}): CoreTarget {
  return t.postgres === null ? { dbFile: t.dbFile } : { dbFile: t.dbFile, postgres: t.postgres };
}
