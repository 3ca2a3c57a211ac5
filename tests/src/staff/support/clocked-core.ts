import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { MethodName, MethodOutput } from '../../../../src/api/contract';
import type { ApiResult } from '../../../../src/api/result';
import { openCore, type Core } from '../../../../src/app/core';
import { insertStaff } from '../../../../src/staff/staff.repository';
import type { Role } from '../../../../src/staff/staff.schema';
import {
  cheapPasswordHash,
  FROZEN_NOW,
  makeTempDir,
  TEST_PASSWORD,
} from '../../../support/test-core';
import { createCoreTarget } from '../../../support/test-postgres';

/**
 * A core whose activity clock (idle lock, throttling) the test moves by hand, with staff
 * inserted directly (cheap hashes, password TEST_PASSWORD). Nobody is signed in at first.
 */
export async function openClockedCore() {
  const dir = makeTempDir('mediation-desk-clocked-');
  let ms = 1_000_000;
  const internalErrors: unknown[] = [];
  const database = await createCoreTarget(path.join(dir, 'desk.sqlite'));
  const core: Core = await openCore({
    ...database.target,
    now: () => FROZEN_NOW,
    activityClock: () => ms,
    onInternalError: (_method, error) => internalErrors.push(error),
  });
  const call = <M extends MethodName>(session: string, method: M, input: unknown = {}) =>
    core.dispatch(session, method, input) as Promise<ApiResult<MethodOutput<M>>>;
  const ok = async <M extends MethodName>(session: string, method: M, input: unknown = {}) => {
    const result = await call(session, method, input);
    if (!result.ok) expect.fail(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  return {
    core,
    db: core.db,
    internalErrors,
    call,
    ok,
    /** Moves the activity clock forward. */
    advanceMinutes(minutes: number) {
      ms += minutes * 60_000;
    },
    advanceMs(delta: number) {
      ms += delta;
    },
    addStaff(username: string, roles: readonly Role[], displayName = username) {
      return insertStaff(core.db, {
        username,
        displayName,
        passwordHash: cheapPasswordHash(TEST_PASSWORD),
        roles,
        studioIds: [],
        createdAt: FROZEN_NOW.toISOString(),
      });
    },
    signIn(session: string, username: string, password = TEST_PASSWORD) {
      return call(session, 'auth/signIn', { username, password });
    },
    async close() {
      await core.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ClockedCore = Awaited<ReturnType<typeof openClockedCore>>;
