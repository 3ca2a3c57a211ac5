import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { ApiResult } from '../../../../src/api/result';
import { openCore, type Core } from '../../../../src/app/core';
import { insertStaff } from '../../../../src/staff/staff.repository';
import { ROLES, type Role } from '../../../../src/staff/staff.schema';
import { intake } from '../../../support/fixtures';
import {
  cheapPasswordHash,
  FROZEN_NOW,
  makeTempDir,
  TEST_PASSWORD,
} from '../../../support/test-core';
import { createCoreTarget } from '../../../support/test-postgres';

/** Who calls: one of the roles alone, or nobody signed in. */
export type Actor = Role | 'anonymous';
export const ACTORS: readonly Actor[] = [...ROLES, 'anonymous'];

/**
 * A center with one staff member per role (mediator and clerk in the medical studio) and one
 * registered, accepted case, for calling every method as everyone. Each call gets a window of
 * its own, freshly signed in, on an activity clock moved two hours first: whatever the previous
 * call did (signed out, locked, failed passwords counted), the next one starts clean.
 */
export async function openRoleCenter() {
  const dir = makeTempDir('mediation-desk-roles-');
  const dbFile = path.join(dir, 'desk.sqlite');
  let ms = 0;
  const internalErrors: { method: string; error: unknown }[] = [];
  const database = await createCoreTarget(dbFile);
  const core: Core = await openCore({
    ...database.target,
    now: () => FROZEN_NOW,
    activityClock: () => ms,
    onInternalError: (method, error) => internalErrors.push({ method, error }),
  });
  const medical = (
    await core.db
      .selectFrom('studios')
      .select('id')
      .where('code', '=', 'medical')
      .executeTakeFirstOrThrow()
  ).id;
  for (const role of ROLES) {
    await insertStaff(core.db, {
      username: role,
      displayName: role,
      passwordHash: cheapPasswordHash(TEST_PASSWORD),
      roles: [role],
      studioIds: role === 'mediator' || role === 'clerk' ? [medical] : [],
      createdAt: FROZEN_NOW.toISOString(),
    });
  }
  let windows = 0;
  /** A new window, signed in as the actor (or not at all). */
  const windowOf = async (actor: Actor): Promise<string> => {
    ms += 2 * 60 * 60_000;
    windows += 1;
    const key = `window-${actor}-${windows}`;
    if (actor !== 'anonymous') {
      const result = await core.dispatch(key, 'auth/signIn', {
        username: actor,
        password: TEST_PASSWORD,
      });
      if (!result.ok) expect.fail(`sign-in as ${actor}: ${JSON.stringify(result.error)}`);
    }
    return key;
  };
  const call = async (actor: Actor, method: string, input: unknown): Promise<ApiResult<unknown>> =>
    core.dispatch(await windowOf(actor), method, input);

  // Some data for handlers to find: a case (id 1) with two parties (ids 1, 2), accepted.
  const registered = await call('reception', 'cases/register', intake(medical));
  if (!registered.ok) expect.fail(JSON.stringify(registered.error));
  const accepted = await call('mediator', 'cases/accept', { id: 1, version: 1 });
  if (!accepted.ok) expect.fail(JSON.stringify(accepted.error));

  return {
    core,
    db: core.db,
    dir,
    dbFile,
    internalErrors,
    call,
    async close() {
      await core.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type RoleCenter = Awaited<ReturnType<typeof openRoleCenter>>;

/** Whether the method's declared access lets the actor in. */
export function mayCall(access: 'public' | 'signedIn' | readonly Role[], actor: Actor): boolean {
  if (access === 'public') return true;
  if (actor === 'anonymous') return false;
  return access === 'signedIn' || access.includes(actor);
}
