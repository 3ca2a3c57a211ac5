import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodName } from '../../../src/api/contract';
import { openDatabase } from '../../../src/db/database';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, type TestCore } from '../../support/test-core';
import { ADMIN, openAdminCore } from '../settings/support/admin-core';

/**
 * On the center's server, backups are its administrator's (pg_dump, base backups) for every
 * workstation at once: the backup methods refuse clearly, write nothing, touch no file.
 */
let t: TestCore;
let goodBackup: string;
beforeAll(async () => {
  t = await openAdminCore();
  // A real embedded database file, so a refusal cannot be about the file itself.
  goodBackup = path.join(t.dir, 'desk-2026-03-01.sqlite');
  await (await openDatabase({ file: goodBackup })).destroy();
});
afterAll(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

const calls: [MethodName, unknown][] = [
  ['backups/list', {}],
  ['backups/setSettings', { folder: '', keepDaily: 7, keepMonthly: 12 }],
  ['backups/now', {}],
  ['backups/check', { file: '' }],
  ['backups/restore', { file: '' }],
];

describe('backups on the center server', () => {
  it.each(calls)(
    '%s is refused with CONFLICT, in both languages, changing nothing',
    async (method, input) => {
      const withFile =
        typeof input === 'object' && input !== null && 'file' in input
          ? { file: goodBackup }
          : input;
      const filesBefore = readdirSync(t.dir).sort();
      const before = await dumpTables(t.db);

      const zh = expectError(await t.call(method, withFile, ADMIN), 'CONFLICT');
      expect(zh.message).toBe(
        '数据库在中心服务器上，由服务器管理员备份和恢复（如 pg_dump），本机不做备份',
      );
      await t.ok('session/setLocale', { locale: 'en' }, ADMIN);
      try {
        const en = expectError(await t.call(method, withFile, ADMIN), 'CONFLICT');
        expect(en.message).toMatch(/center's server.*pg_dump/);
      } finally {
        await t.ok('session/setLocale', { locale: 'zh-CN' }, ADMIN);
      }

      expect(await dumpTables(t.db)).toEqual(before);
      expect(readdirSync(t.dir).sort()).toEqual(filesBefore);
      expect(existsSync(path.join(t.dir, 'backups'))).toBe(false);
    },
  );

  it('still checks roles first: reception gets FORBIDDEN', async () => {
    expectError(await t.call('backups/now', {}), 'FORBIDDEN');
  });
});
