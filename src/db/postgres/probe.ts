import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import {
  MIN_SERVER_VERSION,
  type ConnectionProblem,
  type ServerSchema,
} from '../../settings/database.schema';
import { migrations } from '../migrations';
import { unknownMigrations } from '../database';
import type { DB } from '../tables';
import { poolConfig, type PostgresConnection } from './pg-connection';
import {
  classifyConnectionError,
  formatServerVersion,
  type ProbeMessage,
  type ProbeTarget,
} from './probe-errors';
import {
  appliedMigrations,
  canCreateExtensions,
  canCreateTables,
  canUseAllTables,
  databaseCtype,
  databaseEncoding,
  extensionStates,
  holdsRecords,
  ownsAppTables,
  serverVersionNum,
  tablesInSchema,
} from './probe.repository';

/** What a connection test found (ConnectionReport before its message is put in words). */
export interface ServerProbe {
  readonly problem: ConnectionProblem | null;
  readonly message: ProbeMessage;
  /** e.g. "15.18"; null when the server was not reached. */
  readonly serverVersion: string | null;
  readonly schema: ServerSchema | null;
  readonly hasRecords: boolean | null;
  /** Advice that does not stop the switch (e.g. a locale that slows Chinese search). */
  readonly notice?: ProbeMessage;
}

export interface ProbeOptions {
  /** How long to wait for the connection and for each question (default 5 s). */
  readonly timeoutMs?: number;
}

export const PROBE_TIMEOUT_MS = 5_000;

/** Migration 0010 creates these; PostgreSQL ships them in its contrib package. */
const EXTENSIONS = ['pg_trgm', 'btree_gist'] as const;

/**
 * Tests a server connection the way switching to it would use it, without changing anything:
 * connects (short timeout), then checks the version, what the database holds and whether the
 * user may create or upgrade the app's schema there. Never throws: every failure is a problem
 * with its explanation.
 */
export async function probeServer(
  connection: PostgresConnection,
  options: ProbeOptions = {},
): Promise<ServerProbe> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  const pool = new pg.Pool({
    ...poolConfig(connection, 1),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    application_name: 'mediation-desk-test',
    options: `-c statement_timeout=${timeoutMs}`,
  });
  // A server that drops the idle connection must not take the process down with it.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  let serverVersion: string | null = null;
  try {
    const num = await serverVersionNum(db);
    serverVersion = formatServerVersion(num);
    return await inspect(db, connection, num, serverVersion);
  } catch (error) {
    const { problem, message } = classifyConnectionError(error, connection);
    return { problem, message, serverVersion, schema: null, hasRecords: null };
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

async function inspect(
  db: Kysely<DB>,
  target: ProbeTarget,
  num: number,
  serverVersion: string,
): Promise<ServerProbe> {
  const refuse = (
    problem: ConnectionProblem,
    key: string,
    params: Readonly<Record<string, string | number>>,
    schema: ServerSchema | null = null,
  ): ServerProbe => ({
    problem,
    message: { key, params },
    serverVersion,
    schema,
    hasRecords: null,
  });
  const { user, database } = target;
  const versionProblem = serverVersionProblem(num);
  if (versionProblem !== null) return { ...versionProblem, serverVersion };

  const unknown = await unknownMigrations(db);
  if (unknown.length > 0) {
    return refuse(
      'schemaNewer',
      'error.database.schemaNewer',
      { migrations: unknown.join(', ') },
      'newer',
    );
  }
  const encoding = await databaseEncoding(db);
  if (encoding !== 'UTF8') {
    return refuse('unknown', 'error.database.encoding', { database, encoding });
  }

  const applied = await appliedMigrations(db);
  const schema = schemaOf(applied);
  if (schema === 'empty') {
    // Beyond Kysely's two bookkeeping tables (left by a first migration that failed).
    if ((await tablesInSchema(db)) > (applied === null ? 0 : 2)) {
      return refuse('unknown', 'error.database.foreignTables', { database }, schema);
    }
    if (!(await canCreateTables(db))) {
      return refuse('permission', 'error.database.permission.schema', { user, database }, schema);
    }
  } else {
    if (schema === 'older' && !(await ownsAppTables(db))) {
      return refuse('permission', 'error.database.permission.migrate', { user, database }, schema);
    }
    if (!(await canUseAllTables(db))) {
      return refuse('permission', 'error.database.permission.tables', { user, database }, schema);
    }
  }
  const extensions = (await extensionStates(db, EXTENSIONS)).filter((e) => !e.installed);
  const unavailable = extensions.filter((e) => !e.available).map((e) => e.name);
  if (unavailable.length > 0) {
    const names = unavailable.join(', ');
    return refuse(
      'permission',
      'error.database.permission.extensionMissing',
      { extensions: names },
      schema,
    );
  }
  if (extensions.length > 0 && !(await canCreateExtensions(db))) {
    return refuse('permission', 'error.database.permission.extension', { user, database }, schema);
  }

  const hasRecords = schema === 'empty' ? false : await holdsRecords(db);
  const key = `error.database.connected.${schema}${hasRecords ? 'WithRecords' : ''}`;
  // pg_trgm finds words by the database's LC_CTYPE: under C or POSIX no Chinese character is a
  // letter, so Chinese searches still find the same cases but read the whole index.
  const ctype = await databaseCtype(db);
  const notice: ProbeMessage | undefined = /^(C|POSIX)$/i.test(ctype)
    ? { key: 'error.database.ctypeSlowSearch', params: { database, ctype } }
    : undefined;
  return {
    problem: null,
    message: { key, params: { version: serverVersion, database } },
    serverVersion,
    schema,
    hasRecords,
    ...(notice === undefined ? {} : { notice }),
  };
}

/** Older than MIN_SERVER_VERSION: refused before anything else is asked. */
export function serverVersionProblem(
  num: number,
): Pick<ServerProbe, 'problem' | 'message' | 'schema' | 'hasRecords'> | null {
  if (num >= MIN_SERVER_VERSION) return null;
  return {
    problem: 'serverTooOld',
    message: {
      key: 'error.database.serverTooOld',
      params: {
        version: formatServerVersion(num),
        minimum: formatServerVersion(MIN_SERVER_VERSION).replace(/\.0$/, ''),
      },
    },
    schema: null,
    hasRecords: null,
  };
}

function schemaOf(applied: readonly string[] | null): ServerSchema {
  if (applied === null || applied.length === 0) return 'empty';
  const all = Object.keys(migrations);
  return all.every((name) => applied.includes(name)) ? 'current' : 'older';
}
