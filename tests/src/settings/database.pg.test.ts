import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TLSSocket } from 'node:tls';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../../src/db/database';
import { parsePostgresUrl, type PostgresConnection } from '../../../src/db/postgres/pg-connection';
import { probeServer } from '../../../src/db/postgres/probe';
import { insertStaff } from '../../../src/staff/staff.repository';
import { startPgCluster, type PgCluster } from '../../harness/pg-cluster';
import { cheapPasswordHash, FROZEN_NOW, type TestCore } from '../../support/test-core';
import { createEmptyDatabase, type TestPostgresDatabase } from '../../support/test-postgres';
import { closedPort, silentServer, switchToServer } from './database-support';
import { ADMIN, openAdminCore } from './support/admin-core';

/**
 * The connection test against real servers: every problem it names that a server (or a socket
 * standing in for one) can be made to show, and what it finds in a database that works.
 */
const url = inject('pgUrl');
const server = parsePostgresUrl(url);
const databases: TestPostgresDatabase[] = [];
const roles: string[] = [];

async function adminSql(sqlText: string, database = server.database): Promise<pg.QueryResult> {
  const client = new pg.Client({ ...server, database });
  await client.connect();
  try {
    return await client.query(sqlText);
  } finally {
    await client.end();
  }
}

async function emptyDatabase(): Promise<TestPostgresDatabase> {
  const created = await createEmptyDatabase(url, 'md_h2');
  databases.push(created);
  return created;
}

async function migratedDatabase(): Promise<TestPostgresDatabase> {
  const created = await emptyDatabase();
  await (await openDatabase({ file: '', postgres: created.connection })).destroy();
  return created;
}

afterAll(async () => {
  for (const d of databases) await d.drop();
  for (const role of roles) await adminSql(`drop role if exists ${role}`);
});

describe('probeServer: what a working database holds', () => {
  it('an empty database: reachable, our schema absent, no records', async () => {
    const { connection } = await emptyDatabase();
    expect(await probeServer(connection)).toEqual({
      problem: null,
      message: {
        key: 'error.database.connected.empty',
        params: { version: expect.stringMatching(/^\d+\.\d+$/), database: connection.database },
      },
      serverVersion: expect.stringMatching(/^\d+\.\d+$/),
      schema: 'empty',
      hasRecords: false,
    });
  });

  it('migrated by this version: current; with a staff account: records', async () => {
    const { connection } = await migratedDatabase();
    expect(await probeServer(connection)).toMatchObject({
      problem: null,
      message: { key: 'error.database.connected.current' },
      schema: 'current',
      hasRecords: false,
    });
    const db = await openDatabase({ file: '', postgres: connection });
    await insertStaff(db, {
      username: 'someone',
      displayName: '某人',
      passwordHash: cheapPasswordHash('x'),
      roles: ['reception'],
      studioIds: [],
      createdAt: FROZEN_NOW.toISOString(),
    });
    await db.destroy();
    expect(await probeServer(connection)).toMatchObject({
      problem: null,
      message: { key: 'error.database.connected.currentWithRecords' },
      schema: 'current',
      hasRecords: true,
    });
  });

  it('migrated by an earlier version: older, to be upgraded on switching', async () => {
    const { connection, name } = await migratedDatabase();
    await adminSql(`delete from kysely_migration where name = '0010_center_server'`, name);
    expect(await probeServer(connection)).toMatchObject({
      problem: null,
      message: { key: 'error.database.connected.older' },
      schema: 'older',
      hasRecords: false,
    });
  });

  it('upgraded by a newer app: schemaNewer, naming the migrations it does not know', async () => {
    const { connection, name } = await migratedDatabase();
    await adminSql(
      `insert into kysely_migration (name, timestamp) values ('0099_future', '2030-01-01T00:00:00Z')`,
      name,
    );
    expect(await probeServer(connection)).toMatchObject({
      problem: 'schemaNewer',
      message: { key: 'error.database.schemaNewer', params: { migrations: '0099_future' } },
      schema: 'newer',
      hasRecords: null,
    });
  });

  it('another program’s tables and none of ours: refused, asking for an empty database', async () => {
    const { connection, name } = await emptyDatabase();
    await adminSql('create table ledger (id int primary key)', name);
    expect(await probeServer(connection)).toMatchObject({
      problem: 'unknown',
      message: { key: 'error.database.foreignTables' },
    });
  });
});

