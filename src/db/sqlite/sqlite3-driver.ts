import sqlite3 from 'sqlite3';
import type { Database, RunResult, Statement } from 'sqlite3';
import {
  CompiledQuery,
  DeleteQueryNode,
  IdentifierNode,
  InsertQueryNode,
  RawNode,
  SelectQueryNode,
  UpdateQueryNode,
  createQueryId,
} from 'kysely';
import type { DatabaseConnection, Driver, QueryCompiler, QueryResult } from 'kysely';
import { Mutex } from './mutex';

export interface Sqlite3DriverOptions {
  /** Path of the database file (created unless `readonly`). */
  readonly filename: string;
  /** How long a statement waits for another process's lock before SQLITE_BUSY. */
  readonly busyTimeoutMs: number;
  readonly readonly: boolean;
}

/**
 * Kysely driver for the callback-based `sqlite3` package.
 *
 * One connection per driver (i.e. per Kysely instance), handed out to one
 * holder at a time: SQLite connections carry transaction state, so two holders
 * sharing it would see each other's uncommitted work and interleave BEGINs.
 */
export class Sqlite3Driver implements Driver {
  readonly #options: Sqlite3DriverOptions;
  readonly #mutex = new Mutex();
  #opening: Promise<Database> | undefined;
  #connection: Sqlite3Connection | undefined;
  #closed: Promise<void> | undefined;

  constructor(options: Sqlite3DriverOptions) {
    this.#options = { ...options };
  }

  async init(): Promise<void> {
    // Memoised so concurrent calls share one handle; reset on failure so a
    // later init() can retry (Kysely retries init after a failed first use).
    this.#opening ??= this.#open().catch((error: unknown) => {
      this.#opening = undefined;
      throw error;
    });
    const db = await this.#opening;
    this.#connection ??= new Sqlite3Connection(db);
  }

  async #open(): Promise<Database> {
    const { filename, readonly } = this.#options;
    const db = await openDatabase(filename, readonly);
    try {
      await applySettings(db, this.#options);
    } catch (error) {
      // Do not leak an open handle when the file is unusable (e.g. not a database).
      await closeDatabase(db).catch(() => undefined);
      throw withCode(`Cannot initialise SQLite database "${filename}"`, error);
    }
    return db;
  }

  /**
   * Runs `fn` with the sqlite3 handle itself, holding the one connection exactly as a query
   * would, so nothing else runs on it meanwhile: for what Kysely cannot express (the online
   * backup API). `fn` must leave no transaction open. Never call it from inside a transaction
   * of this driver: the connection is already held there, and the call would wait forever.
   */
  async withRawConnection<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (this.#closed) throw new Error('sqlite3 driver: the database is not open (destroyed)');
    await this.init();
    const db = await this.#opening;
    await this.#mutex.lock();
    try {
      if (db === undefined || this.#closed) {
        throw new Error('sqlite3 driver: the database is not open (destroyed)');
      }
      return await fn(db);
    } finally {
      this.#mutex.unlock();
    }
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.#mutex.lock();
    if (!this.#connection || this.#closed) {
      this.#mutex.unlock();
      throw new Error('sqlite3 driver: the database is not open (init() not called or destroyed)');
    }
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#mutex.unlock();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // IMMEDIATE takes the write lock at BEGIN, where the busy timeout applies.
    // With a DEFERRED begin, two processes can both read, then both try to
    // write: the loser gets SQLITE_BUSY at its first write without the busy
    // timeout helping (its read snapshot is stale, or waiting would deadlock),
    // which breaks "read then write" transactions such as numbering.
    // Isolation level / access mode settings have no SQLite equivalent and are
    // ignored, as Kysely's own SqliteDriver does.
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(
      compileQuery(savepointCommand('savepoint', savepointName), createQueryId()),
    );
  }

  async rollbackToSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(
      compileQuery(savepointCommand('rollback to', savepointName), createQueryId()),
    );
  }

  async releaseSavepoint(
    connection: DatabaseConnection,
    savepointName: string,
    compileQuery: QueryCompiler['compileQuery'],
  ): Promise<void> {
    await connection.executeQuery(
      compileQuery(savepointCommand('release', savepointName), createQueryId()),
    );
  }

  async destroy(): Promise<void> {
    // Memoised so a second destroy() neither closes twice (sqlite3 reports
    // SQLITE_MISUSE for that) nor resolves before the first close finished.
    this.#closed ??= this.#close();
    await this.#closed;
  }

  async #close(): Promise<void> {
    // An init() still in flight would otherwise open a handle nobody closes.
    const db = await this.#opening?.catch(() => undefined);
    if (db) await closeDatabase(db);
  }
}

