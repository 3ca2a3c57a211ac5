import { methods } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import type { ApiResult } from '../api/result';
import { startDailyBackups, type BackupScheduler } from '../backup/backup-scheduler';
import { backupBeforeMigration } from '../backup/backup.service';
import { openDatabase, type Database } from '../db/database';
import type { PostgresConnection } from '../db/postgres/pg-connection';
import {
  closeDocuments,
  configureDocuments,
  type DocumentRuntimeOptions,
} from '../documents/document-runtime';
import { guardSession } from '../staff/session-guard';
import {
  memoryChoiceStore,
  type DatabaseChoice,
  type DatabaseChoiceStore,
  type DatabaseSwitchboard,
} from './database-choice';
import { Sessions } from './sessions';

export interface Core {
  dispatch(sessionKey: string, method: string, input: unknown): Promise<ApiResult<unknown>>;
  endSession(sessionKey: string): void;
  close(): Promise<void>;
  /** The database in use now (it changes when an administrator switches databases). */
  readonly db: Database;
}

export interface CoreOptions {
  /** The embedded database file (also where the center-server choice falls back to). */
  readonly dbFile: string;
  /** Work on the center's PostgreSQL server instead of `dbFile` (when `choices` is not given). */
  readonly postgres?: PostgresConnection;
  /**
   * Where the choice of database is kept between runs (the desktop app's settings file); it
   * decides the database at start, and `database/switch` changes it. Left out: `postgres` if
   * given, else `dbFile`, remembered in memory only.
   */
  readonly choices?: DatabaseChoiceStore;
  readonly now?: () => Date;
  readonly onInternalError?: (method: string, error: unknown) => void;
  /**
   * The automatic daily backup (at start, then checked every half hour). On in the desktop app;
   * off by default so tests and the preview do not copy files behind their backs.
   */
  readonly autoBackup?: boolean;
  /**
   * Monotonic milliseconds for the idle lock and sign-in throttling (default performance.now):
   * real elapsed time, apart from `now`, which tests freeze or move for business dates.
   */
  readonly activityClock?: () => number;
  /**
   * Documents (src/documents): the font folder, the bundled render worker and the desktop
   * host for printing and saving. Left out: the repository's fonts, the worker through tsx.
   */
  readonly documents?: DocumentRuntimeOptions;
}

/** Opens (and migrates, after a safety copy) the database and returns the one door into it. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date());
  const report =
    options.onInternalError ??
    ((method: string, error: unknown) =>
      console.error(`[mediation-desk] ${method} failed:`, error));
  const store =
    options.choices ??
    memoryChoiceStore(
      options.postgres === undefined
        ? { engine: 'sqlite' }
        : { engine: 'postgres', connection: options.postgres },
    );
  const open = (choice: DatabaseChoice) =>
    openDatabase({
      file: options.dbFile,
      ...(choice.engine === 'postgres' ? { postgres: choice.connection } : {}),
      // The server's backups (pg_dump, base backups) are its administrator's; the file's are ours.
      beforeMigrating: async () => {
        if (choice.engine === 'sqlite') await backupBeforeMigration(options.dbFile, now());
      },
    });
  configureDocuments(options.documents);

  let choice = store.load();
  let engine: Engine;
  const switchboard: DatabaseSwitchboard = {
    current: () => choice,
    canKeepPasswords: store.canKeepPasswords,
    embeddedFile: options.dbFile,
    currentDatabase: () => engine.db,
    open,
    adopt: (next, db) => {
      try {
        store.save(next);
      } catch (error) {
        // Not kept means not switched: this core stays where it is, and says so in the log.
        report('database/switch', error);
        void db.destroy();
        return;
      }
      const old = engine;
      choice = next;
      engine = startEngine(db, next);
      // Calls already running on the old database finish first; new ones go to the new one.
      setTimeout(() => void old.close().catch((e: unknown) => report('database/switch', e)), 2000);
    },
  };

  function startEngine(db: Database, on: DatabaseChoice): Engine {
    const sessions = new Sessions(options.activityClock);
    const dispatch = createDispatcher({
      db,
      methods,
      session: (key) => sessions.get(key),
      now,
      onInternalError: report,
      guard: (session, method) => guardSession(db, session, method),
      database: switchboard,
    });
    const backups: BackupScheduler | null =
      options.autoBackup === true && on.engine === 'sqlite'
        ? startDailyBackups({
            db,
            databaseFile: options.dbFile,
            now,
            onError: (error) => report('backup/daily', error),
          })
        : null;
    return {
      db,
      dispatch,
      endSession: (key) => sessions.end(key),
      close: async () => {
        await backups?.stop();
        await db.destroy();
      },
    };
  }

  engine = startEngine(await open(choice), choice);
  return {
    get db() {
      return engine.db;
    },
    dispatch: (key, method, input) => engine.dispatch(key, method, input),
    endSession: (key) => engine.endSession(key),
    close: async () => {
      await engine.close();
      await closeDocuments();
    },
  };
}

/** One open database with its sessions: replaced whole when the core switches databases. */
interface Engine {
  readonly db: Database;
  readonly dispatch: Core['dispatch'];
  endSession(key: string): void;
  close(): Promise<void>;
}