describe('probeServer: advice that does not stop the switch', () => {
  it('LC_CTYPE C: connected, with a note that Chinese searches will be slow, in both languages', async () => {
    const { connection, name } = await emptyDatabase();
    await adminSql(`drop database ${name}`);
    await adminSql(`create database ${name} template template0 encoding 'UTF8' locale 'C'`);
    const probe = await probeServer(connection);
    expect(probe).toMatchObject({
      problem: null,
      schema: 'empty',
      notice: { key: 'error.database.ctypeSlowSearch', params: { database: name, ctype: 'C' } },
    });
    const t = await openAdminCore();
    try {
      for (const [locale, text] of [
        ['zh-CN', '汉字不计为文字'],
        ['en', 'Chinese characters are not letters'],
      ] as const) {
        await t.ok('session/setLocale', { locale }, ADMIN);
        const report = await t.ok('database/test', { connection }, ADMIN);
        expect(report.ok).toBe(true);
        expect(report.message).toContain(text);
      }
    } finally {
      await t.close();
    }
  });
});

describe('probeServer: problems', () => {
  it('unreachable: nothing listens at the port', async () => {
    const port = await closedPort();
    expect(await probeServer({ ...server, port })).toMatchObject({
      problem: 'unreachable',
      message: { key: 'error.database.unreachable', params: { host: '127.0.0.1', port } },
      serverVersion: null,
    });
  });

  it('unreachable: no server by that name', async () => {
    expect(await probeServer({ ...server, host: 'no-such-server.invalid' })).toMatchObject({
      problem: 'unreachable',
      message: { key: 'error.database.hostNotFound' },
    });
  });

  it('timeout: the port accepts the connection and never answers', async () => {
    const silent = await silentServer();
    try {
      const started = performance.now();
      const probe = await probeServer({ ...server, port: silent.port }, { timeoutMs: 300 });
      expect(probe).toMatchObject({
        problem: 'timeout',
        message: { key: 'error.database.timeout' },
      });
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      await silent.close();
    }
  });

  it('tls: encryption asked of a server that has none (or given where it has)', async () => {
    const { rows } = await adminSql('show ssl');
    const probe = await probeServer({ ...server, tls: 'require' });
    if (rows[0]?.ssl === 'off') {
      expect(probe).toMatchObject({
        problem: 'tls',
        message: { key: 'error.database.tls.notSupported' },
      });
    } else {
      expect(probe).toMatchObject({ problem: null });
    }
  });

  it('tls: a certificate this computer does not trust (verify-full)', async () => {
    const fake = await selfSignedTlsServer();
    try {
      expect(await probeServer({ ...server, port: fake.port, tls: 'verify-full' })).toMatchObject({
        problem: 'tls',
        message: { key: 'error.database.tls.untrusted' },
      });
    } finally {
      await fake.close();
    }
  });

  it('authentication: a user the server does not know', async () => {
    expect(await probeServer({ ...server, user: 'md_h2_nobody' })).toMatchObject({
      problem: 'authentication',
      message: {
        key: 'error.database.authentication.refused',
        params: { user: 'md_h2_nobody' },
      },
    });
  });

  it('databaseMissing: no database by that name', async () => {
    expect(await probeServer({ ...server, database: 'md_h2_missing' })).toMatchObject({
      problem: 'databaseMissing',
      message: { key: 'error.database.databaseMissing', params: { database: 'md_h2_missing' } },
    });
  });

  it('permission: a user who may connect but not create the tables, then not the extensions', async () => {
    const role = `md_h2_clerk_${process.pid}`;
    roles.push(role);
    await adminSql(`create role ${role} login`);
    const { connection, name } = await emptyDatabase();
    // PostgreSQL 15's default; said outright so that older servers behave the same.
    await adminSql('revoke create on schema public from public', name);
    const asRole: PostgresConnection = { ...connection, user: role };
    expect(await probeServer(asRole)).toMatchObject({
      problem: 'permission',
      message: { key: 'error.database.permission.schema', params: { user: role, database: name } },
      schema: 'empty',
    });
    await adminSql(`grant create on schema public to ${role}`, name);
    expect(await probeServer(asRole)).toMatchObject({
      problem: 'permission',
      message: { key: 'error.database.permission.extension' },
    });
    await adminSql(`grant create on database ${name} to ${role}`, name);
    expect(await probeServer(asRole)).toMatchObject({ problem: null, schema: 'empty' });

    // The app's tables are there, someone else's: not writable, and not upgradable.
    const migrated = await migratedDatabase();
    const onMigrated: PostgresConnection = { ...migrated.connection, user: role };
    expect(await probeServer(onMigrated)).toMatchObject({
      problem: 'permission',
      message: { key: 'error.database.permission.tables', params: { user: role } },
    });
    // Readable, but owned by another user: an upgrade would fail.
    await adminSql(`grant select on all tables in schema public to ${role}`, migrated.name);
    await adminSql(`delete from kysely_migration where name = '0010_center_server'`, migrated.name);
    expect(await probeServer(onMigrated)).toMatchObject({
      problem: 'permission',
      message: { key: 'error.database.permission.migrate' },
      schema: 'older',
    });
  });
});

