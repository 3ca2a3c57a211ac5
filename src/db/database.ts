import { CamelCasePlugin, Kysely } from 'kysely';
import { Migrator } from 'kysely/migration';
import { migrations } from './migrations';
import { createSqlite3Dialect } from './sqlite/sqlite3-dialect';
import type { DB } from './tables';

export type Database = Kysely<DB>;

export interface OpenDatabaseOptions {
  readonly file: string;
  readonly busyTimeoutMs?: number;
}

/** Opens the embedded database (WAL, foreign keys, synchronous=FULL, busy timeout) and migrates it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const db = new Kysely<DB>({
    dialect: createSqlite3Dialect({
      filename: options.file,
      busyTimeoutMs: options.busyTimeoutMs ?? 10_000,
    }),
    plugins: [new CamelCasePlugin()],
  });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

export async function migrateToLatest(db: Kysely<DB>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${name} failed: ${String(error)}`, { cause: error });
  }
}
