import { stat } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { appendAuditAlone } from '../audit/audit.repository';
import { migrateToLatest, withRawSqlite, type Database } from '../db/database';
import { SETTING_KEYS } from '../settings/setting-keys';
import { getSettings } from '../settings/settings.repository';
import { centerDate } from '../shared/center-time';
import { openReadOnly, readSettingFrom } from './backup-file.repository';
import {
  deleteBackup,
  ensureFolder,
  freshBackupPath,
  listBackupFiles,
  writeSidecar,
  type BackupKind,
  type BackupRecord,
} from './backup-folder';
import { inspectDatabaseFile, isRestorable, type Inspection } from './backup-inspect';
import { backupsToDelete } from './backup-rotation';
import { copyDatabase, restoreInto } from './sqlite-backup';

export const DEFAULT_KEEP_DAILY = 14;
export const DEFAULT_KEEP_MONTHLY = 12;

export interface BackupConfig {
  /** The folder in use (the setting, or the default beside the database). */
  readonly folder: string;
  /** The setting as stored: empty means the default. */
  readonly folderSetting: string;
  readonly defaultFolder: string;
  readonly keepDaily: number;
  readonly keepMonthly: number;
}

export function defaultBackupFolder(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), 'backups');
}

function count(stored: string | null | undefined, fallback: number, max: number): number {
  const n = Number(stored);
  return stored !== null && stored !== undefined && Number.isInteger(n) && n >= 0 && n <= max
    ? n
    : fallback;
}

function toConfig(
  databaseFile: string,
  folder: string | null | undefined,
  keepDaily: string | null | undefined,
  keepMonthly: string | null | undefined,
): BackupConfig {
  const defaultFolder = defaultBackupFolder(databaseFile);
  const folderSetting = folder ?? '';
  return {
    folder: folderSetting === '' ? defaultFolder : folderSetting,
    folderSetting,
    defaultFolder,
    keepDaily: Math.max(1, count(keepDaily, DEFAULT_KEEP_DAILY, 365)),
    keepMonthly: count(keepMonthly, DEFAULT_KEEP_MONTHLY, 120),
  };
}

export async function backupConfig(db: Database, databaseFile: string): Promise<BackupConfig> {
  const stored = await getSettings(db, [
    SETTING_KEYS.backupFolder,
    SETTING_KEYS.backupKeepDaily,
    SETTING_KEYS.backupKeepMonthly,
  ]);
  return toConfig(
    databaseFile,
    stored.get(SETTING_KEYS.backupFolder),
    stored.get(SETTING_KEYS.backupKeepDaily),
    stored.get(SETTING_KEYS.backupKeepMonthly),
  );
}

/**
 * Copies the live database file with the online backup API, checks the copy (integrity, schema,
 * audit chain: DESIGN §8 "the chain is also verified at each backup") and records the result
 * beside it. A broken chain does not stop the backup: the copy is still the best there is, and
 * its record says where the chain breaks.
 */
export async function createBackup(
  databaseFile: string,
  folder: string,
  kind: BackupKind,
  now: Date,
): Promise<BackupRecord> {
  await ensureFolder(folder);
  const file = await freshBackupPath(folder, kind, now);
  await copyDatabase(databaseFile, file);
  const inspection = await inspectDatabaseFile(file);
  const checks = {
    integrity: inspection.integrity[0] === 'ok',
    chainOk: inspection.chain?.ok === true,
    firstBreak: inspection.chain?.firstBreak ?? null,
    auditRows: inspection.counts?.auditRows ?? 0,
    schema: inspection.schema.latest,
  };
  await writeSidecar(file, { kind, createdAt: now.toISOString(), checks });
  const info = await stat(file);
  return {
    name: path.basename(file),
    file,
    kind,
    createdAt: now.toISOString(),
    day: centerDate(now),
    sizeBytes: info.size,
    checks,
  };
}