/** Same node shape as Kysely's internal `parseSavepointCommand` (not exported). */
function savepointCommand(command: string, savepointName: string): RawNode {
  return RawNode.createWithChildren([
    RawNode.createWithSql(`${command} `),
    IdentifierNode.create(savepointName), // quoted by the compiler, so names are safe
  ]);
}

class Sqlite3Connection implements DatabaseConnection {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const { sql } = compiledQuery;
    const params = compiledQuery.parameters.map(toSqliteParameter);
    const plan = planQuery(compiledQuery);

    if (plan.kind === 'read') {
      return { rows: await allRows<R>(this.#db, sql, params) };
    }
    if (plan.kind === 'write') {
      // `run` reports changes/lastID itself, saving the follow-up query.
      const { changes, lastID } = await runStatement(this.#db, sql, params);
      return writeResult<R>([], changes, lastID, plan.isInsert);
    }
    // Write with RETURNING: only `all` collects the rows (`run` steps once), and
    // `all` does not report counts, so ask SQLite right after. Nothing else can
    // run on this connection in between: the caller holds the driver mutex.
    const rows = await allRows<R>(this.#db, sql, params);
    const [counts] = await allRows<{ changes: number; lastId: number }>(
      this.#db,
      'select changes() as changes, last_insert_rowid() as lastId',
      [],
    );
    return writeResult(rows, counts?.changes ?? 0, counts?.lastId ?? 0, plan.isInsert);
  }

  async *streamQuery<R>(
    compiledQuery: CompiledQuery,
    chunkSize: number,
  ): AsyncIterableIterator<QueryResult<R>> {
    if (!SelectQueryNode.is(compiledQuery.query)) {
      throw new Error('sqlite3 driver: only select queries can be streamed');
    }
    if (!Number.isInteger(chunkSize) || chunkSize < 1) {
      throw new RangeError(
        `sqlite3 driver: chunkSize must be a positive integer, got ${chunkSize}`,
      );
    }
    const params = compiledQuery.parameters.map(toSqliteParameter);
    const statement = await prepareStatement(this.#db, compiledQuery.sql, params);
    try {
      // Statement#get steps the prepared statement one row per call, so memory
      // stays bounded by chunkSize instead of buffering the whole result.
      for (;;) {
        const rows: R[] = [];
        while (rows.length < chunkSize) {
          const row = await nextRow<R>(statement);
          if (row === undefined) break;
          rows.push(row);
        }
        if (rows.length > 0) yield { rows };
        if (rows.length < chunkSize) return;
      }
    } finally {
      // Also runs when the consumer stops early; an unfinalized statement would
      // keep the read snapshot open and make close() fail.
      await finalizeStatement(statement);
    }
  }
}

function writeResult<R>(
  rows: R[],
  changes: number,
  lastId: number,
  isInsert: boolean,
): QueryResult<R> {
  return {
    rows,
    numAffectedRows: BigInt(changes),
    // last_insert_rowid() is stale when nothing was inserted (e.g. INSERT OR
    // IGNORE hit a conflict), so report no id rather than somebody else's.
    insertId: isInsert && changes > 0 ? BigInt(lastId) : undefined,
  };
}

// ---------------------------------------------------------------------------
// Choosing between `all` and `run`.
//
// sqlite3 exposes neither sqlite3_stmt_readonly nor the column count, so the
// driver decides from the Kysely node kind, and for raw SQL from its leading
// keyword. `run` steps a statement only once, which would drop rows of a
// SELECT or RETURNING, and `all` reports no change counts.

type QueryPlan =
  | { readonly kind: 'read' }
  | { readonly kind: 'write' | 'write-returning'; readonly isInsert: boolean };

const READ: QueryPlan = { kind: 'read' };

function planQuery({ query, sql }: CompiledQuery): QueryPlan {
  if (SelectQueryNode.is(query)) return READ;
  if (InsertQueryNode.is(query)) return writePlan(query.returning !== undefined, true);
  if (UpdateQueryNode.is(query) || DeleteQueryNode.is(query)) {
    return writePlan(query.returning !== undefined, false);
  }
  if (RawNode.is(query)) return planRawSql(sql);
  // Schema statements (create table, ...): `all` runs them and returns [].
  return READ;
}

function writePlan(returning: boolean, isInsert: boolean): QueryPlan {
  return { kind: returning ? 'write-returning' : 'write', isInsert };
}

// Whitespace, comments, string literals and quoted identifiers are matched as
// whole tokens so keywords inside them are never mistaken for SQL keywords.
const TOKEN =
  /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:''|[^'])*'?|"(?:""|[^"])*"?|`(?:``|[^`])*`?|\[[^\]]*\]?|[?:@$][\w$]*|[A-Za-z_\u0080-\uFFFF][\w$\u0080-\uFFFF]*|[\s\S]/gy;
const MAIN_KEYWORDS = new Set(['select', 'values', 'insert', 'replace', 'update', 'delete']);

/** Exported for tests only. */
export function planRawSql(sql: string): QueryPlan {
  const words: string[] = [];
  let depth = 0;
  let main: string | undefined;
  let returning = false;
  let ended = false;
  for (const [token] of sql.matchAll(TOKEN)) {
    if (/^\s/.test(token) || token.startsWith('--') || token.startsWith('/*')) continue;
    if (ended) {
      // sqlite3 prepares only the first statement and silently ignores the
      // rest. Trigger bodies legitimately contain ';', so they are exempt.
      if (!isCreateTrigger(words)) {
        throw new Error(
          'sqlite3 driver: the SQL contains more than one statement; sqlite3 would silently ' +
            'run only the first. Execute each statement separately.',
        );
      }
      break;
    }
    if (token === '(') depth += 1;
    else if (token === ')') depth -= 1;
    else if (token === ';' && depth <= 0) ended = true;
    else if (depth === 0 && /^[A-Za-z]/.test(token)) {
      const word = token.toLowerCase();
      if (words.length < 3) words.push(word);
      if (main === undefined) {
        // The first word names the statement, except WITH: then it is the first
        // main keyword outside the (parenthesised) CTE bodies.
        if (words[0] !== 'with') main = word;
        else if (MAIN_KEYWORDS.has(word)) main = word;
      }
      if (word === 'returning') returning = true;
    }
  }
  if (main === 'insert' || main === 'replace') return writePlan(returning, true);
  if (main === 'update' || main === 'delete') return writePlan(returning, false);
  return READ;
}

function isCreateTrigger(words: readonly string[]): boolean {
  return (
    words[0] === 'create' &&
    (words[1] === 'trigger' ||
      ((words[1] === 'temp' || words[1] === 'temporary') && words[2] === 'trigger'))
  );
}

// ---------------------------------------------------------------------------
// Parameters.

type SqliteParameter = string | number | boolean | null | Buffer;

/**
 * sqlite3 silently binds unsupported values as NULL (bigint, undefined) or as
 * text (plain objects become '[object Object]'), and binds Dates as REAL
 * milliseconds. Reject or convert those here so mistakes surface.
 */
function toSqliteParameter(value: unknown, index: number): SqliteParameter {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') {
    if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
      return Number(value);
    }
    throw new RangeError(
      `sqlite3 driver: parameter ${index + 1} (${value}n) is outside the safe integer range; sqlite3 cannot bind it exactly`,
    );
  }
  if (Buffer.isBuffer(value)) return value;
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.length);
  const kind = value instanceof Date ? 'a Date' : value === undefined ? 'undefined' : typeof value;
  throw new TypeError(
    `sqlite3 driver: parameter ${index + 1} is ${kind}; bind a string, number, boolean, null, bigint or Buffer`,
  );
}

