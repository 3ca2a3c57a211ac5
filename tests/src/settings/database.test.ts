import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { methods } from '../../../src/api/contract';
import { createDispatcher } from '../../../src/api/dispatcher';
import type { SessionState } from '../../../src/api/method';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, type TestCore } from '../../support/test-core';
import { testEngine } from '../../support/test-postgres';
import { closedPort, connectionAt, switchToServer } from './database-support';
import { ADMIN, auditRowsOf, expectRefused, openAdminCore } from './support/admin-core';

/**
 * Settings → Database on either engine: what is in use, testing a connection, and every way a
 * switch is refused before anything changes. The switches that succeed, and the tests against
 * real servers, are in database.pg.test.ts.
 */
const engine = testEngine();
let t: TestCore;
let port: number;

beforeAll(async () => {
  t = await openAdminCore();
  await t.addStaff({ username: 'director', roles: ['director'] });
  await t.signIn('director-window', 'director');
  port = await closedPort();
});
afterAll(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

describe('database/status', () => {
  it('names the database in use and never a password', async () => {
    const status = await t.ok('database/status', {}, ADMIN);
    expect(status.engine).toBe(engine);
    expect(status.file).toBe(t.dbFile);
    expect(status.canKeepPasswords).toBe(false); // the tests' store keeps choices in memory
    if (engine === 'sqlite') {
      expect(status).toMatchObject({ server: null, serverVersion: null });
    } else {
      expect(status.server).toMatchObject({ tls: 'disable', hasPassword: false });
      expect(status.server?.database).toMatch(/^md_t_/);
      expect(status.serverVersion).toMatch(/^\d+\.\d+$/);
    }
    expect(JSON.stringify(status)).not.toContain('"password"');
  });
});

describe('database/test', () => {
  it('reports a server that does not answer, with the address, in the window’s language', async () => {
    const report = await t.ok('database/test', { connection: connectionAt(port) }, ADMIN);
    expect(report).toMatchObject({
      ok: false,
      problem: 'unreachable',
      serverVersion: null,
      schema: null,
      hasRecords: null,
    });
    expect(report.message).toContain(`127.0.0.1:${port}`);
    expect(report.message).toContain('防火墙');
    await t.ok('session/setLocale', { locale: 'en' }, ADMIN);
    const english = await t.ok('database/test', { connection: connectionAt(port) }, ADMIN);
    expect(english.message).toContain(`Nothing answers at 127.0.0.1:${port}`);
    await t.ok('session/setLocale', { locale: 'zh-CN' }, ADMIN);
  });

  it.each([
    ['connection', {}],
    ['connection.host', { connection: connectionAt(5432, { host: '' }) }],
    ['connection.host', { connection: connectionAt(5432, { host: 'db server' }) }],
    ['connection.host', { connection: connectionAt(5432, { host: 'postgres://db' }) }],
    ['connection.port', { connection: connectionAt(0) }],
    ['connection.port', { connection: connectionAt(65536) }],
    ['connection.port', { connection: connectionAt(5432.5) }],
    ['connection.port', { connection: { ...connectionAt(5432), port: '5432' } }],
    ['connection.database', { connection: connectionAt(5432, { database: 'my db' }) }],
    ['connection.database', { connection: connectionAt(5432, { database: '1st' }) }],
    ['connection.database', { connection: connectionAt(5432, { database: 'd'.repeat(64) }) }],
    ['connection.user', { connection: connectionAt(5432, { user: 'a;drop' }) }],
    ['connection.user', { connection: connectionAt(5432, { user: ' ' }) }],
    ['connection.password', { connection: connectionAt(5432, { password: 'p'.repeat(201) }) }],
    ['connection.tls', { connection: { ...connectionAt(5432), tls: 'prefer' } }],
  ])('refuses bad input at %s', async (path, input) => {
    await expectRefused(t, 'database/test', input, path);
  });
});

describe('database/switch refusals: nothing changes', () => {
  it.each([
    ['engine', { engine: 'mysql' }],
    ['engine', {}],
    ['connection', { engine: 'postgres', copyLocalData: false }],
    ['copyLocalData', { engine: 'postgres', connection: connectionAt(5432) }],
    ['copyLocalData', { ...switchToServer(connectionAt(5432)), copyLocalData: 'yes' }],
    ['connection.host', switchToServer(connectionAt(5432, { host: 'a b' }))],
    ['connection.port', switchToServer(connectionAt(-1))],
    [
      'connection.tls',
      {
        ...switchToServer(connectionAt(5432)),
        connection: { ...connectionAt(5432), tls: 'allow' },
      },
    ],
  ])('bad input at %s', async (path, input) => {
    await expectRefused(t, 'database/switch', input, path);
  });

  it('to the database already in use', async () => {
    if (engine === 'sqlite') {
      await expectRefused(t, 'database/switch', { engine: 'sqlite' }, 'engine');
    } else {
      const { server } = await t.ok('database/status', {}, ADMIN);
      if (server === null) expect.fail('a server in use');
      const { hasPassword: _, ...connection } = server;
      const input = switchToServer({ ...connection, password: '' });
      await expectRefused(t, 'database/switch', input, 'connection.database');
    }
    expect(await auditRowsOf(t, 'database/switch')).toEqual([]);
  });

  it('to a server that does not answer, at the host field with the test’s explanation', async () => {
    const error = await expectRefused(
      t,
      'database/switch',
      switchToServer(connectionAt(port)),
      'connection.host',
    );
    expect(error.message).toContain('未切换');
    expect(error.fields?.['connection.host']).toContain(`127.0.0.1:${port}`);
    expect((await t.ok('database/status', {}, ADMIN)).engine).toBe(engine);
  });

  it('copying records from anything but this computer’s database', async () => {
    // On the embedded engine the copy could go ahead, and the closed port refuses it instead.
    const field = engine === 'postgres' ? 'copyLocalData' : 'connection.host';
    await expectRefused(t, 'database/switch', switchToServer(connectionAt(port), true), field);
  });
});

describe('database/* roles', () => {
  const calls = [
    ['database/status', {}],
    ['database/test', { connection: connectionAt(5432) }],
    ['database/switch', { engine: 'sqlite' }],
  ] as const;

  it('are the administrator’s: others are refused before anything is tried', async () => {
    const before = await dumpTables(t.db);
    for (const [method, input] of calls) {
      for (const session of [t.session, 'director-window']) {
        const error = expectError(await t.call(method, input, session), 'FORBIDDEN');
        expect(error.message).toContain('系统管理员');
      }
      expectError(await t.call(method, input, 'nobody-window'), 'UNAUTHENTICATED');
    }
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('are refused clearly where the host offers no database switch', async () => {
    const admin: SessionState = {
      caller: { staffId: 1, displayName: 'admin', roles: ['admin'], studioIds: [] },
      locale: 'zh-CN',
    };
    const dispatch = createDispatcher({ db: t.db, methods, session: () => admin });
    const before = await dumpTables(t.db);
    for (const [method, input] of [calls[0], calls[2]]) {
      const error = expectError(await dispatch('k', method, input), 'FORBIDDEN');
      expect(error.message).toBe('此处不能更改数据库');
    }
    // Testing a connection needs no switch.
    const tested = await dispatch('k', 'database/test', { connection: connectionAt(port) });
    expect(tested).toMatchObject({ ok: true, value: { problem: 'unreachable' } });
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
