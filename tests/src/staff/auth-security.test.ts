import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, TEST_PASSWORD } from '../../support/test-core';
import { openClockedCore, type ClockedCore } from './support/clocked-core';

let t: ClockedCore;
beforeEach(async () => {
  t = await openClockedCore();
  await t.addStaff('wang', ['reception'], '王芳');
  await t.addStaff('li', ['mediator'], '李明');
  await t.addStaff('admin', ['admin'], '管理员');
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

const WINDOW = 'window-1';

describe('failed sign-in throttling', () => {
  it('after five wrong passwords for a username, waits 30 s, then twice as long each time', async () => {
    for (let i = 0; i < 5; i += 1) {
      expectError(await t.signIn(WINDOW, 'wang', 'wrong password'), 'UNAUTHENTICATED');
    }
    // Even the right password is refused while the wait runs: no password is checked at all.
    const refused = expectError(await t.signIn(WINDOW, 'wang'), 'THROTTLED');
    expect(refused.message).toBe('密码错误次数过多，请 30 秒后再试');
    t.advanceMs(29_000);
    expect(expectError(await t.signIn(WINDOW, 'wang'), 'THROTTLED').message).toContain('1 秒');
    t.advanceMs(1_000);
    expectError(await t.signIn(WINDOW, 'wang', 'wrong again'), 'UNAUTHENTICATED');
    expect(expectError(await t.signIn(WINDOW, 'wang'), 'THROTTLED').message).toContain('60 秒');
    t.advanceMs(60_000);
    expect(
      (await t.ok(WINDOW, 'auth/signIn', { username: 'wang', password: TEST_PASSWORD }))
        .displayName,
    ).toBe('王芳');
  });

  it('throttles the username in every window, whatever case it is typed in', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.signIn(`window-${i}`, i % 2 === 0 ? 'WANG' : 'wang', 'wrong password');
    }
    expectError(await t.signIn('fresh-window', 'wang'), 'THROTTLED');
    // Another person at the same moment is not affected.
    await t.ok('fresh-window', 'auth/signIn', { username: 'li', password: TEST_PASSWORD });
  });

  it('throttles a window that tries many usernames, and answers in English when asked', async () => {
    await t.ok(WINDOW, 'session/setLocale', { locale: 'en' });
    for (let i = 0; i < 10; i += 1) {
      expectError(await t.signIn(WINDOW, `guess${i}`, 'wrong password'), 'UNAUTHENTICATED');
    }
    const refused = expectError(await t.signIn(WINDOW, 'li'), 'THROTTLED');
    expect(refused.message).toBe('Too many wrong passwords; try again in 30 seconds');
    await t.ok('other-window', 'auth/signIn', { username: 'li', password: TEST_PASSWORD });
  });

  it('forgets the failures of a username once its owner signs in', async () => {
    for (let i = 0; i < 4; i += 1) await t.signIn(WINDOW, 'wang', 'wrong password');
    await t.ok(WINDOW, 'auth/signIn', { username: 'wang', password: TEST_PASSWORD });
    for (let i = 0; i < 4; i += 1) {
      expectError(await t.signIn(WINDOW, 'wang', 'wrong password'), 'UNAUTHENTICATED');
    }
    await t.ok(WINDOW, 'auth/signIn', { username: 'wang', password: TEST_PASSWORD });
  });

  it('refuses a deactivated account with the right password, and writes nothing on failures', async () => {
    await t.db.updateTable('staff').set({ active: 0 }).where('username', '=', 'li').execute();
    const before = await dumpTables(t.db);
    expectError(await t.signIn(WINDOW, 'li'), 'UNAUTHENTICATED');
    expectError(await t.signIn(WINDOW, 'nobody', 'whatever'), 'UNAUTHENTICATED');
    expect(await dumpTables(t.db)).toEqual(before);
  });
});