// ---------------------------------------------------------------------------
// Promisified sqlite3 calls. Errors are sqlite3's own Error objects, which carry
// `code` (e.g. 'SQLITE_CONSTRAINT') and `errno`; they are passed through as is.

function openDatabase(filename: string, readonly: boolean): Promise<Database> {
  const mode = readonly
    ? sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX
    : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX;
  return new Promise((resolve, reject) => {
    const db: Database = new sqlite3.Database(filename, mode, (error) => {
      if (error) reject(withCode(`Cannot open SQLite database "${filename}"`, error));
      else resolve(db);
    });
  });
}

async function applySettings(db: Database, options: Sqlite3DriverOptions): Promise<void> {
  const { busyTimeoutMs, filename, readonly } = options;
  // Set first: switching to WAL needs a lock another process may hold. The
  // pragma and configure() set the same sqlite3_busy_timeout; the pragma keeps
  // it visible to `pragma busy_timeout`.
  db.configure('busyTimeout', busyTimeoutMs);
  await allRows(db, `pragma busy_timeout = ${busyTimeoutMs}`, []);
  // The journal mode is stored in the file; a read-only connection cannot set it.
  if (!readonly) {
    const [row] = await allRows<{ journal_mode: string }>(db, 'pragma journal_mode = wal', []);
    const mode = row?.journal_mode;
    const inMemory = filename === '' || filename === ':memory:';
    if (mode !== 'wal' && !inMemory) {
      throw new Error(`journal_mode=WAL was not applied (SQLite kept "${String(mode)}")`);
    }
  }
  await allRows(db, 'pragma foreign_keys = on', []);
  await allRows(db, 'pragma synchronous = full', []);
}

