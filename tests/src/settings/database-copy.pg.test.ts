import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../../src/audit/audit-verify';
import { CopyRefusedError, copyEmbeddedToServer } from '../../../src/db/copy/copy-to-server';
import { openDatabase, type Database } from '../../../src/db/database';
import { insertStaff } from '../../../src/staff/staff.repository';
import { dumpTables, tableCounts } from '../../support/db-snapshot';
import { intake } from '../../support/fixtures';
import { S } from '../../support/lifecycle';
import { cheapPasswordHash, expectError, FROZEN_NOW, TEST_PASSWORD } from '../../support/test-core';
import { createEmptyDatabase, type TestPostgresDatabase } from '../../support/test-postgres';
import { agreementContent, caseInMediation } from '../documents/support';
import {
  at,
  book,
  medicalCase,
  onSession,
  openScheduleCenter,
  WED,
  type ScheduleCenter,
} from '../schedule/support';
import { switchToServer } from './database-support';

/**
 * Moving a center from this computer's file to the center's server: the copy (every table,
 * verified), the app on the server afterwards, what is refused, and the way back.
 */
const url = inject('pgUrl');
const databases: TestPostgresDatabase[] = [];
let c: ScheduleCenter;
let localCases: number;
/** The server the center moved to. */
let moved: TestPostgresDatabase;

/** The center's own core runs on an embedded file, whatever this test project's engine. */
async function openEmbeddedCenter(): Promise<ScheduleCenter> {
  const engine = process.env.MD_TEST_ENGINE;
  process.env.MD_TEST_ENGINE = 'sqlite';
  try {
    return await openScheduleCenter();
  } finally {
    if (engine === undefined) delete process.env.MD_TEST_ENGINE;
    else process.env.MD_TEST_ENGINE = engine;
  }
}

async function serverDatabase(migrated: boolean): Promise<TestPostgresDatabase> {
  const created = await createEmptyDatabase(url, 'md_h2_copy');
  databases.push(created);
  if (migrated) await (await openDatabase({ file: '', postgres: created.connection })).destroy();
  return created;
}

async function onServer<T>(d: TestPostgresDatabase, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ file: '', postgres: d.connection });
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Row counts of the tables the copy carries (the migrator's own are each side's). */
async function appCounts(db: Database): Promise<Record<string, number>> {
  const counts = await tableCounts(db);
  return Object.fromEntries(Object.entries(counts).filter(([name]) => !name.startsWith('kysely_')));
}

/** Every copied table's rows, comparable across engines: keys and rows in a fixed order. */
async function content(db: Database): Promise<Record<string, string[]>> {
  const dump = await dumpTables(db);
  const out: Record<string, string[]> = {};
  for (const [table, rows] of Object.entries(dump)) {
    if (table.startsWith('kysely_')) continue;
    out[table] = rows
      .map((row) => {
        const entries = Object.entries(row as Record<string, unknown>).sort(([a], [b]) =>
          a.localeCompare(b),
        );
        return JSON.stringify(
          entries.map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('hex') : v]),
        );
      })
      .sort();
  }
  return out;
}

/** Runs a statement on the center's file beside the core (which may be on the server). */
function execOnFile(statement: string, params: unknown[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const raw = new sqlite3.Database(c.t.dbFile);
    raw.run(statement, params, (error) => {
      raw.close(() => (error === null ? resolve() : reject(error)));
    });
  });
}

/** Signs a new window in as a copied account, through the core's current database. */
async function windowAs(username: string): Promise<string> {
  const key = `window-${username}-${Math.random().toString(36).slice(2)}`;
  await c.t.ok('auth/signIn', { username, password: TEST_PASSWORD }, key);
  return key;
}

beforeAll(async () => {
  c = await openEmbeddedCenter();
  // A little of everything: cases in several states, sessions (one postponed: a row pointing at
  // a later row of its own table), documents with their PDFs, a printed agreement with a scan.
  const kase = await medicalCase(c);
  const session = await book(c, kase);
  const postponed = await onSession(c, 'schedule/postpone', session.id, {
    start: at(WED, '14:00'),
    end: at(WED, '15:00'),
    reason: '医院申请延期',
  });
  if (!postponed.ok) expect.fail(postponed.error.message);
  await c.t.ok('documents/generate', { kind: 'acceptance_receipt', caseId: kase.id });
  const mediation = await caseInMediation(c);
  const saved = await c.t.ok(
    'agreements/save',
    { caseId: mediation.id, content: agreementContent(mediation.partyIds) },
    S.mediator,
  );
  await c.t.ok('agreements/print', { versionId: saved.versionId }, S.clerk);
  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('签署件')]);
  await c.t.ok(
    'agreements/attachScan',
    { versionId: saved.versionId, fileName: '签署件.png', dataBase64: png.toString('base64') },
    S.clerk,
  );
  for (let i = 0; i < 3; i += 1) await c.t.ok('cases/register', intake(c.studio.labour));
  localCases = (await appCounts(c.t.db)).cases ?? 0;
}, 120_000);

