import { expect } from 'vitest';
import type { MethodName } from '../../src/api/contract';
import type { CaseStatus, IntakeInput } from '../../src/cases/case.schema';
import { dumpTables } from './db-snapshot';
import { intake } from './fixtures';
import {
  createClock,
  expectError,
  FROZEN_NOW,
  openTestCore,
  RECEPTION_SESSION,
  type TestCore,
} from './test-core';

/**
 * A center with one person per role the case lifecycle needs, each signed in on their own
 * window, on a clock the test moves by hand.
 */

/** Session keys: one window per staff member. */
export const S = {
  reception: RECEPTION_SESSION,
  /** 李医调: mediator of the medical studio. */
  mediator: 'window-mediator',
  /** 周医调: a second mediator of the medical studio. */
  mediator2: 'window-mediator2',
  /** 孙劳调: mediator of the labour studio only. */
  labourMediator: 'window-labour-mediator',
  /** 钱书记: clerk of the medical studio. */
  clerk: 'window-clerk',
  /** 吴书记: clerk of the labour studio only. */
  labourClerk: 'window-labour-clerk',
  /** 陈主任: director, center-wide. */
  director: 'window-director',
  /** 管理员: admin only. */
  admin: 'window-admin',
  /** 全能: reception + mediator + clerk + director of the medical studio (to reach state checks). */
  all: 'window-all',
  /** Nobody signed in. */
  anonymous: 'window-anonymous',
} as const;

export const NAMES = {
  reception: '前台小王',
  mediator: '李医调',
  mediator2: '周医调',
  labourMediator: '孙劳调',
  clerk: '钱书记',
  labourClerk: '吴书记',
  director: '陈主任',
  admin: '管理员',
  all: '全能',
} as const;

export interface Center {
  readonly t: TestCore;
  readonly clock: ReturnType<typeof createClock>;
  readonly studio: Record<
    'medical' | 'labour' | 'judicial' | 'court' | 'family' | 'township',
    number
  >;
  readonly staff: Record<Exclude<keyof typeof NAMES, 'reception'>, number> & { reception: number };
  close(): Promise<void>;
}

/** Opens a test core with the staff above, all signed in, the clock at `start` (Beijing 10:00). */
export async function openCenter(start: Date | string = FROZEN_NOW): Promise<Center> {
  const clock = createClock(new Date(start));
  const t = await openTestCore({ now: clock.now });
  const studio = {
    medical: await t.studioId('medical'),
    labour: await t.studioId('labour'),
    judicial: await t.studioId('judicial'),
    court: await t.studioId('court'),
    family: await t.studioId('family'),
    township: await t.studioId('township'),
  };
  const add = async (
    key: Exclude<keyof typeof NAMES, 'reception'>,
    roles: Parameters<TestCore['addStaff']>[0]['roles'],
    studios: string[],
  ) => {
    const id = await t.addStaff({
      username: `user.${key}`,
      displayName: NAMES[key],
      roles,
      studios,
    });
    await t.signIn(S[key], `user.${key}`);
    return id;
  };
  const reception = await t.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', 'reception')
    .executeTakeFirstOrThrow();
  const staff = {
    reception: reception.id,
    mediator: await add('mediator', ['mediator'], ['medical']),
    mediator2: await add('mediator2', ['mediator'], ['medical']),
    labourMediator: await add('labourMediator', ['mediator'], ['labour']),
    clerk: await add('clerk', ['clerk'], ['medical']),
    labourClerk: await add('labourClerk', ['clerk'], ['labour']),
    director: await add('director', ['director'], []),
    admin: await add('admin', ['admin'], []),
    all: await add('all', ['reception', 'mediator', 'clerk', 'director'], ['medical']),
  };
  return { t, clock, studio, staff, close: () => t.close() };
}

/** Registers a medical (or other studio's) dispute through reception; returns id and number. */
export async function register(
  c: Center,
  studioCode: keyof Center['studio'] = 'medical',
  overrides: Partial<IntakeInput> = {},
) {
  return c.t.ok('cases/register', intake(c.studio[studioCode], overrides));
}

/** The case's current version, read straight from the database. */
export async function versionOf(c: Center, id: number): Promise<number> {
  const row = await c.t.db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function caseRow(c: Center, id: number) {
  return c.t.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** One call on the case at its current version, which must succeed. */
export async function act<M extends MethodName>(
  c: Center,
  method: M,
  id: number,
  extra: Record<string, unknown> = {},
  session: string = S.all,
) {
  return c.t.ok(method, { id, version: await versionOf(c, id), ...extra }, session);
}

export type Reachable = CaseStatus;

/**
 * Drives a registered case to `target` through the API (medical-studio staff; written agreement
 * for concluded and archived).
 */
export async function driveTo(
  c: Center,
  id: number,
  target: Reachable,
  conclude: Record<string, unknown> = { outcome: 'written_agreement' },
): Promise<void> {
  switch (target) {
    case 'registered':
      return;
    case 'declined':
      await act(c, 'cases/decline', id, { reason: '不属于人民调解受理范围' }, S.reception);
      return;
    case 'referred':
      await act(
        c,
        'cases/refer',
        id,
        { referredTo: '区劳动人事争议仲裁院', reason: '属劳动仲裁事项' },
        S.reception,
      );
      return;
    case 'accepted':
      await act(c, 'cases/accept', id, {}, S.reception);
      return;
    case 'in_mediation':
      await driveTo(c, id, 'accepted');
      await act(c, 'cases/startMediation', id, {}, S.mediator);
      return;
    case 'concluded':
      await driveTo(c, id, 'in_mediation');
      await act(c, 'cases/conclude', id, conclude, S.mediator);
      return;
    case 'archived':
      await driveTo(c, id, 'concluded', conclude);
      await act(c, 'cases/archive', id, {}, S.clerk);
      return;
  }
}

/** Registers a case and drives it to `target`. */
export async function caseIn(
  c: Center,
  target: Reachable,
  studioCode: keyof Center['studio'] = 'medical',
  conclude?: Record<string, unknown>,
) {
  const registered = await register(c, studioCode);
  await driveTo(c, registered.id, target, conclude);
  return registered;
}

/**
 * Runs `call`, expects it to fail with `code` and to leave every table exactly as it was;
 * returns the error.
 */
export async function expectRefused(
  c: Center,
  code: Parameters<typeof expectError>[1],
  call: () => ReturnType<TestCore['call']>,
) {
  const before = await dumpTables(c.t.db);
  const error = expectError(await call(), code);
  expect(await dumpTables(c.t.db), `${code}: ${error.message}`).toEqual(before);
  return error;
}
