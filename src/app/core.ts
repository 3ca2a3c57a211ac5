import { methods } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import type { ApiResult } from '../api/result';
import { startDailyBackups, type BackupScheduler } from '../backup/backup-scheduler';
import { backupBeforeMigration } from '../backup/backup.service';
import { openDatabase, type Database } from '../db/database';
import {
  closeDocuments,
  configureDocuments,
  type DocumentRuntimeOptions,
} from '../documents/document-runtime';
import { guardSession } from '../staff/session-guard';
import { Sessions } from './sessions';

export interface Core {
  dispatch(sessionKey: string, method: string, input: unknown): Promise<ApiResult<unknown>>;
  endSession(sessionKey: string): void;
  close(): Promise<void>;
  readonly db: Database;
}

export interface CoreOptions {
  readonly dbFile: string;
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
  const db = await openDatabase({
    file: options.dbFile,
    beforeMigrating: async () => {
      await backupBeforeMigration(options.dbFile, now());
    },
  });
  configureDocuments(options.documents);
  const sessions = new Sessions(options.activityClock);
  const dispatch = createDispatcher({
    db,
    methods,
    session: (key) => sessions.get(key),
    now,
    onInternalError: report,
    guard: (session, method) => guardSession(db, session, method),
  });
  const backups: BackupScheduler | null =
    options.autoBackup === true
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
      await closeDocuments();
      await db.destroy();
    },
  };
}
