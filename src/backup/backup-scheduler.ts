import type { Database } from '../db/database';
import { runDailyBackupIfDue } from './backup.service';

export interface BackupScheduler {
  /** Stops the timer and waits for a backup in progress. */
  stop(): Promise<void>;
}

const CHECK_EVERY_MS = 30 * 60_000;

/**
 * The daily backup of a long-running app: checked at start and every half hour (an app left
 * open over midnight backs up the new day too). Failures are reported, never thrown: a backup
 * problem must not take the app down, and the next check tries again.
 */
export function startDailyBackups(options: {
  readonly db: Database;
  readonly databaseFile: string;
  readonly now: () => Date;
  readonly onError: (error: unknown) => void;
}): BackupScheduler {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const check = () => {
    if (stopped) return;
    running = running
      .then(() => runDailyBackupIfDue(options.db, options.databaseFile, options.now()))
      .then(
        (made) => {
          if (made !== null && made.checks?.chainOk === false) {
            options.onError(
              new Error(
                `audit chain broken in ${made.name}: ${JSON.stringify(made.checks.firstBreak)}`,
              ),
            );
          }
        },
        (error: unknown) => options.onError(error),
      );
  };
  check();
  const timer = setInterval(check, CHECK_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
