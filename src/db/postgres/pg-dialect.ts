import { CompiledQuery, PostgresDialect, PostgresDriver, type Dialect } from 'kysely';
import type { DatabaseConnection, TransactionSettings } from 'kysely';
import pg from 'pg';
import { poolConfig, type PostgresConnection } from './pg-connection';

/**
 * The key of the advisory lock every write transaction takes first. It makes PostgreSQL's writes
 * as single-file as SQLite's `BEGIN IMMEDIATE`: case numbers stay gap-free, the audit chain
 * stays one line, and a check-then-write (a booking's conflict check) sees every earlier
 * commit. Reads never take it. The database enforces double booking on its own as well
 * (migration 0010's exclusion constraint).
 */
export const WRITE_LOCK_KEY = 0x4d44_0001;

/** Integers as numbers: counts (int8) and sums (numeric) would otherwise arrive as strings. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC) {
      return (value: string) => Number(value);
    }
    return format === undefined
      ? pg.types.getTypeParser(oid)
      : pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser,
};

class SingleWriterPostgresDriver extends PostgresDriver {
  override async beginTransaction(
    connection: DatabaseConnection,
    settings: TransactionSettings,
  ): Promise<void> {
    await super.beginTransaction(connection, settings);
    await connection.executeQuery(
      CompiledQuery.raw('select pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]),
    );
  }
}

export interface PostgresDialectHandle {
  readonly dialect: Dialect;
  readonly pool: pg.Pool;
}

export function createPostgresDialect(
  connection: PostgresConnection,
  onPoolError: (error: Error) => void = () => undefined,
): PostgresDialectHandle {
  const pool = new pg.Pool({ ...poolConfig(connection), types });
  // An idle client that loses its server emits here; without a listener the process would exit.
  pool.on('error', onPoolError);
  const config = { pool };
  const base = new PostgresDialect(config);
  return {
    pool,
    dialect: {
      createAdapter: () => base.createAdapter(),
      createDriver: () => new SingleWriterPostgresDriver(config),
      createIntrospector: (db) => base.createIntrospector(db),
      createQueryCompiler: () => base.createQueryCompiler(),
    },
  };
}
