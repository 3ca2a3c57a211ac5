import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { MethodName, MethodOutput } from '../../../../src/api/contract';
import type { ApiResult } from '../../../../src/api/result';
import { openCore } from '../../../../src/app/core';
import { insertStaff } from '../../../../src/staff/staff.repository';
import type { Role } from '../../../../src/staff/staff.schema';
import {
  cheapPasswordHash,
  FROZEN_NOW,
  makeTempDir,
  TEST_PASSWORD,
} from '../../../support/test-core';
import { createTestDatabase, testEngine } from '../../../support/test-postgres';

/**
 * A core on the run's engine (SQLite file or a fresh PostgreSQL database) whose activity clock
 * (the idle lock's) the test moves by hand. Nobody is signed in at first.
 */
export async function openClockedEngineCore() {
  const dir = makeTempDir('mediation-desk-sync-');
  const server = testEngine() === 'postgres' ? await createTestDatabase() : null;
  let ms = 1_000_000;
  const internalErrors: unknown[] = [];
  const core = await openCore({
    dbFile: path.join(dir, 'desk.sqlite'),
    ...(server === null ? {} : { postgres: server.connection }),
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
    db: core.db,
    internalErrors,
    call,
    ok,
    advanceMinutes(minutes: number) {
      ms += minutes * 60_000;
    },
    async addStaff(username: string, roles: readonly Role[]) {
      await insertStaff(core.db, {
        username,
        displayName: username,
        passwordHash: cheapPasswordHash(TEST_PASSWORD),
        roles,
        studioIds: [],
        createdAt: FROZEN_NOW.toISOString(),
      });
    },
    signIn(session: string, username: string) {
      return ok(session, 'auth/signIn', { username, password: TEST_PASSWORD });
    },
    async close() {
      await core.close();
      await server?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
