import { SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { Dialect } from 'kysely';
import { Sqlite3Driver } from './sqlite3-driver';

export interface Sqlite3DialectOptions {
  /** Path of the database file; created if missing unless `readonly`. */
  readonly filename: string;
  /** Wait for other processes' locks this long before SQLITE_BUSY. Default 5000. */
  readonly busyTimeoutMs?: number;
  /** Open read-only (journal mode is then left as stored in the file). */
  readonly readonly?: boolean;
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Kysely dialect for the `sqlite3` package. Kysely only ships a dialect for
 * better-sqlite3, whose API is synchronous; only the driver differs, so the
 * adapter, compiler and introspector are Kysely's SQLite ones.
 */
export function createSqlite3Dialect(options: Sqlite3DialectOptions): Dialect {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  // sqlite3's configure() takes a 32-bit int; catch bad values before open.
  if (!Number.isInteger(busyTimeoutMs) || busyTimeoutMs < 0 || busyTimeoutMs > 2 ** 31 - 1) {
    throw new RangeError(`busyTimeoutMs must be a non-negative integer, got ${busyTimeoutMs}`);
  }
  const driverOptions = {
    filename: options.filename,
    busyTimeoutMs,
    readonly: options.readonly ?? false,
  };
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new Sqlite3Driver(driverOptions),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}
