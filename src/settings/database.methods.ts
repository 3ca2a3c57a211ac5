import { defineMethod, type HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import type { DatabaseChoice, DatabaseSwitchboard } from '../app/database-choice';
import { CopyRefusedError, copyEmbeddedToServer } from '../db/copy/copy-to-server';
import { isEmbedded, SchemaNewerError, type Database } from '../db/database';
import type { PostgresConnection } from '../db/postgres/pg-connection';
import { probeServer, type ServerProbe } from '../db/postgres/probe';
import { classifyConnectionError, formatServerVersion } from '../db/postgres/probe-errors';
import { serverVersionNum } from '../db/postgres/probe.repository';
import { messageText, type Locale } from '../shared/messages';
import { z } from '../shared/zod-messages';
import {
  databaseSwitchInput,
  databaseTestInput,
  type ConnectionProblem,
  type ConnectionReport,
  type DatabaseStatus,
  type SwitchResult,
} from './database.schema';

/** The core's switch; a host without one (none ships so) cannot change databases. */
function switchboardOf(ctx: HandlerContext): DatabaseSwitchboard {
  if (ctx.database === null) throw new AppError('FORBIDDEN', 'error.database.noSwitch');
  return ctx.database;
}

const sameServer = (a: PostgresConnection, b: PostgresConnection) =>
  a.host.toLowerCase() === b.host.toLowerCase() && a.port === b.port;

/**
 * The connection as typed, with the password in use now when the field was left empty for the
 * same server, database and user (the form never receives the stored password).
 */
function withKnownPassword(typed: PostgresConnection, current: DatabaseChoice): PostgresConnection {
  if (typed.password !== '' || current.engine !== 'postgres') return typed;
  const now = current.connection;
  const same = sameServer(now, typed) && now.database === typed.database && now.user === typed.user;
  return same ? { ...typed, password: now.password } : typed;
}

function reportOf(probe: ServerProbe, locale: Locale): ConnectionReport {
  return {
    ok: probe.problem === null,
    problem: probe.problem,
    message: [probe.message, probe.notice]
      .filter((m) => m !== undefined)
      .map((m) => messageText(m.key, locale, m.params))
      .join(' '),
    serverVersion: probe.serverVersion,
    schema: probe.schema,
    hasRecords: probe.hasRecords,
  };
}

/** The form field a failed test points at. */
const PROBLEM_FIELDS: Readonly<Record<ConnectionProblem, string>> = {
  unreachable: 'connection.host',
  timeout: 'connection.host',
  tls: 'connection.tls',
  authentication: 'connection.password',
  databaseMissing: 'connection.database',
  permission: 'connection.user',
  serverTooOld: 'connection.host',
  schemaNewer: 'connection.database',
  unknown: 'connection.host',
};

/** A server that failed its test: VALIDATION at the field concerned, with the test's words. */
function refused(probe: Pick<ServerProbe, 'problem' | 'message'>, locale: Locale): AppError {
  const problem = probe.problem ?? 'unknown';
  const field =
    probe.message.key === 'error.database.authentication.refused'
      ? 'connection.user'
      : PROBLEM_FIELDS[problem];
  // Already in the caller's language (placeholders filled): field texts take no parameters.
  const text = messageText(probe.message.key, locale, probe.message.params);
  return new AppError('VALIDATION', 'error.database.switchRefused', { [field]: text });
}

/** What the audit log keeps of a choice: where, never the password. */
function auditView(choice: DatabaseChoice, file: string) {
  if (choice.engine === 'sqlite') return { engine: 'sqlite', file };
  const { host, port, database, user, tls } = choice.connection;
  return { engine: 'postgres', host, port, database, user, tls };
}

/**
 * Records the switch in the database in use now and moves the core onto `db` once that is
 * committed. `db` is destroyed if anything before fails.
 */
async function switchTo(
  ctx: HandlerContext,
  board: DatabaseSwitchboard,
  next: DatabaseChoice,
  db: Database,
  work: () => Promise<Record<string, number> | null>,
): Promise<SwitchResult> {
  try {
    const copied = await work();
    await ctx.audit({
      entity: 'database',
      entityId: null,
      before: auditView(board.current(), board.embeddedFile),
      after: { ...auditView(next, board.embeddedFile), copied },
    });
    ctx.afterCommit(() => board.adopt(next, db));
    return { engine: next.engine, copied };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (!(error instanceof CopyRefusedError)) throw error;
    if (error.key.startsWith('validation.')) throw fieldError('copyLocalData', error.key);
    if (error.key === 'error.database.localChainBroken') {
      const text = messageText(error.key, ctx.session.locale, error.params);
      throw new AppError('VALIDATION', 'error.database.switchRefused', { copyLocalData: text });
    }
    throw new AppError('INTERNAL', error.key, undefined, error.params);
  }
}

/** Opens (and migrates) the server; a connection that fails now reads like a failed test. */
async function openServer(
  ctx: HandlerContext,
  board: DatabaseSwitchboard,
  next: DatabaseChoice & { engine: 'postgres' },
): Promise<Database> {
  try {
    return await board.open(next);
  } catch (error) {
    if (error instanceof SchemaNewerError) throw schemaNewer(ctx, error, 'connection.database');
    const failure = classifyConnectionError(error, next.connection);
    if (failure.problem === 'unknown') throw error;
    throw refused(failure, ctx.session.locale);
  }
}

/** Opens (and migrates) this computer's file; one a newer app has upgraded is refused. */
async function openEmbedded(ctx: HandlerContext, board: DatabaseSwitchboard): Promise<Database> {
  try {
    return await board.open({ engine: 'sqlite' });
  } catch (error) {
    if (error instanceof SchemaNewerError) throw schemaNewer(ctx, error, 'engine');
    throw error;
  }
}

function schemaNewer(ctx: HandlerContext, error: SchemaNewerError, field: string): AppError {
  const params = { migrations: error.unknown.join(', ') };
  const text = messageText('error.database.schemaNewer', ctx.session.locale, params);
  return new AppError('VALIDATION', 'error.database.switchRefused', { [field]: text });
}

/** Settings → Database (admin): this computer's file or the center's PostgreSQL server. */
export const databaseMethods = {
  'database/status': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'The database in use: this computer’s file or the center server (no password)',
    handler: async (ctx): Promise<DatabaseStatus> => {
      const board = switchboardOf(ctx);
      const choice = board.current();
      if (choice.engine === 'sqlite') {
        return {
          engine: 'sqlite',
          file: board.embeddedFile,
          server: null,
          serverVersion: null,
          canKeepPasswords: board.canKeepPasswords,
        };
      }
      const { host, port, database, user, tls, password } = choice.connection;
      return {
        engine: 'postgres',
        file: board.embeddedFile,
        server: { host, port, database, user, tls, hasPassword: password !== '' },
        // Where the workstation is connected shows even while the server does not answer.
        serverVersion: await serverVersionNum(ctx.db).then(formatServerVersion, () => null),
        canKeepPasswords: board.canKeepPasswords,
      };
    },
  }),

  'database/test': defineMethod({
    input: databaseTestInput,
    access: ['admin'],
    write: false,
    summary: 'Test a server connection: reachable, signed in, version, schema, records',
    handler: async (ctx, input): Promise<ConnectionReport> => {
      const current = ctx.database?.current() ?? { engine: 'sqlite' };
      const probe = await probeServer(withKnownPassword(input.connection, current));
      return reportOf(probe, ctx.session.locale);
    },
  }),

  /**
   * Moves this workstation to another database: the embedded file, or a server that passes the
   * connection test (optionally copying this computer's records into it first, when it holds
   * none). Audited in the database being left; every window signs in again afterwards.
   */
  'database/switch': defineMethod({
    input: databaseSwitchInput,
    access: ['admin'],
    write: true,
    summary: 'Switch to this computer’s file or to the center server, optionally copying records',
    handler: async (ctx, input): Promise<SwitchResult> => {
      const board = switchboardOf(ctx);
      const current = board.current();
      if (input.engine === 'sqlite') {
        if (current.engine === 'sqlite')
          throw fieldError('engine', 'validation.database.alreadyInUse');
        const next: DatabaseChoice = { engine: 'sqlite' };
        return switchTo(ctx, board, next, await openEmbedded(ctx, board), () =>
          Promise.resolve(null),
        );
      }
      const connection = withKnownPassword(input.connection, current);
      // The same database again would wait on the write lock this very call holds there.
      if (
        current.engine === 'postgres' &&
        sameServer(current.connection, connection) &&
        current.connection.database === connection.database
      ) {
        throw fieldError('connection.database', 'validation.database.alreadyInUse');
      }
      if (input.copyLocalData && (current.engine !== 'sqlite' || !isEmbedded(ctx.db))) {
        throw fieldError('copyLocalData', 'validation.database.copyNeedsEmbedded');
      }
      const probe = await probeServer(connection);
      if (probe.problem !== null) throw refused(probe, ctx.session.locale);
      if (input.copyLocalData && probe.hasRecords === true) {
        throw fieldError('copyLocalData', 'validation.database.serverHasRecords');
      }
      const next = { engine: 'postgres', connection } as const;
      const db = await openServer(ctx, board, next);
      return switchTo(ctx, board, next, db, () =>
        input.copyLocalData ? copyEmbeddedToServer(ctx.db, db) : Promise.resolve(null),
      );
    },
  }),
};
