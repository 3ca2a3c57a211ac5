import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupsToDelete } from '../../../src/backup/backup-rotation';
import { runDailyBackupIfDue } from '../../../src/backup/backup.service';
import { closeRawSqlite, openRawSqlite } from '../../../src/backup/sqlite-backup';
import { dumpTables } from '../../support/db-snapshot';
import { intake } from '../../support/fixtures';
import { expectError, type TestCore } from '../../support/test-core';
import { ADMIN, auditRowsOf, expectRefused, openAdminCore } from '../settings/support/admin-core';

let t: TestCore;
let medical: number;
beforeEach(async () => {
  t = await openAdminCore();
  medical = await t.studioId('medical');
  await t.ok('cases/register', intake(medical));
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

function backupFolder() {
  return path.join(t.dir, 'backups');
}

async function sql(file: string, statement: string) {
  const raw = await openRawSqlite(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
  try {
    return await new Promise<unknown[]>((resolve, reject) =>
      raw.all(statement, [], (error, rows) => (error ? reject(error) : resolve(rows))),
    );
  } finally {
    await closeRawSqlite(raw);
  }
}

describe('backups/now', () => {
  it('writes one self-contained, checked copy with the online backup API, and audits it', async () => {
    const made = await t.ok('backups/now', {}, ADMIN);
    expect(made).toMatchObject({
      kind: 'manual',
      createdAt: '2026-03-10T02:00:00.000Z',
      day: '2026-03-10',
      checks: { integrity: true, chainOk: true, firstBreak: null, auditRows: 1 },
    });
    expect(made.name).toBe('mediation-desk-20260310-100000-manual.sqlite');
    expect(path.dirname(made.file)).toBe(backupFolder());
    expect(readdirSync(backupFolder()).sort()).toEqual([made.name, `${made.name}.json`]);
    expect(await sql(made.file, 'pragma journal_mode')).toEqual([{ journal_mode: 'delete' }]);
    expect(await sql(made.file, 'select number from cases')).toEqual([
      { number: '（2026）矛医调字第0001号' },
    ]);
    const [row] = await auditRowsOf(t, 'backups/now');
    expect(row).toMatchObject({ entity: 'backup', entityId: made.name });

    const second = await t.ok('backups/now', {}, ADMIN);
    expect(second.name).toBe('mediation-desk-20260310-100000-manual-2.sqlite');
    // The second copy holds the first copy's audit row; the first does not.
    expect(second.checks?.auditRows).toBe(2);
  });

  it('lists the backups newest first with what the checks found', async () => {
    const made = await t.ok('backups/now', {}, ADMIN);
    const list = await t.ok('backups/list', {}, ADMIN);
    expect(list.config).toEqual({
      folder: backupFolder(),
      folderSetting: '',
      defaultFolder: backupFolder(),
      keepDaily: 14,
      keepMonthly: 12,
    });
    expect(list.backups).toEqual([{ ...made }]);
  });
});

describe('backups/setSettings', () => {
  it('moves the folder (creating it) and the rotation, audited; empty goes back to the default', async () => {
    const elsewhere = path.join(t.dir, 'elsewhere', 'nested');
    const config = await t.ok(
      'backups/setSettings',
      { folder: elsewhere, keepDaily: 7, keepMonthly: 6 },
      ADMIN,
    );
    expect(config).toMatchObject({
      folder: elsewhere,
      folderSetting: elsewhere,
      keepDaily: 7,
      keepMonthly: 6,
    });
    const made = await t.ok('backups/now', {}, ADMIN);
    expect(path.dirname(made.file)).toBe(elsewhere);
    const back = await t.ok(
      'backups/setSettings',
      { folder: '', keepDaily: 14, keepMonthly: 12 },
      ADMIN,
    );
    expect(back.folder).toBe(backupFolder());
    expect(
      (await auditRowsOf(t, 'backups/setSettings')).map((r) => JSON.parse(r.after ?? '').folder),
    ).toEqual([elsewhere, '']);
  });

  it('refuses a relative path, a folder it cannot write in and counts out of range', async () => {
    await expectRefused(
      t,
      'backups/setSettings',
      { folder: 'backups', keepDaily: 14, keepMonthly: 12 },
      'folder',
    );
    // A "folder" inside a file cannot be created.
    const insideFile = path.join(t.dbFile, 'backups');
    await expectRefused(
      t,
      'backups/setSettings',
      { folder: insideFile, keepDaily: 14, keepMonthly: 12 },
      'folder',
    );
    await expectRefused(
      t,
      'backups/setSettings',
      { folder: '', keepDaily: 0, keepMonthly: 12 },
      'keepDaily',
    );
    await expectRefused(
      t,
      'backups/setSettings',
      { folder: '', keepDaily: 14, keepMonthly: -1 },
      'keepMonthly',
    );
  });
});

describe('automatic backups', () => {
  it('makes one daily backup per center day and rotates: 14 daily, 12 monthly', async () => {
    const start = Date.UTC(2025, 0, 1, 2); // 10:00 in Beijing
    for (let day = 0; day < 400; day += 5) {
      const now = new Date(start + day * 86_400_000);
      expect(await runDailyBackupIfDue(t.db, t.dbFile, now)).not.toBeNull();
      // A second check the same day does nothing.
      expect(
        await runDailyBackupIfDue(t.db, t.dbFile, new Date(now.getTime() + 3_600_000)),
      ).toBeNull();
    }
    const list = (await t.ok('backups/list', {}, ADMIN)).backups;
    expect(list.every((b) => b.kind === 'daily' && b.checks?.chainOk === true)).toBe(true);
    const days = list.map((b) => b.day ?? '');
    // The 14 most recent days with a backup…
    const allDays = Array.from({ length: Math.ceil(400 / 5) }, (_, i) =>
      new Date(start + i * 5 * 86_400_000).toISOString().slice(0, 10),
    ).reverse();
    expect(days.slice(0, 14)).toEqual(allDays.slice(0, 14));
    // …and the newest of each of the 12 most recent months.
    const months = [...new Set(days.map((d) => d.slice(0, 7)))];
    expect(months).toHaveLength(12);
    expect(list.length).toBeLessThanOrEqual(14 + 12);
    expect(list.length).toBeGreaterThan(14);
  });

  it('copies a database that holds data before migrating it', async () => {
    const { Migrator } = await import('kysely/migration');
    const { migrations } = await import('../../../src/db/migrations');
    const { openCore } = await import('../../../src/app/core');
    const names = Object.keys(migrations).sort();
    // Take the live file back one migration, as if it were made by the previous version.
    const down = await new Migrator({
      db: t.db,
      provider: { getMigrations: async () => migrations },
    }).migrateDown();
    expect(down.error).toBeUndefined();
    await t.core.close();
    const reopened = await openCore({
      dbFile: t.dbFile,
      now: () => new Date('2026-03-12T02:00:00Z'),
    });
    const [copy, ...others] = readdirSync(backupFolder()).filter((n) => n.endsWith('.sqlite'));
    expect(others).toEqual([]);
    expect(copy).toBe('mediation-desk-20260312-100000-pre-migration.sqlite');
    const copied = (await sql(
      path.join(backupFolder(), copy ?? ''),
      'select name from kysely_migration order by name',
    )) as { name: string }[];
    expect(copied.map((r) => r.name)).toEqual(names.slice(0, -1));
    expect(
      await sql(path.join(backupFolder(), copy ?? ''), 'select count(*) as n from cases'),
    ).toEqual([{ n: 1 }]);
    // Opening again (nothing to migrate) makes no further copy.
    await reopened.close();
    await (await openCore({ dbFile: t.dbFile })).close();
    expect(readdirSync(backupFolder()).filter((n) => n.endsWith('.sqlite'))).toHaveLength(1);
  });

  it('the core started with autoBackup makes the daily backup by itself', async () => {
    const { openCore } = await import('../../../src/app/core');
    await t.core.close();
    const reopened = await openCore({
      dbFile: t.dbFile,
      now: () => new Date('2026-03-11T02:00:00Z'),
      autoBackup: true,
    });
    await reopened.close(); // waits for the backup in progress
    const files = readdirSync(backupFolder()).filter((n) => n.endsWith('.sqlite'));
    expect(files).toEqual(['mediation-desk-20260311-100000-daily.sqlite']);
  });
});

describe('backup rotation (pure)', () => {
  const item = (day: string, time = '02:00:00') => ({
    name: `${day}-${time}`,
    day,
    at: `${day}T${time}Z`,
  });

  it('keeps the newest of each of the last N days and of the last M months', () => {
    const items = [
      item('2026-01-05'),
      item('2026-01-20'),
      item('2026-02-03'),
      item('2026-02-03', '08:00:00'),
      item('2026-02-04'),
      item('2026-03-01'),
    ];
    expect(backupsToDelete(items, { keepDaily: 2, keepMonthly: 2 }).sort()).toEqual(
      [
        '2026-01-05-02:00:00',
        '2026-01-20-02:00:00',
        '2026-02-03-02:00:00',
        '2026-02-03-08:00:00',
      ].sort(),
    );
    expect(backupsToDelete(items, { keepDaily: 2, keepMonthly: 3 }).sort()).toEqual(
      ['2026-01-05-02:00:00', '2026-02-03-02:00:00', '2026-02-03-08:00:00'].sort(),
    );
  });

  it('counts days that have a backup, so a long pause deletes nothing recent', () => {
    const items = [item('2025-06-01'), item('2025-06-02'), item('2026-03-01')];
    expect(backupsToDelete(items, { keepDaily: 3, keepMonthly: 0 })).toEqual([]);
  });
});

describe('restore', () => {
  it('replaces the database with a checked backup, keeps the replaced one, and everyone signs in again', async () => {
    const backup = await t.ok('backups/now', {}, ADMIN);
    await t.ok('cases/register', intake(medical, { summary: '备份之后登记的案件' }));
    const result = await t.ok('backups/restore', { file: backup.file }, ADMIN);
    expect(result.inspection).toMatchObject({
      readable: true,
      integrity: ['ok'],
      schema: { fit: 'same' },
    });
    expect(result.replacedKeptAs.kind).toBe('pre-restore');

    // Everyone signs in again: the accounts are those of the restored file.
    expectError(await t.call('cases/queue', {}), 'UNAUTHENTICATED');
    expectError(await t.call('backups/list', {}, ADMIN), 'UNAUTHENTICATED');
    await t.signIn(ADMIN, 'admin');

    const numbers = await t.db.selectFrom('cases').select('number').execute();
    expect(numbers).toEqual([{ number: '（2026）矛医调字第0001号' }]);
    expect(await sql(result.replacedKeptAs.file, 'select count(*) as n from cases')).toEqual([
      { n: 2 },
    ]);
    // The restore is the restored log's newest row, and the chain holds.
    const last = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ method: 'backups/restore', entity: 'database' });
    expect(JSON.parse(last.before ?? '').keptAs).toBe(result.replacedKeptAs.file);
    expect((await t.ok('audit/verify', {}, ADMIN)).ok).toBe(true);
    expect(await sql(t.dbFile, 'pragma integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // The core carries on writing: the next number continues from the restored sequence.
    await t.signIn(t.session, 'reception');
    expect((await t.ok('cases/register', intake(medical))).number).toBe('（2026）矛医调字第0002号');
  });

  it('restores a copy with an older schema and migrates it', async () => {
    const { Migrator } = await import('kysely/migration');
    const { migrations } = await import('../../../src/db/migrations');
    const old = path.join(t.dir, 'old.sqlite');
    copyFileSync((await t.ok('backups/now', {}, ADMIN)).file, old);
    const { Kysely } = await import('kysely');
    const { createSqlite3Dialect } = await import('../../../src/db/sqlite/sqlite3-dialect');
    const oldDb = new Kysely<unknown>({ dialect: createSqlite3Dialect({ filename: old }) });
    const down = await new Migrator({
      db: oldDb,
      provider: { getMigrations: async () => migrations },
    }).migrateDown();
    expect(down.error).toBeUndefined();
    await oldDb.destroy();
    const checked = await t.ok('backups/check', { file: old }, ADMIN);
    expect(checked.schema.fit).toBe('older');
    await t.ok('backups/restore', { file: old }, ADMIN);
    await t.signIn(ADMIN, 'admin');
    const applied = await sql(t.dbFile, 'select name from kysely_migration order by name');
    expect(applied).toHaveLength(Object.keys(migrations).length);
  });

  describe('refuses a file that fails a check, replacing nothing', () => {
    async function expectNotRestored(file: string, text?: RegExp) {
      const before = await dumpTables(t.db);
      const kept = readdirSync(backupFolder());
      const error = await expectRefused(t, 'backups/restore', { file }, 'file');
      if (text !== undefined) expect(error.message).toMatch(text);
      expect(await dumpTables(t.db)).toEqual(before);
      expect(readdirSync(backupFolder())).toEqual(kept);
      return error;
    }

    async function copyOfBackup(name: string): Promise<string> {
      const file = path.join(t.dir, name);
      copyFileSync((await t.ok('backups/now', {}, ADMIN)).file, file);
      return file;
    }

    it('a file that is not there, not a database, or the live database itself', async () => {
      await copyOfBackup('unused.sqlite');
      const error = await expectNotRestored(path.join(t.dir, 'nothing-here.sqlite'));
      expect(error.fields?.file).toBe('找不到该文件');
      const text = path.join(t.dir, 'notes.sqlite');
      writeFileSync(text, '这不是数据库'.repeat(500));
      expect((await expectNotRestored(text)).fields?.file).toBe('该文件不是数据库文件');
      expect((await expectNotRestored(t.dbFile)).fields?.file).toBe('这是正在使用的数据库本身');
    });

    it('a damaged database (integrity_check fails)', async () => {
      const file = await copyOfBackup('damaged.sqlite');
      const [root] = (await sql(
        file,
        "select rootpage from sqlite_master where name = 'cases'",
      )) as {
        rootpage: number;
      }[];
      const bytes = readFileSync(file);
      // The b-tree page header's cell count, set far beyond what the page holds.
      const header = ((root?.rootpage ?? 2) - 1) * 4096;
      bytes[header + 3] = 0x7f;
      bytes[header + 4] = 0xff;
      writeFileSync(file, bytes);
      const error = await expectNotRestored(file);
      expect(error.fields?.file).toBe('该文件未通过完整性检查（已损坏）');
      expect(existsSync(file)).toBe(true);
    });

    it('a database made by a newer version, or by another program', async () => {
      const newer = await copyOfBackup('newer.sqlite');
      await sql(
        newer,
        "insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01')",
      );
      expect((await expectNotRestored(newer)).fields?.file).toContain('更新版本');
      const foreign = path.join(t.dir, 'foreign.sqlite');
      await sql(foreign, 'create table notes (text)');
      expect((await expectNotRestored(foreign)).fields?.file).toBe('该文件不是调解台的数据库');
    });

    it('a database whose audit chain is broken, naming the row', async () => {
      const file = await copyOfBackup('tampered.sqlite');
      await sql(file, `update audit_log set after = '{}' where id = 1`);
      const checked = await t.ok('backups/check', { file }, ADMIN);
      expect(checked.chain?.firstBreak).toEqual({ id: 1, problem: 'altered', lastGoodId: null });
      await expectNotRestored(file, /第 1 行/);
    });
  });

  it('is for the admin only', async () => {
    const backup = await t.ok('backups/now', {}, ADMIN);
    const before = await dumpTables(t.db);
    for (const method of [
      'backups/list',
      'backups/now',
      'backups/check',
      'backups/restore',
    ] as const) {
      expectError(await t.call(method, { file: backup.file }), 'FORBIDDEN');
    }
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