describe('a server that demands a password', () => {
  const PASSWORD = 'center-secret-1';
  let cluster: PgCluster;
  let at: PostgresConnection;
  beforeAll(async () => {
    cluster = await startPgCluster({ password: PASSWORD });
    at = {
      host: '127.0.0.1',
      port: cluster.port,
      database: 'postgres',
      user: 'postgres',
      password: PASSWORD,
      tls: 'disable',
    };
  }, 60_000);
  afterAll(() => cluster.stop());

  it('wrong password: authentication, pointing at the password and pg_hba.conf', async () => {
    expect(await probeServer({ ...at, password: 'wrong' })).toMatchObject({
      problem: 'authentication',
      message: { key: 'error.database.authentication' },
    });
  });

  it('no password: asks for one', async () => {
    expect(await probeServer({ ...at, password: '' })).toMatchObject({
      problem: 'authentication',
      message: { key: 'error.database.authentication.passwordNeeded' },
    });
  });

  it('the right password: connected', async () => {
    expect(await probeServer(at)).toMatchObject({ problem: null, schema: 'empty' });
  });

  it('through the API: explained in words; once switched, an empty password means the stored one, which is never shown', async () => {
    const t: TestCore = await openAdminCore();
    try {
      const wrong = await t.ok(
        'database/test',
        { connection: { ...at, password: 'wrong' } },
        ADMIN,
      );
      expect(wrong).toMatchObject({ ok: false, problem: 'authentication' });
      expect(wrong.message).toContain('pg_hba.conf');
      expect(wrong.message).toContain('“postgres”的密码');

      const client = new pg.Client(at);
      await client.connect();
      await client.query('create database md_h2_center');
      await client.end();
      const center = { ...at, database: 'md_h2_center' };
      expect(await t.ok('database/switch', switchToServer(center), ADMIN)).toEqual({
        engine: 'postgres',
        copied: null,
      });
      // A new, empty server: its first account is set up as on a first start.
      const setup = {
        displayName: '管理员',
        username: 'admin',
        password: 'center-admin-1',
        roles: ['admin'],
      };
      await t.ok('auth/setup', setup, 'server-window');
      const status = await t.ok('database/status', {}, 'server-window');
      expect(status).toMatchObject({
        engine: 'postgres',
        server: {
          port: cluster.port,
          database: 'md_h2_center',
          user: 'postgres',
          hasPassword: true,
        },
      });
      expect(JSON.stringify(status)).not.toContain(PASSWORD);
      const again = await t.ok(
        'database/test',
        { connection: { ...center, password: '' } },
        'server-window',
      );
      expect(again).toMatchObject({ ok: true, schema: 'current', hasRecords: true });
      // Another database on the same server is another connection: no password is lent to it.
      const other = await t.ok(
        'database/test',
        { connection: { ...center, database: 'postgres', password: '' } },
        'server-window',
      );
      expect(other).toMatchObject({ ok: false, problem: 'authentication' });
      expect(t.internalErrors).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

/** A socket that answers PostgreSQL's SSLRequest with "yes" and a self-signed certificate. */
async function selfSignedTlsServer(): Promise<{ port: number; close(): Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'md-tls-'));
  const [keyFile, certFile] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      '/CN=127.0.0.1',
      '-days',
      '1',
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(keyFile);
  const cert = readFileSync(certFile);
  rmSync(dir, { recursive: true, force: true });
  const tlsServer: Server = createServer((socket) => {
    socket.once('data', () => {
      socket.write('S');
      const secure = new TLSSocket(socket, { isServer: true, key, cert });
      secure.on('error', () => undefined);
    });
  });
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  const address = tlsServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { port, close: () => new Promise((resolve) => tlsServer.close(() => resolve())) };
}