/** Deletes the automatic backups the policy no longer keeps; returns their names. */
export async function rotateBackups(config: BackupConfig): Promise<string[]> {
  const daily = (await listBackupFiles(config.folder)).filter(
    (b) => b.kind === 'daily' && b.createdAt !== null && b.day !== null,
  );
  const doomed = backupsToDelete(
    daily.map((b) => ({ name: b.name, day: b.day ?? '', at: b.createdAt ?? '' })),
    config,
  );
  for (const name of doomed) await deleteBackup(path.join(config.folder, name));
  return doomed;
}

/**
 * The automatic daily backup: made when the folder holds none of today (center date), then the
 * rotation. Returns the new backup, or null when today's exists.
 */
export async function runDailyBackupIfDue(
  db: Database,
  databaseFile: string,
  now: Date,
): Promise<BackupRecord | null> {
  const config = await backupConfig(db, databaseFile);
  const today = centerDate(now);
  const existing = await listBackupFiles(config.folder);
  if (existing.some((b) => b.kind === 'daily' && b.day === today)) return null;
  const made = await createBackup(databaseFile, config.folder, 'daily', now);
  await rotateBackups(config);
  return made;
}

/**
 * Before migrations touch a database that holds data: a copy in its backup folder. Read from
 * the file itself (the app's connection is mid-opening), through a connection of its own.
 */
export async function backupBeforeMigration(
  databaseFile: string,
  now: Date,
): Promise<BackupRecord> {
  const reader = openReadOnly(databaseFile);
  let config: BackupConfig;
  try {
    config = toConfig(
      databaseFile,
      await readSettingFrom(reader, SETTING_KEYS.backupFolder),
      await readSettingFrom(reader, SETTING_KEYS.backupKeepDaily),
      await readSettingFrom(reader, SETTING_KEYS.backupKeepMonthly),
    );
  } finally {
    await reader.destroy();
  }
  return createBackup(databaseFile, config.folder, 'pre-migration', now);
}

/** Refuses a file that failed a check, as a field error on `file` naming the check. */
export function assertRestorable(inspection: Inspection): void {
  if (isRestorable(inspection)) return;
  if (!inspection.readable) throw fieldError('file', 'validation.backup.notDatabase');
  if (inspection.integrity[0] !== 'ok') throw fieldError('file', 'validation.backup.integrity');
  if (inspection.schema.fit === 'newer') throw fieldError('file', 'validation.backup.newer');
  if (inspection.schema.fit === 'foreign') throw fieldError('file', 'validation.backup.foreign');
  const id = inspection.chain?.firstBreak?.id ?? 0;
  throw new AppError(
    'VALIDATION',
    'error.backupChainBroken',
    { file: 'validation.backup.chain' },
    { id },
  );
}

export interface RestoreResult {
  /** The database that was replaced, kept in the backup folder. */
  readonly replacedKeptAs: BackupRecord;
  readonly restoredFrom: string;
  readonly inspection: Inspection;
}

/**
 * Replaces the live database with a checked file. Holds the app's one connection throughout, so
 * no call writes in between: first the live database is copied aside (kept), then the file's
 * pages are written over it through that same connection (the single writer). An older schema
 * is migrated afterwards, and the restore is the first row the restored log gains.
 */
export async function restoreDatabase(
  db: Database,
  databaseFile: string,
  source: string,
  actor: { staffId: number; now: Date },
): Promise<RestoreResult> {
  if (path.resolve(source) === path.resolve(databaseFile)) {
    throw fieldError('file', 'validation.backup.isLive');
  }
  const inspection = await inspectDatabaseFile(source);
  assertRestorable(inspection);
  const config = await backupConfig(db, databaseFile);
  const replacedKeptAs = await withRawSqlite(db, async (raw) => {
    const kept = await createBackup(databaseFile, config.folder, 'pre-restore', actor.now);
    await restoreInto(raw, source);
    return kept;
  });
  await migrateToLatest(db);
  await appendAuditAlone(db, {
    at: actor.now.toISOString(),
    staffId: actor.staffId,
    method: 'backups/restore',
    entity: 'database',
    entityId: null,
    before: JSON.stringify({ keptAs: replacedKeptAs.file }),
    after: JSON.stringify({ restoredFrom: source, counts: inspection.counts }),
  });
  return { replacedKeptAs, restoredFrom: source, inspection };
}
