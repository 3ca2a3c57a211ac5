import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/staff/password';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, TEST_PASSWORD, type TestCore } from '../../support/test-core';
import { ADMIN, auditRowsOf, expectRefused, openAdminCore } from '../settings/support/admin-core';

let t: TestCore;
let medical: number;
let labour: number;
let liId: number;
const LI = 'li-window';

beforeEach(async () => {
  t = await openAdminCore();
  medical = await t.studioId('medical');
  labour = await t.studioId('labour');
  liId = await t.addStaff({
    username: 'li',
    displayName: '李明',
    roles: ['mediator'],
    studios: ['medical'],
  });
  await t.signIn(LI, 'li');
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

async function account(id: number) {
  const accounts = await t.ok('staff/accounts', {}, ADMIN);
  const found = accounts.find((a) => a.id === id);
  if (found === undefined) throw new Error(`no account ${id}`);
  return found;
}

describe('staff/accounts', () => {
  it('lists every account with username, roles, studios, state and version, but no hash', async () => {
    const li = await account(liId);
    expect(li).toEqual({
      id: liId,
      username: 'li',
      displayName: '李明',
      active: true,
      createdAt: expect.any(String),
      version: 1,
      roles: ['mediator'],
      studioIds: [medical],
    });
    expect(JSON.stringify(await t.ok('staff/accounts', {}, ADMIN))).not.toContain('scrypt');
  });
});

describe('staff/update', () => {
  it('changes name, roles and studios, audits before and after, and takes effect at once', async () => {
    expectError(await t.call('cases/register', {}, LI), 'FORBIDDEN');
    const updated = await t.ok(
      'staff/update',
      {
        id: liId,
        version: 1,
        displayName: '李明明',
        roles: ['mediator', 'reception'],
        studioIds: [labour],
      },
      ADMIN,
    );
    expect(updated).toMatchObject({
      displayName: '李明明',
      roles: ['mediator', 'reception'],
      studioIds: [labour],
      version: 2,
    });
    // The window where Li is signed in has the new roles without signing in again.
    const status = await t.ok('auth/status', {}, LI);
    expect(status.caller).toMatchObject({
      displayName: '李明明',
      roles: ['mediator', 'reception'],
      studioIds: [labour],
    });
    expectError(await t.call('cases/register', {}, LI), 'VALIDATION');

    const [row] = await auditRowsOf(t, 'staff/update');
    expect(JSON.parse(row?.before ?? '')).toMatchObject({
      roles: ['mediator'],
      studioIds: [medical],
    });
    expect(JSON.parse(row?.after ?? '')).toMatchObject({
      roles: ['mediator', 'reception'],
      studioIds: [labour],
    });
  });

  it('lists roles and studios in one order (by name, by id), however they were given', async () => {
    await t.ok(
      'staff/update',
      {
        id: liId,
        version: 1,
        displayName: '李明',
        roles: ['reception', 'mediator', 'clerk'],
        studioIds: [labour, medical],
      },
      ADMIN,
    );
    const expected = {
      roles: ['clerk', 'mediator', 'reception'],
      studioIds: [medical, labour].sort((a, b) => a - b),
    };
    expect(await account(liId)).toMatchObject(expected);
    expect((await t.ok('auth/status', {}, LI)).caller).toMatchObject(expected);
  });

  it('answers STALE to a save based on an old version, and changes nothing', async () => {
    await t.ok(
      'staff/update',
      { id: liId, version: 1, displayName: '甲', roles: ['clerk'], studioIds: [] },
      ADMIN,
    );
    const before = await dumpTables(t.db);
    const stale = expectError(
      await t.call(
        'staff/update',
        { id: liId, version: 1, displayName: '乙', roles: ['clerk'], studioIds: [] },
        ADMIN,
      ),
      'STALE',
    );
    expect(stale.message).toContain('2');
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('refuses to take the admin role from the last active admin', async () => {
    const adminId = (await t.ok('auth/status', {}, ADMIN)).caller?.staffId ?? 0;
    const before = await dumpTables(t.db);
    const refused = expectError(
      await t.call(
        'staff/update',
        { id: adminId, version: 1, displayName: '管理员', roles: ['director'], studioIds: [] },
        ADMIN,
      ),
      'CONFLICT',
    );
    expect(refused.message).toBe('至少需要保留一名在职的系统管理员');
    expect(await dumpTables(t.db)).toEqual(before);
    // With a second admin it is allowed.
    await t.addStaff({ username: 'admin2', roles: ['admin'] });
    await t.ok(
      'staff/update',
      { id: adminId, version: 1, displayName: '管理员', roles: ['director'], studioIds: [] },
      ADMIN,
    );
  });

  it('refuses bad input next to the field, changing nothing', async () => {
    const good = {
      id: liId,
      version: 1,
      displayName: '李明',
      roles: ['mediator'],
      studioIds: [medical],
    };
    await expectRefused(t, 'staff/update', { ...good, roles: [] }, 'roles');
    await expectRefused(t, 'staff/update', { ...good, roles: ['janitor'] }, 'roles.0');
    await expectRefused(t, 'staff/update', { ...good, displayName: '  ' }, 'displayName');
    await expectRefused(t, 'staff/update', { ...good, studioIds: [4242] }, 'studioIds');
    await expectRefused(t, 'staff/update', { ...good, version: 0 }, 'version');
    await expectRefused(t, 'staff/update', { ...good, id: 'x' }, 'id');
    const before = await dumpTables(t.db);
    expectError(await t.call('staff/update', { ...good, id: 999 }, ADMIN), 'NOT_FOUND');
    expect(await dumpTables(t.db)).toEqual(before);
  });
});

describe('staff/setActive', () => {
  it('deactivates: signed out everywhere, no sign-in; reactivates: can sign in again', async () => {
    const result = await t.ok('staff/setActive', { id: liId, version: 1, active: false }, ADMIN);
    expect(result).toEqual({ id: liId, active: false, version: 2 });
    expectError(await t.call('cases/queue', {}, LI), 'UNAUTHENTICATED');
    expectError(
      await t.call('auth/signIn', { username: 'li', password: TEST_PASSWORD }, LI),
      'UNAUTHENTICATED',
    );
    await t.ok('staff/setActive', { id: liId, version: 2, active: true }, ADMIN);
    await t.signIn(LI, 'li');
    expect((await auditRowsOf(t, 'staff/setActive')).map((r) => r.after)).toEqual([
      '{"active":false}',
      '{"active":true}',
    ]);
  });

  it('refuses to deactivate yourself, changing nothing', async () => {
    const adminId = (await t.ok('auth/status', {}, ADMIN)).caller?.staffId ?? 0;
    const before = await dumpTables(t.db);
    const refused = expectError(
      await t.call('staff/setActive', { id: adminId, version: 1, active: false }, ADMIN),
      'CONFLICT',
    );
    expect(refused.message).toBe('不能停用自己的账户');
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('lets another admin deactivate an admin, who is then signed out', async () => {
    const adminId = (await t.ok('auth/status', {}, ADMIN)).caller?.staffId ?? 0;
    await t.addStaff({ username: 'director', roles: ['director', 'admin'] });
    await t.signIn('director-window', 'director');
    await t.ok('staff/setActive', { id: adminId, version: 1, active: false }, 'director-window');
    expectError(await t.call('staff/accounts', {}, ADMIN), 'UNAUTHENTICATED');
  });
});

describe('staff/resetPassword', () => {
  it('sets a new production-strength hash, signs the person out, audits without the password', async () => {
    await t.ok('staff/resetPassword', { id: liId, password: 'set by the admin' }, ADMIN);
    expectError(await t.call('cases/queue', {}, LI), 'UNAUTHENTICATED');
    const stored = await t.db
      .selectFrom('staff')
      .select('passwordHash')
      .where('id', '=', liId)
      .executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('set by the admin', stored.passwordHash)).toBe(true);
    const audit = JSON.stringify(await auditRowsOf(t, 'staff/resetPassword'));
    expect(audit).toContain('passwordReset');
    expect(audit).not.toContain('set by the admin');
    expect(audit).not.toContain(stored.passwordHash);
  });

  it('lifts the throttle on the username it resets', async () => {
    for (let i = 0; i < 5; i += 1) {
      await t.call('auth/signIn', { username: 'li', password: 'wrong guess' }, `guess-${i}`);
    }
    expectError(
      await t.call('auth/signIn', { username: 'li', password: TEST_PASSWORD }, LI),
      'THROTTLED',
    );
    await t.ok('staff/resetPassword', { id: liId, password: 'set by the admin' }, ADMIN);
    await t.ok('auth/signIn', { username: 'li', password: 'set by the admin' }, LI);
  });

  it('refuses a short password next to the field', async () => {
    await expectRefused(t, 'staff/resetPassword', { id: liId, password: 'short' }, 'password');
  });
});

describe('only an admin manages staff', () => {
  it('answers FORBIDDEN to a mediator and to reception, changing nothing', async () => {
    const before = await dumpTables(t.db);
    for (const session of [LI, t.session]) {
      expectError(await t.call('staff/accounts', {}, session), 'FORBIDDEN');
      expectError(
        await t.call(
          'staff/update',
          { id: liId, version: 1, displayName: 'x', roles: ['admin'], studioIds: [] },
          session,
        ),
        'FORBIDDEN',
      );
      expectError(
        await t.call('staff/setActive', { id: liId, version: 1, active: false }, session),
        'FORBIDDEN',
      );
      expectError(
        await t.call('staff/resetPassword', { id: liId, password: 'long enough one' }, session),
        'FORBIDDEN',
      );
    }
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
