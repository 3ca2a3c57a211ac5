import { expect } from 'vitest';
import type { MethodName } from '../../../../src/api/contract';
import { dumpTables } from '../../../support/db-snapshot';
import {
  expectError,
  openTestCore,
  type TestCore,
  type TestCoreOptions,
} from '../../../support/test-core';

export const ADMIN = 'admin-window';

/** A test core (reception signed in on its default window) with an admin signed in on ADMIN. */
export async function openAdminCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const t = await openTestCore(options);
  await t.addStaff({ username: 'admin', displayName: '系统管理员', roles: ['admin'] });
  await t.signIn(ADMIN, 'admin');
  return t;
}

/**
 * The call fails with VALIDATION naming `path` (a non-empty message there), nothing in the
 * database changed, and nothing failed internally. Returns the error.
 */
export async function expectRefused(
  t: TestCore,
  method: MethodName,
  input: unknown,
  path: string,
  session = ADMIN,
) {
  const before = await dumpTables(t.db);
  const internal = t.internalErrors.length;
  const error = expectError(await t.call(method, input, session), 'VALIDATION');
  expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toContain(path);
  expect(error.fields?.[path]?.trim()).not.toBe('');
  expect(error.fields?.[path], 'a message, not a key').not.toMatch(/^validation\./);
  expect(await dumpTables(t.db)).toEqual(before);
  expect(t.internalErrors.slice(internal)).toEqual([]);
  return error;
}

/** The audit rows a method left, oldest first. */
export function auditRowsOf(t: TestCore, method: string) {
  return t.db
    .selectFrom('auditLog')
    .selectAll()
    .where('method', '=', method)
    .orderBy('id')
    .execute();
}
