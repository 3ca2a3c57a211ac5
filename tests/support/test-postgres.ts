import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { parsePostgresUrl, type PostgresConnection } from '../../src/db/postgres/pg-connection';

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

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
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

/** A new empty database on the server at `url` (no schema). */
export async function createEmptyDatabase(
  url: string,
  prefix = 'md_e',
): Promise<TestPostgresDatabase> {
  const name = uniqueName(prefix);
  await withAdmin(url, (c) => c.query(`create database ${name}`));
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
    c.query(`create database ${name} template ${template} strategy file_copy`),
  );
  return { name, connection: databaseAt(url, name), drop: await dropper(url, name) };
}
