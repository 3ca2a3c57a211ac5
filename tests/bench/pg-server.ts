import pg from 'pg';
import { openDatabase } from '../../src/db/database';
import { parsePostgresUrl, type PostgresConnection } from '../../src/db/postgres/pg-connection';
import { startPgCluster, withPgClient as admin, type PgCluster } from '../harness/pg-cluster';
import { timed } from './measure';
import { copySqliteToPostgres } from './pg-load';

/**
 * The PostgreSQL side of the benchmark: a database on MD_BENCH_PG_URL (created for the run,
 * dropped after it) or on a throwaway cluster the run starts (tests/harness/pg-cluster.ts:
 * local, fsync off, default memory settings), migrated by the app's own migrations and filled
 * with a copy of the SQLite file.
 */
export interface BenchServer {
  readonly connection: PostgresConnection;
  /** Rows per table, as copied. */
  readonly counts: Readonly<Record<string, number>>;
  close(): Promise<void>;
}

export async function benchServer(sqliteFile: string, url: string | null): Promise<BenchServer> {
  let cluster: PgCluster | null = null;
  if (url === null) {
    const started = await timed('start a PostgreSQL cluster', () => startPgCluster());
    cluster = started;
    // A run that dies (an exception, Ctrl+C, a closed pipe) must not leave the server running:
    // stop() is synchronous, so it can run on the way out; a second stop() does nothing.
    process.once('exit', () => started.stop());
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => process.exit(130));
    }
  }
  const serverUrl = cluster?.url ?? (url as string);
  const name = `md_bench_${process.pid}_${Date.now().toString(36)}`;
  const connection = { ...parsePostgresUrl(serverUrl), database: name };
  const drop = async () => {
    try {
      if (cluster === null) {
        await admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
      }
    } finally {
      cluster?.stop();
    }
  };
  try {
    await admin(serverUrl, (c) => c.query(`create database ${name}`));
    await (await openDatabase({ file: '', postgres: connection })).destroy(); // migrated
    const client = new pg.Client({ ...connection, password: connection.password || undefined });
    await client.connect();
    const counts = await timed('copy the SQLite data into PostgreSQL', async () => {
      try {
        return await copySqliteToPostgres(sqliteFile, client);
      } finally {
        await client.end();
      }
    });
    const version = await admin(serverUrl, async (c) => {
      const { rows } = await c.query<{ v: string }>(
        `select current_setting('server_version') as v`,
      );
      return rows[0]?.v ?? '?';
    });
    console.log(`  PostgreSQL ${version}, database ${name}: ${JSON.stringify(counts)}`);
    return { connection, counts, close: drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
