import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../src/api/dispatcher';
import { defineMethod, type SessionState } from '../../../src/api/method';
import { AppError } from '../../../src/api/result';
import { z } from '../../../src/shared/zod-messages';
import { dumpTables, tableCounts } from '../../support/db-snapshot';
import { IDS, intake, person } from '../../support/fixtures';
import { expectError, FROZEN_NOW, openTestCore, type TestCore } from '../../support/test-core';

describe('dispatcher, through the core', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await openTestCore();
  });
  afterEach(async () => {
    await t.close();
  });

  it('answers NOT_FOUND for a method that does not exist, signed in or not', async () => {
    for (const name of [
      'cases/nope',
      '',
      'toString',
      '__proto__',
      'constructor',
      'hasOwnProperty',
    ]) {
      for (const session of [t.session, 'anonymous']) {
        const result = await t.core.dispatch(session, name, {});
        expect(expectError(result, 'NOT_FOUND').message, name).toContain(name);
      }
    }
  });

  it('answers UNAUTHENTICATED to a caller who is not signed in, before looking at the input', async () => {
    const medical = await t.studioId('medical');
    const before = await dumpTables(t.db);
    expectError(await t.call('cases/register', intake(medical), 'anonymous'), 'UNAUTHENTICATED');
    expectError(await t.call('cases/register', { junk: true }, 'anonymous'), 'UNAUTHENTICATED');
    expectError(await t.call('cases/queue', {}, 'anonymous'), 'UNAUTHENTICATED');
    expectError(await t.call('studios/list', {}, 'anonymous'), 'UNAUTHENTICATED');
    expectError(await t.call('parties/search', { q: '张' }, 'anonymous'), 'UNAUTHENTICATED');
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('lets public methods through without a session', async () => {
    const status = await t.ok('auth/status', {}, 'anonymous');
    expect(status).toEqual({ needsSetup: false, caller: null, locale: 'zh-CN' });
  });

  it('forgets the caller on auth/signOut and on endSession', async () => {
    expect((await t.ok('auth/status', {})).caller?.roles).toEqual(['reception']);
    await t.ok('auth/signOut', {});
    expectError(await t.call('cases/queue', {}), 'UNAUTHENTICATED');

    await t.signIn('other-window', 'reception');
    await t.ok('cases/queue', {}, 'other-window');
    t.core.endSession('other-window');
    expectError(await t.call('cases/queue', {}, 'other-window'), 'UNAUTHENTICATED');
  });

  it('keeps sessions apart: signing in one window signs in no other', async () => {
    expectError(await t.call('cases/queue', {}, 'second-window'), 'UNAUTHENTICATED');
    await t.ok('cases/queue', {});
  });

  it('answers FORBIDDEN to a role without access and writes nothing', async () => {
    await t.addStaff({ username: 'mediator', roles: ['mediator'], studios: ['medical'] });
    await t.signIn('mediator-window', 'mediator');
    const medical = await t.studioId('medical');
    await t.ok('cases/register', intake(medical)); // some data, so a stray write would show
    const counts = await tableCounts(t.db);
    const before = await dumpTables(t.db);

    const register = expectError(
      await t.call('cases/register', intake(medical), 'mediator-window'),
      'FORBIDDEN',
    );
    // The roles are named in the session's language (zh-CN by default).
    expect(register.message).toBe('此操作需要以下角色之一：接待受理');
    const staff = {
      displayName: '新同事',
      username: 'newcomer',
      password: 'long enough password',
      roles: ['clerk'],
    };
    expectError(await t.call('staff/create', staff, 'mediator-window'), 'FORBIDDEN');
    expectError(await t.call('staff/create', staff), 'FORBIDDEN'); // reception is not admin

    expect(await tableCounts(t.db)).toEqual(counts);
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it("keeps a mediator to their own studios' cases", async () => {
    await t.addStaff({ username: 'mediator', roles: ['mediator'], studios: ['medical'] });
    await t.signIn('mediator-window', 'mediator');
    const medical = await t.studioId('medical');
    const labour = await t.studioId('labour');
    const own = await t.ok('cases/register', intake(medical));
    const other = await t.ok('cases/register', intake(labour, { category: 'labour' }));

    expect((await t.ok('cases/get', { id: own.id }, 'mediator-window')).number).toBe(own.number);
    expectError(await t.call('cases/get', { id: other.id }, 'mediator-window'), 'FORBIDDEN');
    expectError(await t.call('cases/queue', { studioId: labour }, 'mediator-window'), 'FORBIDDEN');
    const queue = await t.ok('cases/queue', {}, 'mediator-window');
    expect(queue.map((c) => c.number)).toEqual([own.number]);
    // Reception sees the whole center.
    expect((await t.ok('cases/queue', {})).map((c) => c.number)).toEqual([
      other.number,
      own.number,
    ]);
  });

  it('answers NOT_FOUND for a case id that does not exist', async () => {
    expectError(await t.call('cases/get', { id: 4242 }), 'NOT_FOUND');
  });

  it('localizes field errors: zh-CN by default, English after session/setLocale', async () => {
    const medical = await t.studioId('medical');
    const badId = `${IDS.zhangWei.slice(0, 17)}${IDS.zhangWei[17] === '0' ? '1' : '0'}`;
    const bad = intake(medical, {
      summary: '',
      parties: [
        { role: 'applicant', party: person({ idNumber: badId }) },
        { role: 'respondent', party: person({ idNumber: IDS.liNa, name: '李娜', sex: 'female' }) },
      ],
    });

    const zh = expectError(await t.call('cases/register', bad), 'VALIDATION');
    expect(zh.fields).toEqual({
      summary: '必填',
      'parties.0.party.idNumber': '身份证号码校验位不正确，请核对',
    });
    expect(zh.message).toMatch(/^输入有误/);

    expect(await t.ok('session/setLocale', { locale: 'en' })).toEqual({ locale: 'en' });
    const en = expectError(await t.call('cases/register', bad), 'VALIDATION');
    expect(en.fields).toEqual({
      summary: 'Required',
      'parties.0.party.idNumber': 'Resident ID check digit is wrong — please re-check the number',
    });
    expect(en.message).toMatch(/^Invalid input/);
    expect(en.message).toContain('parties.0.party.idNumber');

    // The language belongs to the session: another window still gets Chinese.
    await t.signIn('second-window', 'reception');
    const other = expectError(await t.call('cases/register', bad, 'second-window'), 'VALIDATION');
    expect(other.fields?.summary).toBe('必填');
  });

  it('refuses a locale it does not have', async () => {
    const error = expectError(await t.call('session/setLocale', { locale: 'fr' }), 'VALIDATION');
    expect(Object.keys(error.fields ?? {})).toEqual(['locale']);
    expect((await t.ok('auth/status', {})).locale).toBe('zh-CN');
  });
});

/** A dispatcher over the real database with a tiny method map of its own. */
describe('dispatcher with a custom method map', () => {
  let t: TestCore;
  let dispatch: Dispatch;
  let session: SessionState;
  let internal: { method: string; error: unknown }[];
  const boom = new Error('disk on fire');

  const writeSetting = (ctx: { db: TestCore['db'] }, key: string) =>
    ctx.db.insertInto('settings').values({ key, value: 'written' }).execute();

  const methods = {
    'test/writeAndAudit': defineMethod({
      input: z.object({ key: z.string() }),
      access: ['admin'],
      write: true,
      summary: 'writes a setting and audits it',
      handler: async (ctx, input) => {
        await writeSetting(ctx, input.key);
        await ctx.audit({ entity: 'setting', entityId: input.key, after: { value: 'written' } });
        return { key: input.key };
      },
    }),
    'test/writeWithoutAudit': defineMethod({
      input: z.object({ key: z.string() }),
      access: ['admin'],
      write: true,
      summary: 'writes a setting and forgets the audit row',
      handler: async (ctx, input) => {
        await writeSetting(ctx, input.key);
        return { key: input.key };
      },
    }),
    'test/writeThenThrow': defineMethod({
      input: z.object({ key: z.string() }),
      access: ['admin'],
      write: true,
      summary: 'writes, audits, then fails unexpectedly',
      handler: async (ctx, input) => {
        await writeSetting(ctx, input.key);
        await ctx.audit({ entity: 'setting', entityId: input.key });
        throw boom;
      },
    }),
    'test/writeThenConflict': defineMethod({
      input: z.object({ key: z.string() }),
      access: ['admin'],
      write: true,
      summary: 'writes, audits, then refuses with an AppError',
      handler: async (ctx, input) => {
        await writeSetting(ctx, input.key);
        await ctx.audit({ entity: 'setting', entityId: input.key });
        throw new AppError('CONFLICT', 'Somebody else got there first');
      },
    }),
    'test/readThatAudits': defineMethod({
      input: z.object({}),
      access: 'signedIn',
      write: false,
      summary: 'a read method that tries to audit',
      handler: async (ctx) => {
        await ctx.audit({ entity: 'setting', entityId: null });
        return null;
      },
    }),
  };

  beforeAll(async () => {
    t = await openTestCore();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(() => {
    internal = [];
    session = {
      caller: { staffId: 1, displayName: 'Admin', roles: ['admin'], studioIds: [] },
      locale: 'zh-CN',
    };
    dispatch = createDispatcher({
      db: t.db,
      methods,
      session: () => session,
      now: () => FROZEN_NOW,
      onInternalError: (method, error) => internal.push({ method, error }),
    });
  });

  const settingKeys = async () =>
    (await t.db.selectFrom('settings').select('key').orderBy('key').execute()).map((r) => r.key);

  it('control: a write with its audit row commits both', async () => {
    const auditBefore = (await tableCounts(t.db, ['audit_log'])).audit_log ?? 0;
    expect(await dispatch('k', 'test/writeAndAudit', { key: 'test.ok' })).toEqual({
      ok: true,
      value: { key: 'test.ok' },
    });
    expect(await settingKeys()).toContain('test.ok');
    const last = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      method: 'test/writeAndAudit',
      entity: 'setting',
      entityId: 'test.ok',
      staffId: 1,
      at: FROZEN_NOW.toISOString(),
      before: null,
      after: '{"value":"written"}',
    });
    expect((await tableCounts(t.db, ['audit_log'])).audit_log).toBe(auditBefore + 1);
  });

  it('rolls back an unexpected error and answers INTERNAL in the session language', async () => {
    const before = await dumpTables(t.db);
    const zh = await dispatch('k', 'test/writeThenThrow', { key: 'test.thrown' });
    expect(zh).toEqual({ ok: false, error: { code: 'INTERNAL', message: '内部错误，操作未保存' } });
    expect(internal).toEqual([{ method: 'test/writeThenThrow', error: boom }]);
    expect(await dumpTables(t.db)).toEqual(before);

    session.locale = 'en';
    const en = await dispatch('k', 'test/writeThenThrow', { key: 'test.thrown' });
    expect(en).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Internal error; nothing was saved' },
    });
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('rolls back a write whose handler refuses with an AppError', async () => {
    const before = await dumpTables(t.db);
    const result = await dispatch('k', 'test/writeThenConflict', { key: 'test.conflict' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Somebody else got there first' },
    });
    expect(internal).toEqual([]);
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('rolls back a write method that recorded no audit row', async () => {
    const before = await dumpTables(t.db);
    expectError(
      await dispatch('k', 'test/writeWithoutAudit', { key: 'test.unaudited' }),
      'INTERNAL',
    );
    expect(await settingKeys()).not.toContain('test.unaudited');
    expect(await dumpTables(t.db)).toEqual(before);
    expect(String(internal[0]?.error)).toContain('without an audit row');
  });

  it('refuses audit from a read method', async () => {
    const before = await dumpTables(t.db);
    expectError(await dispatch('k', 'test/readThatAudits', {}), 'INTERNAL');
    expect(String(internal[0]?.error)).toContain('not a write method');
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('checks the role and the input before running the handler', async () => {
    const before = await dumpTables(t.db);
    session.caller = { staffId: 2, displayName: 'Clerk', roles: ['clerk'], studioIds: [] };
    expectError(await dispatch('k', 'test/writeAndAudit', { key: 'test.clerk' }), 'FORBIDDEN');
    session.caller = null;
    expectError(await dispatch('k', 'test/writeAndAudit', { key: 'test.anon' }), 'UNAUTHENTICATED');
    session.caller = { staffId: 1, displayName: 'Admin', roles: ['admin'], studioIds: [] };
    const invalid = expectError(
      await dispatch('k', 'test/writeAndAudit', { key: 42 }),
      'VALIDATION',
    );
    expect(invalid.fields).toEqual({ key: '格式不正确' });
    expect(await dumpTables(t.db)).toEqual(before);
    expect(internal).toEqual([]);
  });
});