describe('idle lock', () => {
  beforeEach(async () => {
    await t.ok(WINDOW, 'auth/signIn', { username: 'wang', password: TEST_PASSWORD });
  });

  it('locks a window idle for 10 minutes (the default); every call but unlocking is refused', async () => {
    t.advanceMinutes(9);
    await t.ok(WINDOW, 'cases/queue', {});
    t.advanceMinutes(9); // 9 minutes since the last call: still open
    await t.ok(WINDOW, 'cases/queue', {});
    t.advanceMinutes(10);
    const before = await dumpTables(t.db);
    const locked = expectError(await t.call(WINDOW, 'cases/queue', {}), 'LOCKED');
    expect(locked.message).toBe('本窗口已锁定，请输入密码解锁或切换用户');
    expectError(await t.call(WINDOW, 'studios/list', {}), 'LOCKED');
    expectError(await t.call(WINDOW, 'cases/register', { junk: true }), 'LOCKED');
    expect(await dumpTables(t.db)).toEqual(before);

    const status = await t.ok(WINDOW, 'auth/status');
    expect(status.caller?.displayName).toBe('王芳');
    expect(status.lock).toEqual({ locked: true, idleLockMinutes: 10 });
    // auth/status is no activity, and a locked window stays locked however long it waits.
    t.advanceMinutes(60);
    expectError(await t.call(WINDOW, 'cases/queue', {}), 'LOCKED');
  });

  it('unlocks with the same person’s password, and refuses a wrong one next to the field', async () => {
    await t.ok(WINDOW, 'auth/lock');
    const wrong = expectError(
      await t.call(WINDOW, 'auth/unlock', { password: 'nope' }),
      'VALIDATION',
    );
    expect(wrong.fields).toEqual({ password: '密码不正确' });
    expectError(await t.call(WINDOW, 'auth/unlock', { password: '' }), 'VALIDATION');
    expectError(await t.call(WINDOW, 'cases/queue', {}), 'LOCKED');
    const unlocked = await t.ok(WINDOW, 'auth/unlock', { password: TEST_PASSWORD });
    expect(unlocked.displayName).toBe('王芳');
    await t.ok(WINDOW, 'cases/queue', {});
    expect((await t.ok(WINDOW, 'auth/status')).lock?.locked).toBe(false);
  });

  it('throttles guessing at the lock screen like sign-in', async () => {
    await t.ok(WINDOW, 'auth/lock');
    for (let i = 0; i < 5; i += 1) await t.call(WINDOW, 'auth/unlock', { password: `guess${i}` });
    expectError(await t.call(WINDOW, 'auth/unlock', { password: TEST_PASSWORD }), 'THROTTLED');
    expectError(await t.call(WINDOW, 'cases/queue', {}), 'LOCKED');
  });

  it('lets a colleague switch user on a locked window: the new caller replaces the old', async () => {
    await t.ok(WINDOW, 'auth/lock');
    const li = await t.ok(WINDOW, 'auth/signIn', { username: 'li', password: TEST_PASSWORD });
    expect(li.roles).toEqual(['mediator']);
    const status = await t.ok(WINDOW, 'auth/status');
    expect(status.caller?.displayName).toBe('李明');
    expect(status.lock?.locked).toBe(false);
    // The previous person's rights are gone with them.
    expectError(await t.call(WINDOW, 'cases/register', {}), 'FORBIDDEN');
  });

  it('signs out of a locked window, and another window keeps working', async () => {
    await t.ok('window-2', 'auth/signIn', { username: 'li', password: TEST_PASSWORD });
    await t.ok(WINDOW, 'auth/lock');
    await t.ok('window-2', 'cases/queue', {});
    await t.ok(WINDOW, 'auth/signOut');
    expectError(await t.call(WINDOW, 'cases/queue', {}), 'UNAUTHENTICATED');
    expect((await t.ok(WINDOW, 'auth/status')).lock).toBeUndefined();
  });

  it('follows the idle minutes the admin sets', async () => {
    await t.ok('admin-window', 'auth/signIn', { username: 'admin', password: TEST_PASSWORD });
    await t.ok('admin-window', 'settings/setSecurity', { idleLockMinutes: 2 });
    expect((await t.ok(WINDOW, 'auth/status')).lock?.idleLockMinutes).toBe(2);
    t.advanceMinutes(1);
    await t.ok(WINDOW, 'cases/queue', {});
    t.advanceMinutes(2);
    expectError(await t.call(WINDOW, 'cases/queue', {}), 'LOCKED');
    // The admin's own window was idle just as long.
    expectError(await t.call('admin-window', 'settings/get', {}), 'LOCKED');
  });

  it('signs out a window whose person was deactivated while it was locked', async () => {
    await t.ok(WINDOW, 'auth/lock');
    await t.db.updateTable('staff').set({ active: 0 }).where('username', '=', 'wang').execute();
    expectError(
      await t.call(WINDOW, 'auth/unlock', { password: TEST_PASSWORD }),
      'UNAUTHENTICATED',
    );
    expect((await t.ok(WINDOW, 'auth/status')).caller).toBeNull();
  });
});

describe('auth/changePassword', () => {
  beforeEach(async () => {
    await t.ok(WINDOW, 'auth/signIn', { username: 'wang', password: TEST_PASSWORD });
  });

  it('changes the password after the current one, audits it without either, signs other windows out', async () => {
    await t.ok('window-2', 'auth/signIn', { username: 'wang', password: TEST_PASSWORD });
    const changed = await t.ok(WINDOW, 'auth/changePassword', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'a brand new secret',
    });
    expect(changed).toEqual({ changed: true });
    expectError(await t.call('window-2', 'cases/queue', {}), 'UNAUTHENTICATED');
    await t.ok(WINDOW, 'cases/queue', {});
    expectError(await t.signIn('window-3', 'wang'), 'UNAUTHENTICATED');
    await t.ok('window-3', 'auth/signIn', { username: 'wang', password: 'a brand new secret' });
    const stored = await t.db
      .selectFrom('staff')
      .select('passwordHash')
      .where('username', '=', 'wang')
      .executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    const audit = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('method', '=', 'auth/changePassword')
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('a brand new secret');
    expect(JSON.stringify(audit)).not.toContain(TEST_PASSWORD);
    expect(JSON.stringify(audit)).not.toContain('scrypt');
  });

  it('refuses a wrong current password, a short new one and the same one, changing nothing', async () => {
    for (const [input, field] of [
      [{ currentPassword: 'wrong one', newPassword: 'a brand new secret' }, 'currentPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: 'short' }, 'newPassword'],
      [{ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD }, 'newPassword'],
      [{ newPassword: 'a brand new secret' }, 'currentPassword'],
    ] as const) {
      const before = await dumpTables(t.db);
      const error = expectError(await t.call(WINDOW, 'auth/changePassword', input), 'VALIDATION');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(input)).toEqual([field]);
      expect(await dumpTables(t.db)).toEqual(before);
    }
  });
});
