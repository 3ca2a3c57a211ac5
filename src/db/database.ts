import { CamelCasePlugin, sql, Kysely, type Dialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database as RawSqlite } from 'sqlite3';
import { migrations } from './migrations';
import { createSqlite3Dialect } from './sqlite/sqlite3-dialect';
import { Sqlite3Driver } from './sqlite/sqlite3-driver';
import type { DB } from './tables';

export type Database = Kysely<DB>;

export interface OpenDatabaseOptions {
  readonly file: string;
  readonly busyTimeoutMs?: number;
  /**
   * Runs before pending migrations are applied to a database that already holds data (some
   * migrations applied): the core backs the file up there (DESIGN §8). A throw stops the
   * migration and the opening.
   */
  readonly beforeMigrating?: (pending: readonly string[]) => Promise<void>;
}

interface Embedded {
  readonly driver: Sqlite3Driver;
  readonly file: string;
}

/** The embedded databases this process opened, with their driver (for the backup API). */
const embedded = new WeakMap<Database, Embedded>();

/** Opens the embedded database (WAL, foreign keys, synchronous=FULL, busy timeout) and migrates it. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const base = createSqlite3Dialect({
    filename: options.file,
    busyTimeoutMs: options.busyTimeoutMs ?? 10_000,
  });
  let driver: Sqlite3Driver | undefined;
  const dialect: Dialect = {
    ...base,
    createDriver: () => {
      const created = base.createDriver();
      if (created instanceof Sqlite3Driver) driver = created;
      return created;
    },
  };
  const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
  if (driver !== undefined) embedded.set(db, { driver, file: options.file });
  try {
    await migrateToLatest(db, options.beforeMigrating);
    // SQLite-only: refresh the planner's statistics where they have drifted (cheap when nothing
    // changed), so list and search plans follow the real data.
    await sql`pragma optimize=0x10002`.execute(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

export async function migrateToLatest(
  db: Kysely<DB>,
  beforeMigrating?: (pending: readonly string[]) => Promise<void>,
): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  if (beforeMigrating !== undefined) {
    const known = await migrator.getMigrations();
    const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
    // A brand-new file has nothing to lose; one with data gets its safety copy first.
    if (pending.length > 0 && pending.length < known.length) await beforeMigrating(pending);
  }
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error !== undefined || failed !== undefined) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${name} failed: ${String(error)}`, { cause: error });
  }
}

/** The file of an embedded database opened by openDatabase, or null (e.g. a transaction). */
export function databaseFileOf(db: Database): string | null {
  return embedded.get(db)?.file ?? null;
}

/**
 * Runs `fn` with the raw sqlite3 handle of a database opened by openDatabase, holding its one
 * connection so no query interleaves (single writer). Not from inside one of its transactions.
 */
export function withRawSqlite<T>(db: Database, fn: (raw: RawSqlite) => Promise<T>): Promise<T> {
  const found = embedded.get(db);
  if (found === undefined) {
    return Promise.reject(new Error('withRawSqlite: not an embedded database opened here'));
  }
  return found.driver.withRawConnection(fn);
}
