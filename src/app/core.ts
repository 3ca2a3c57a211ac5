import { methods } from '../api/contract';
import { createDispatcher } from '../api/dispatcher';
import type { ApiResult } from '../api/result';
import { openDatabase, type Database } from '../db/database';
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
}

/** Opens (and migrates) the database and returns the one door into it. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const db = await openDatabase({ file: options.dbFile });
  const sessions = new Sessions();
  const dispatch = createDispatcher({
    db,
    methods,
    session: (key) => sessions.get(key),
    now: options.now,
    onInternalError:
      options.onInternalError ??
      ((method, error) => console.error(`[mediation-desk] ${method} failed:`, error)),
  });
  return {
    db,
    dispatch,
    endSession: (key) => sessions.end(key),
    close: () => db.destroy(),
  };
}