afterAll(async () => {
  await c.close();
  for (const d of databases) await d.drop();
});

describe('copying this computer’s records to the server', () => {
  it('is refused into a server that already holds records; nothing changes on either side', async () => {
    const busy = await serverDatabase(true);
    await onServer(busy, (db) =>
      insertStaff(db, {
        username: 'elsewhere',
        displayName: '他人',
        passwordHash: cheapPasswordHash('x'),
        roles: ['admin'],
        studioIds: [],
        createdAt: FROZEN_NOW.toISOString(),
      }).then(() => undefined),
    );
    const local = await dumpTables(c.t.db);
    const remote = await onServer(busy, appCounts);
    const error = expectError(
      await c.t.call('database/switch', switchToServer(busy.connection, true), S.admin),
      'VALIDATION',
    );
    expect(error.fields?.copyLocalData).toContain('已有记录');
    expect(await dumpTables(c.t.db)).toEqual(local);
    expect(await onServer(busy, appCounts)).toEqual(remote);
    // The copy checks again inside its own transaction (another workstation may be quicker).
    await onServer(busy, async (db) => {
      await expect(copyEmbeddedToServer(c.t.db, db)).rejects.toBeInstanceOf(CopyRefusedError);
    });
  });

  it('that fails part-way leaves the server as it was and this computer where it was', async () => {
    const target = await serverDatabase(false);
    // PostgreSQL text cannot hold NUL, which SQLite stores: the copy fails at that row.
    const party = await c.t.db
      .selectFrom('parties')
      .select(['id', 'name'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await c.t.db
      .updateTable('parties')
      .set({ name: 'bad\u0000name' })
      .where('id', '=', party.id)
      .execute();
    const local = await dumpTables(c.t.db);
    try {
      const result = await c.t.call(
        'database/switch',
        switchToServer(target.connection, true),
        S.admin,
      );
      expectError(result, 'INTERNAL');
      const codes = c.t.internalErrors.map((e) => (e.error as { code?: string }).code);
      expect(codes).toEqual(['22021']); // invalid_byte_sequence, from the server
      expect(await dumpTables(c.t.db)).toEqual(local);
      expect((await c.t.ok('database/status', {}, S.admin)).engine).toBe('sqlite');
      // Migrated by the attempt, and as empty as migrations leave it: seed rows, no records.
      const after = await onServer(target, appCounts);
      expect(after).toMatchObject({ staff: 0, cases: 0, audit_log: 0, parties: 0 });
      expect(after.studios).toBe(8);
    } finally {
      await c.t.db
        .updateTable('parties')
        .set({ name: party.name })
        .where('id', '=', party.id)
        .execute();
      c.t.internalErrors.splice(0);
    }
  });

  it('is refused while this computer’s audit chain does not verify', async () => {
    const target = await serverDatabase(false);
    const row = await c.t.db
      .selectFrom('auditLog')
      .select('after')
      .where('id', '=', 3)
      .executeTakeFirstOrThrow();
    await execOnFile(`update audit_log set after = '{}' where id = 3`);
    try {
      const local = await dumpTables(c.t.db);
      const result = await c.t.call(
        'database/switch',
        switchToServer(target.connection, true),
        S.admin,
      );
      expect(expectError(result, 'VALIDATION').fields?.copyLocalData).toContain('第 3 行');
      expect(await dumpTables(c.t.db)).toEqual(local);
      expect(await onServer(target, appCounts)).toMatchObject({ staff: 0, audit_log: 0 });
    } finally {
      await execOnFile('update audit_log set after = ? where id = 3', [row.after]);
    }
  });

  it('copies every table, verified, and the center works on the server', async () => {
    const target = await serverDatabase(false);
    moved = target;
    const local = await content(c.t.db);
    const counts = await appCounts(c.t.db);
    const result = await c.t.ok(
      'database/switch',
      switchToServer(target.connection, true),
      S.admin,
    );
    expect(result).toEqual({ engine: 'postgres', copied: counts });
    expect(counts.sessions).toBe(2);
    expect(counts.documents).toBeGreaterThanOrEqual(2);
    expect(counts.agreement_scans).toBe(1);

    // The server holds exactly what this computer held, bytes of PDFs and scans included, and
    // its audit chain verifies.
    await onServer(target, async (db) => {
      expect(await content(db)).toEqual(local);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: counts.audit_log });
    });

    // The switch is recorded on this computer, where it was made, without a password.
    const local2 = await openDatabase({ file: c.t.dbFile });
    try {
      const row = await local2
        .selectFrom('auditLog')
        .selectAll()
        .where('method', '=', 'database/switch')
        .executeTakeFirstOrThrow();
      expect(row.entity).toBe('database');
      expect(JSON.parse(row.before ?? '')).toEqual({ engine: 'sqlite', file: c.t.dbFile });
      const { password: _, ...where } = target.connection;
      expect(JSON.parse(row.after ?? '')).toEqual({ engine: 'postgres', ...where, copied: counts });
      expect(row.after).not.toContain('password');
      // Nothing else changed here: one audit row more, every other table as it was.
      const { audit_log: localAudit, ...localRest } = await appCounts(local2);
      const { audit_log: copiedAudit, ...copiedRest } = counts;
      expect(localAudit).toBe((copiedAudit ?? 0) + 1);
      expect(localRest).toEqual(copiedRest);
    } finally {
      await local2.destroy();
    }

    // Every window signs in again; the copied accounts work on the server.
    expectError(await c.t.call('cases/list', {}, S.director), 'UNAUTHENTICATED');
    const director = await windowAs('user.director');
    expect((await c.t.ok('cases/list', { limit: 200 }, director)).items).toHaveLength(localCases);
    // Search reads the copied search documents (every case has 张伟 as applicant).
    const found = await c.t.ok('cases/list', { q: '张伟', limit: 200 }, director);
    expect(found.items).toHaveLength(localCases);
    const reception = await windowAs('reception');
    const registered = await c.t.ok('cases/register', intake(c.studio.labour), reception);
    expect(registered.number).toBe('（2026）矛劳调字第0004号');
    expect(registered.id).toBe(localCases + 1);
    const admin = await windowAs('user.admin');
    expect(await c.t.ok('audit/verify', {}, admin)).toMatchObject({ ok: true });
    expect(await c.t.ok('database/status', {}, admin)).toMatchObject({
      engine: 'postgres',
      server: { database: target.name },
    });
    expect(c.t.internalErrors).toEqual([]);
  });

  it('switches back to this computer’s file, which is as it was left', async () => {
    const admin = await windowAs('user.admin');
    // Not while a newer app has upgraded the file meanwhile.
    await execOnFile(`insert into kysely_migration (name, timestamp)
      values ('0099_future', '2030-01-01T00:00:00Z')`);
    const refused = expectError(
      await c.t.call('database/switch', { engine: 'sqlite' }, admin),
      'VALIDATION',
    );
    expect(refused.fields?.engine).toContain('0099_future');
    await execOnFile(`delete from kysely_migration where name = '0099_future'`);
    expect(await c.t.ok('database/switch', { engine: 'sqlite' }, admin)).toEqual({
      engine: 'sqlite',
      copied: null,
    });
    const director = await windowAs('user.director');
    expect((await c.t.ok('cases/list', { limit: 200 }, director)).items).toHaveLength(localCases);
    const status = await c.t.ok('database/status', {}, await windowAs('user.admin'));
    expect(status).toMatchObject({ engine: 'sqlite', server: null, file: c.t.dbFile });
    // Recorded on the server being left; the case registered there stayed there.
    await onServer(moved, async (db) => {
      const rows = await db
        .selectFrom('auditLog')
        .selectAll()
        .where('method', '=', 'database/switch')
        .execute();
      expect(
        rows.map((r) => [JSON.parse(r.before ?? '').engine, JSON.parse(r.after ?? '').engine]),
      ).toEqual([['postgres', 'sqlite']]);
      expect(await db.selectFrom('cases').select('id').execute()).toHaveLength(localCases + 1);
    });
    expect(c.t.internalErrors).toEqual([]);
  });
});
