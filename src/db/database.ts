import { CamelCasePlugin, sql, Kysely, SqliteAdapter, type Dialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import type { Database as RawSqlite } from 'sqlite3';
import { migrations } from './migrations';
import type { PostgresConnection } from './postgres/pg-connection';
import { createPostgresDialect } from './postgres/pg-dialect';
import { createSqlite3Dialect } from './sqlite/sqlite3-dialect';
import { Sqlite3Driver } from './sqlite/sqlite3-driver';
import type { DB } from './tables';

export type Database = Kysely<DB>;

/** Where the data lives: this computer's file, or the center's PostgreSQL server. */
export type DatabaseTarget =
  | { readonly engine: 'sqlite'; readonly file: string }
  | { readonly engine: 'postgres'; readonly connection: PostgresConnection };

export interface OpenDatabaseOptions {
  /** The embedded file; ignored when `postgres` is given. */
  readonly file: string;
  /** The center's server instead of the file. */
  readonly postgres?: PostgresConnection;
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

/** The schema in the database has migrations this version of the app does not know. */
export class SchemaNewerError extends Error {
  constructor(readonly unknown: readonly string[]) {
    super(
      `数据库已被更新版本的调解台升级（本版本不认识的迁移：${unknown.join('、')}）。` +
        '请在本机安装新版本；本版本不会改动该数据库。\n' +
        `The database was upgraded by a newer Mediation Desk (migrations this version does not know: ${unknown.join(', ')}). ` +
        'Install the newer version on this computer; this one will not change that database.',
    );
    this.name = 'SchemaNewerError';
  }
}

/**
 * Opens the database and migrates it. Embedded: WAL, foreign keys, synchronous=FULL, busy
 * timeout. PostgreSQL: a pool whose write transactions take the single-writer lock.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.postgres !== undefined) {
    const { dialect } = createPostgresDialect(options.postgres);
    const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
    try {
      await migrateToLatest(db, options.beforeMigrating);
    } catch (error) {
      await db.destroy();
      throw error;
    }
    return db;
  }
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
    // Refresh the planner's statistics where they have drifted (cheap when nothing
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
  const unknown = await unknownMigrations(db);
  if (unknown.length > 0) throw new SchemaNewerError(unknown);
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

/** Migrations recorded in the database that this build does not carry (a newer app ran). */
export async function unknownMigrations(db: Kysely<DB>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((t) => t.name === 'kysely_migration')) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return rows.map((r) => r.name).filter((name) => !(name in migrations));
}

export function isEmbedded(db: Kysely<DB>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
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