function allRows<R>(db: Database, sql: string, params: readonly SqliteParameter[]): Promise<R[]> {
  return new Promise((resolve, reject) => {
    db.all<R>(sql, params, (error, rows) => {
      if (error) reject(error);
      else resolve(rows);
    });
  });
}

function runStatement(
  db: Database,
  sql: string,
  params: readonly SqliteParameter[],
): Promise<{ changes: number; lastID: number }> {
  return new Promise((resolve, reject) => {
    db.run(sql, params, function (this: RunResult, error: Error | null) {
      if (error) reject(error);
      else resolve({ changes: this.changes, lastID: this.lastID });
    });
  });
}

function prepareStatement(
  db: Database,
  sql: string,
  params: readonly SqliteParameter[],
): Promise<Statement> {
  return new Promise((resolve, reject) => {
    const statement = db.prepare(sql, params, (error: Error | null) => {
      if (error) reject(error);
      else resolve(statement);
    });
  });
}

function nextRow<R>(statement: Statement): Promise<R | undefined> {
  return new Promise((resolve, reject) => {
    statement.get<R>((error, row) => {
      if (error) reject(error);
      else resolve(row);
    });
  });
}

function finalizeStatement(statement: Statement): Promise<void> {
  return new Promise((resolve) => {
    // finalize() only re-reports the last step's error, already surfaced.
    statement.finalize(() => resolve());
  });
}

function closeDatabase(db: Database): Promise<void> {
  return new Promise((resolve, reject) => {
    db.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}

/** Wraps `cause` with context while keeping sqlite's `code`/`errno` for callers. */
function withCode(context: string, cause: unknown): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  const error = new Error(`${context}: ${message}`, { cause });
  if (cause instanceof Error) {
    const { code, errno } = cause as Error & { code?: unknown; errno?: unknown };
    Object.assign(error, { code, errno });
  }
  return error;
}
