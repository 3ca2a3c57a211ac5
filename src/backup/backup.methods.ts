import { stat } from 'node:fs/promises';
import path from 'node:path';
import { defineMethod, type HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { appendAuditAlone } from '../audit/audit.repository';
import { isEmbedded } from '../db/database';
import { SETTING_KEYS } from '../settings/setting-keys';
import { backupFileSchema, backupSettingsSchema } from '../settings/settings.schema';
import { setSetting } from '../settings/settings.repository';
import { z } from '../shared/zod-messages';
import { signOutEverywhere } from '../staff/session-guard';
import { assertWritableFolder, listBackupFiles } from './backup-folder';
import { inspectDatabaseFile } from './backup-inspect';
import { backupConfig, createBackup, restoreDatabase } from './backup.service';
import { liveDatabaseFile } from './live-database.repository';

/**
 * Backups here are copies of the embedded file. A center's server is backed up by its
 * administrator (pg_dump, base backups), for every workstation at once: refused on it.
 */
function assertEmbedded(ctx: Pick<HandlerContext, 'db'>): void {
  if (!isEmbedded(ctx.db)) throw new AppError('CONFLICT', 'error.backupOnServer');
}

async function liveFile(ctx: Pick<HandlerContext, 'db'>): Promise<string> {
  assertEmbedded(ctx);
  const file = await liveDatabaseFile(ctx.db);
  // An in-memory database (never the app's) has nothing to back up.
  if (file === '') throw fieldError('_', 'validation.backup.noFile');
  return file;
}

async function assertFileExists(file: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (info === null || !info.isFile()) throw fieldError('file', 'validation.backup.notFound');
}

/** Settings → Backups (admin): the folder and rotation, backup now, check and restore a file. */
export const backupMethods = {
  'backups/list': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'The backup folder, rotation and the backups in it, newest first',
    handler: async (ctx) => {
      const config = await backupConfig(ctx.db, await liveFile(ctx));
      return { config, backups: await listBackupFiles(config.folder) };
    },
  }),

  'backups/setSettings': defineMethod({
    input: backupSettingsSchema,
    access: ['admin'],
    write: true,
    summary: 'The backup folder (empty: beside the database) and how many backups to keep',
    handler: async (ctx, input) => {
      const file = await liveFile(ctx);
      const before = await backupConfig(ctx.db, file);
      const folder = input.folder === '' ? before.defaultFolder : path.resolve(input.folder);
      try {
        await assertWritableFolder(folder);
      } catch {
        throw fieldError('folder', 'validation.folder.unwritable');
      }
      const folderSetting = input.folder === '' ? '' : folder;
      await setSetting(ctx.db, SETTING_KEYS.backupFolder, folderSetting);
      await setSetting(ctx.db, SETTING_KEYS.backupKeepDaily, String(input.keepDaily));
      await setSetting(ctx.db, SETTING_KEYS.backupKeepMonthly, String(input.keepMonthly));
      const after = {
        folder: folderSetting,
        keepDaily: input.keepDaily,
        keepMonthly: input.keepMonthly,
      };
      await ctx.audit({
        entity: 'settings',
        entityId: 'backup',
        before: {
          folder: before.folderSetting,
          keepDaily: before.keepDaily,
          keepMonthly: before.keepMonthly,
        },
        after,
      });
      return backupConfig(ctx.db, file);
    },
  }),

  /**
   * Not run as a write transaction: the copy is made through a connection of its own, so the
   * app's connection stays free (other windows keep working) while a large database is copied
   * and checked; the audit row follows in a transaction of its own.
   */
  'backups/now': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'Back the database up now (online backup API), checking the copy',
    handler: async (ctx) => {
      const file = await liveFile(ctx);
      const config = await backupConfig(ctx.db, file);
      let made;
      try {
        made = await createBackup(file, config.folder, 'manual', ctx.now);
      } catch {
        throw fieldError('folder', 'validation.folder.unwritable');
      }
      await appendAuditAlone(ctx.db, {
        at: ctx.now.toISOString(),
        staffId: ctx.caller().staffId,
        method: 'backups/now',
        entity: 'backup',
        entityId: made.name,
        before: null,
        after: JSON.stringify({ file: made.file, sizeBytes: made.sizeBytes, checks: made.checks }),
      });
      return made;
    },
  }),

  /** What a restore would find, without restoring: the admin sees the verdict first. */
  'backups/check': defineMethod({
    input: backupFileSchema,
    access: ['admin'],
    write: false,
    summary: 'Check a database file: integrity, schema version, audit chain, record counts',
    handler: async (ctx, input) => {
      assertEmbedded(ctx);
      await assertFileExists(input.file);
      return inspectDatabaseFile(input.file);
    },
  }),

  /**
   * Not a write of the usual kind: it replaces the whole database (keeping the replaced one in
   * the backup folder) and appends its own audit row to the restored log. Every window signs in
   * again afterwards: the accounts are those of the restored file.
   */
  'backups/restore': defineMethod({
    input: backupFileSchema,
    access: ['admin'],
    write: false,
    summary: 'Replace the database with a checked backup; the replaced database is kept',
    handler: async (ctx, input) => {
      assertEmbedded(ctx);
      await assertFileExists(input.file);
      const result = await restoreDatabase(ctx.db, await liveFile(ctx), input.file, {
        staffId: ctx.caller().staffId,
        now: ctx.now,
      });
      ctx.afterCommit(() => signOutEverywhere(ctx.session));
      return result;
    },
  }),
};
