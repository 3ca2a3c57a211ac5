import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';

const ADMIN_SESSION = 'admin-window';

let t: TestCore;
beforeAll(async () => {
  t = await openTestCore();
  await t.addStaff({ username: 'admin', displayName: '系统管理员', roles: ['admin'] });
  await t.signIn(ADMIN_SESSION, 'admin');
});
afterAll(async () => {
  await t.close();
});

const newStaff = (overrides: Record<string, unknown> = {}) => ({
  displayName: '刘调解',
  username: 'liu.mediator',
  password: 'a long enough password',
  roles: ['mediator'],
  studioIds: [] as number[],
  ...overrides,
});

/** Calls staff/create as admin; asserts VALIDATION at `path` and an unchanged database. */
async function expectRefused(input: unknown, path: string, text?: string) {
  const before = await dumpTables(t.db);
  const internalBefore = t.internalErrors.length;
  const error = expectError(await t.call('staff/create', input, ADMIN_SESSION), 'VALIDATION');
  expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toContain(path);
  expect(error.fields?.[path]?.trim()).not.toBe('');
  if (text !== undefined) expect(error.fields?.[path]).toBe(text);
  expect(await dumpTables(t.db)).toEqual(before);
  expect(t.internalErrors.slice(internalBefore)).toEqual([]);
}

describe('staff/create', () => {
  it('creates a mediator in a studio, who can then sign in and see only that studio', async () => {
    const medical = await t.studioId('medical');
    const created = await t.ok('staff/create', newStaff({ studioIds: [medical] }), ADMIN_SESSION);
    expect(created).toEqual({
      id: expect.any(Number),
      username: 'liu.mediator',
      displayName: '刘调解',
      roles: ['mediator'],
      studioIds: [medical],
    });
    const caller = await t.ok(
      'auth/signIn',
      { username: 'liu.mediator', password: 'a long enough password' },
      'mediator-window',
    );
    expect(caller).toMatchObject({ roles: ['mediator'], studioIds: [medical] });
    const audit = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('method', '=', 'staff/create')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.after).not.toContain('a long enough password');
    expect(audit[0]?.after).not.toContain('scrypt');
  });

  it('refuses a username that is taken', async () => {
    await expectRefused(newStaff({ username: 'admin' }), 'username', '该用户名已被使用');
  });

  it('refuses a short password, a bad username and no roles', async () => {
    await expectRefused(
      newStaff({ username: 'x1', password: 'short' }),
      'password',
      '密码至少 10 位',
    );
    await expectRefused(newStaff({ username: 'has space' }), 'username');
    await expectRefused(newStaff({ username: 'noroles', roles: [] }), 'roles', '至少选择一个角色');
    await expectRefused(newStaff({ username: 'badrole', roles: ['janitor'] }), 'roles.0');
  });

  // The message key validation.studio.unknownIn exists for this, but nothing checks the ids:
  // the insert into staff_studios hits the foreign key and the caller gets INTERNAL.
  it('refuses a studio id that does not exist as a field error on studioIds', async () => {
    await expectRefused(newStaff({ username: 'ghost.studio', studioIds: [4242] }), 'studioIds');
  });

  // z.array(z.enum(ROLES)) lets a role through twice; the staff_roles primary key then fails.
  it('does not fail internally on a role or studio listed twice', async () => {
    const medical = await t.studioId('medical');
    for (const [username, input] of [
      ['twice.role', { roles: ['clerk', 'clerk'] }],
      ['twice.studio', { roles: ['clerk'], studioIds: [medical, medical] }],
    ] as const) {
      const internalBefore = t.internalErrors.length;
      const result = await t.call('staff/create', newStaff({ username, ...input }), ADMIN_SESSION);
      expect(t.internalErrors.slice(internalBefore), username).toEqual([]);
      if (result.ok) expect(result.value.roles, username).toEqual(['clerk']);
      else expect(result.error.code, username).toBe('VALIDATION');
    }
  });
});
