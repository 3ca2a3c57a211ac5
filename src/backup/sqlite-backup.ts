import { rm, rename } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import sqlite3 from 'sqlite3';
import type { Database as RawSqlite } from 'sqlite3';

/**
 * SQLite's online backup API (sqlite3_backup_*) as node-sqlite3 exposes it. Its type
 * definitions leave `Database#backup` out, so the part used here is declared by hand.
 */
interface SqliteBackup {
  step(pages: number, callback: (error: Error | null) => void): void;
  finish(callback: (error: Error | null) => void): void;
  readonly completed: boolean;
  readonly failed: boolean;
}

interface WithBackup {
  backup(
    filename: string,
    destName: string,
    sourceName: string,
    filenameIsDest: boolean,
    callback: (error: Error | null) => void,
  ): SqliteBackup;
}

/** How long a step may keep meeting a lock (another writer's checkpoint) before giving up. */
const BUSY_GIVE_UP_MS = 30_000;

/**
 * Copies every page between the connection's `main` database and `file`, in one step (one read
 * transaction on the source, so the copy is one consistent moment). `toFile`: the connection is
 * the source and `file` the destination; otherwise the other way round.
 */
async function runBackup(raw: RawSqlite, file: string, toFile: boolean): Promise<void> {
  const backup = await new Promise<SqliteBackup>((resolve, reject) => {
    const created = (raw as unknown as WithBackup).backup(file, 'main', 'main', toFile, (error) =>
      error ? reject(error) : resolve(created),
    );
  });
  const started = Date.now();
  try {
    while (!backup.completed) {
      const error = await new Promise<Error | null>((resolve) => backup.step(-1, resolve));
      if (backup.completed) break;
      // BUSY and LOCKED leave the backup usable (node-sqlite3's retryErrors): try again shortly.
      if (backup.failed || Date.now() - started > BUSY_GIVE_UP_MS) {
        throw error ?? new Error('SQLite backup failed');
      }
      await sleep(50);
    }
  } finally {
    await new Promise<void>((resolve) => backup.finish(() => resolve()));
  }
}

export function openRawSqlite(file: string, mode: number): Promise<RawSqlite> {
  return new Promise((resolve, reject) => {
    const db: RawSqlite = new sqlite3.Database(file, mode, (error) =>
      error ? reject(error) : resolve(db),
    );
  });
}

export function closeRawSqlite(db: RawSqlite): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

function exec(db: RawSqlite, statement: string): Promise<void> {
  return new Promise((resolve, reject) =>
    db.all(statement, [], (error) => (error ? reject(error) : resolve())),
  );
}

/**
 * Writes a consistent copy of the database file `source` (which may be open and being written
 * by the app) to `destination`, through a read-only connection of its own: the app's writer is
 * never paused or shared. The copy appears under its name only once complete, and is switched to
 * a rollback journal so it is one self-contained file.
 */
export async function copyDatabase(source: string, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  await rm(partial, { force: true });
  const reader = await openRawSqlite(source, sqlite3.OPEN_READONLY);
  try {
    await runBackup(reader, partial, true);
  } finally {
    await closeRawSqlite(reader);
  }
  const copy = await openRawSqlite(partial, sqlite3.OPEN_READWRITE);
  try {
    await exec(copy, 'pragma journal_mode = delete');
  } finally {
    await closeRawSqlite(copy);
  }
  await rename(partial, destination);
}

/**
 * Replaces the content of the connection's database with the file's, page by page, through the
 * connection itself (so the app's single writer does the writing). One transaction: readers see
 * the old database or the new one, never a mixture.
 */
export function restoreInto(raw: RawSqlite, source: string): Promise<void> {
  return runBackup(raw, source, false);
}
