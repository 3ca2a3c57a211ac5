import { CamelCasePlugin, Kysely } from 'kysely';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import type { Database } from '../../src/db/database';
import { createPostgresDialect } from '../../src/db/postgres/pg-dialect';
import { createSqlite3Dialect } from '../../src/db/sqlite/sqlite3-dialect';
import { makeTempDir } from './test-core';
import { createEmptyDatabase, testEngine, type CoreTarget } from './test-postgres';

export interface BareDatabase {
  /** Kysely on the database, not migrated (the application's, with CamelCasePlugin). */
  readonly db: Database;
  /** For openCore / openDatabase on the same database. */
  readonly target: CoreTarget;
  close(): Promise<void>;
}

/**
 * An empty database without any migration, for the migration tests: a new file in a temp dir,
 * or (the `postgres` project) a new empty database on the test server, dropped on close.
 */
export async function openBareDatabase(): Promise<BareDatabase> {
  const dir = makeTempDir('mediation-desk-bare-');
  const dbFile = path.join(dir, 'desk.sqlite');
  const server =
    testEngine() === 'postgres' ? await createEmptyDatabase(inject('pgUrl'), 'md_bare') : null;
  const dialect =
    server === null
      ? createSqlite3Dialect({ filename: dbFile, busyTimeoutMs: 1000 })
      : createPostgresDialect(server.connection).dialect;
  const db: Database = new Kysely({ dialect, plugins: [new CamelCasePlugin()] });
  return {
    db,
    target: server === null ? { dbFile } : { dbFile, postgres: server.connection },
    close: async () => {
      await db.destroy();
      await server?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
