import { randomBytes, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { MethodName, MethodOutput } from '../../src/api/contract';
import type { ApiError, ApiResult } from '../../src/api/result';
import { openCore, type Core } from '../../src/app/core';
import type { Database } from '../../src/db/database';
import type { PostgresConnection } from '../../src/db/postgres/pg-connection';
import type { Role } from '../../src/staff/staff.schema';
import { insertStaff } from '../../src/staff/staff.repository';
import { createTestDatabase, testEngine } from './test-postgres';

/** 2026-03-10 10:00 in Beijing: every test core runs on this frozen clock unless told otherwise. */
export const FROZEN_NOW = new Date('2026-03-10T02:00:00.000Z');

export const TEST_PASSWORD = 'correct horse battery';

/** A clock the test moves by hand (e.g. across the Asia/Shanghai new year). */
export function createClock(start: Date = FROZEN_NOW) {
  let current = start;
  return {
    now: (): Date => current,
    set: (at: Date | string): void => {
      current = new Date(at);
    },
  };
}

/** A fresh temp dir; the caller removes it (TestCore.close does). */
export function makeTempDir(prefix = 'mediation-desk-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/**
 * A password hash in the production format (`scrypt$N$r$p$salt$hash`) but with N=2^10, so that
 * seeding staff and `auth/signIn` cost about a millisecond instead of the production ~0.2 s.
 * verifyPassword reads N/r/p from the stored hash, so sign-in goes through the real code path.
 * The real `auth/setup` (N=2^17) is exercised in tests/src/cases/register.test.ts.
 */
export function cheapPasswordHash(password: string): string {
  const params = { N: 2 ** 10, r: 8, p: 1 };
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, 32, params);
  return [
    'scrypt',
    params.N,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export interface TestStaff {
  readonly username: string;
  readonly displayName?: string;
  readonly roles: readonly Role[];
  /** Studio codes (medical, labour, ...) the staff member works in. */
  readonly studios?: readonly string[];
}

export interface TestCore {
  readonly core: Core;
  readonly db: Database;
  readonly dir: string;
  readonly dbFile: string;
  /** The test's PostgreSQL database (the `postgres` project), or null on the embedded file. */
  readonly postgres: PostgresConnection | null;
  /** Session key of the signed-in reception clerk (signed out when `firstStart`). */
  readonly session: string;
  /** Errors the dispatcher reported as INTERNAL, in order. */
  readonly internalErrors: { method: string; error: unknown }[];
  /** One API call; `sessionKey` defaults to the reception session. */
  call<M extends MethodName>(
    method: M,
    input: unknown,
    sessionKey?: string,
  ): Promise<ApiResult<MethodOutput<M>>>;
  /** One API call that must succeed; fails the test with the error otherwise. */
  ok<M extends MethodName>(
    method: M,
    input: unknown,
    sessionKey?: string,
  ): Promise<MethodOutput<M>>;
  studioId(code: string): Promise<number>;
  /** Inserts a staff account directly (cheap hash, password TEST_PASSWORD); returns its id. */
  addStaff(staff: TestStaff): Promise<number>;
  /** Signs `sessionKey` in through `auth/signIn`. */
  signIn(sessionKey: string, username: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestCoreOptions {
  readonly now?: () => Date;
  /** Leave the database without staff and nobody signed in (for `auth/setup` tests). */
  readonly firstStart?: boolean;
}

export const RECEPTION_SESSION = 'window-reception';

/**
 * A core on a real database: a SQLite file in a fresh temp dir, or (the `postgres` test
 * project) a fresh PostgreSQL database copied from a migrated template. On a frozen clock, with
 * a reception clerk (username `reception`) signed in on RECEPTION_SESSION.
 */
export async function openTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const dir = makeTempDir();
  const dbFile = path.join(dir, 'desk.sqlite');
  const internalErrors: { method: string; error: unknown }[] = [];
  const server = testEngine() === 'postgres' ? await createTestDatabase() : null;
  const core = await openCore({
    dbFile,
    ...(server === null ? {} : { postgres: server.connection }),
    now: options.now ?? (() => FROZEN_NOW),
    onInternalError: (method, error) => internalErrors.push({ method, error }),
  });
  const db = core.db;

  const call = <M extends MethodName>(method: M, input: unknown, sessionKey = RECEPTION_SESSION) =>
    core.dispatch(sessionKey, method, input) as Promise<ApiResult<MethodOutput<M>>>;

  const ok = async <M extends MethodName>(
    method: M,
    input: unknown,
    sessionKey?: string,
  ): Promise<MethodOutput<M>> => {
    const result: ApiResult<MethodOutput<M>> = await call(method, input, sessionKey);
    if (!result.ok) {
      expect.fail(`${method} failed: ${JSON.stringify(result.error)}`);
    }
    return result.value;
  };

  const studioId = async (code: string) => {
    const row = await db
      .selectFrom('studios')
      .select('id')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const addStaff = async (staff: TestStaff) => {
    const studioIds: number[] = [];
    for (const code of staff.studios ?? []) studioIds.push(await studioId(code));
    return insertStaff(db, {
      username: staff.username,
      displayName: staff.displayName ?? staff.username,
      passwordHash: cheapPasswordHash(TEST_PASSWORD),
      roles: staff.roles,
      studioIds,
      createdAt: FROZEN_NOW.toISOString(),
    });
  };

  const signIn = async (sessionKey: string, username: string) => {
    await ok('auth/signIn', { username, password: TEST_PASSWORD }, sessionKey);
  };

  if (options.firstStart !== true) {
    await addStaff({ username: 'reception', displayName: '前台小王', roles: ['reception'] });
    await signIn(RECEPTION_SESSION, 'reception');
  }

  return {
    core,
    db,
    dir,
    dbFile,
    postgres: server?.connection ?? null,
    session: RECEPTION_SESSION,
    internalErrors,
    call,
    ok,
    studioId,
    addStaff,
    signIn,
    close: async () => {
      await core.close();
      await server?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Asserts a failed result with this code and returns its error. */
export function expectError(result: ApiResult<unknown>, code: ApiError['code']): ApiError {
  if (result.ok) expect.fail(`expected ${code}, got ok: ${JSON.stringify(result.value)}`);
  expect(result.error.code, JSON.stringify(result.error)).toBe(code);
  return result.error;
}
