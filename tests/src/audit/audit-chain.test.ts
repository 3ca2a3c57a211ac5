import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditHash } from '../../../src/audit/audit-hash';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, type TestCore } from '../../support/test-core';
import { testEngine } from '../../support/test-postgres';
import { ADMIN, expectRefused, openAdminCore } from '../settings/support/admin-core';
import { tamper } from './support/tamper';

let t: TestCore;
beforeEach(async () => {
  t = await openAdminCore();
  // Six audited writes: rows 1–6.
  for (let minutes = 1; minutes <= 6; minutes += 1) {
    await t.ok('settings/setSecurity', { idleLockMinutes: minutes }, ADMIN);
  }
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

async function verify() {
  return t.ok('audit/verify', {}, ADMIN);
}

describe('audit/verify', () => {
  it('finds an intact chain intact', async () => {
    expect(await verify()).toEqual({ ok: true, checked: 6, lastId: 6, firstBreak: null });
  });

  it('finds a row whose content was changed in the database', async () => {
    await tamper(t, `update audit_log set after = '{"idleLockMinutes":60}' where id = 3`);
    expect(await verify()).toEqual({
      ok: false,
      checked: 3,
      lastId: 2,
      firstBreak: { id: 3, problem: 'altered', lastGoodId: 2 },
    });
  });

  it('finds a changed staff id or time as well as changed content', async () => {
    await tamper(t, `update audit_log set staff_id = 1 where id = 5`);
    expect((await verify()).firstBreak).toEqual({ id: 5, problem: 'altered', lastGoodId: 4 });
    await tamper(t, `update audit_log set at = '2020-01-01T00:00:00.000Z' where id = 2`);
    expect((await verify()).firstBreak).toEqual({ id: 2, problem: 'altered', lastGoodId: 1 });
  });

  it('finds a row deleted from the middle, the start or the end of the log', async () => {
    await tamper(t, 'delete from audit_log where id = 4');
    expect((await verify()).firstBreak).toEqual({ id: 5, problem: 'missing', lastGoodId: 3 });
    await tamper(t, 'delete from audit_log where id = 6');
    expect((await verify()).firstBreak).toEqual({ id: 5, problem: 'missing', lastGoodId: 3 });
    await tamper(t, 'delete from audit_log where id = 1');
    expect((await verify()).firstBreak).toEqual({ id: 2, problem: 'missing', lastGoodId: null });
  });

  it('finds a row rewritten with a recomputed hash: the next row no longer follows it', async () => {
    const row = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '=', 3)
      .executeTakeFirstOrThrow();
    const after = '{"idleLockMinutes":240}';
    const hash = auditHash(row.prevHash, { ...row, after });
    await tamper(t, 'update audit_log set after = ?, hash = ? where id = 3', [after, hash]);
    // SQLite's ids have no gaps, so an unbroken id sequence tells a relinked row from a
    // missing one; PostgreSQL's identities may skip ids, so it can only say rows are missing.
    const problem = testEngine() === 'sqlite' ? 'relinked' : 'missing';
    expect((await verify()).firstBreak).toEqual({ id: 4, problem, lastGoodId: 3 });
  });

  it('control: the same recomputation leaves the chain whole when nothing changed', async () => {
    const row = await t.db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '=', 3)
      .executeTakeFirstOrThrow();
    expect(auditHash(row.prevHash, row)).toBe(row.hash);
  });

  it('walks a log longer than one page', async () => {
    await t.db.transaction().execute(async (trx) => {
      const { appendAudit } = await import('../../../src/audit/audit.repository');
      for (let i = 0; i < 10500; i += 1) {
        await appendAudit(trx, {
          at: new Date(Date.UTC(2026, 2, 10, 2, 0, i)).toISOString(),
          staffId: 1,
          method: 'test/bulk',
          entity: 'test',
          entityId: String(i),
          before: null,
          after: null,
        });
      }
    });
    expect(await verify()).toMatchObject({ ok: true, checked: 10506, lastId: 10506 });
    await tamper(t, `update audit_log set entity_id = 'x' where id = 7321`);
    expect((await verify()).firstBreak).toEqual({ id: 7321, problem: 'altered', lastGoodId: 7320 });
  });
});

describe('audit/list and audit/facets', () => {
  it('lists newest first with the staff name, in pages', async () => {
    const first = await t.ok('audit/list', { limit: 4 }, ADMIN);
    expect(first.rows.map((r) => r.id)).toEqual([6, 5, 4, 3]);
    expect(first.rows[0]).toMatchObject({
      method: 'settings/setSecurity',
      entity: 'settings',
      entityId: 'security',
      staffName: '系统管理员',
      before: '{"idleLockMinutes":5}',
      after: '{"idleLockMinutes":6}',
    });
    expect(first.nextBeforeId).toBe(3);
    const second = await t.ok('audit/list', { limit: 4, beforeId: 3 }, ADMIN);
    expect(second.rows.map((r) => r.id)).toEqual([2, 1]);
    expect(second.nextBeforeId).toBeNull();
  });

  it('filters by method, entity, staff and center dates', async () => {
    await t.ok('calendar/set', { date: '2026-10-10', kind: 'holiday', name: '测试' }, ADMIN);
    const adminId = (await t.ok('auth/status', {}, ADMIN)).caller?.staffId;
    const byMethod = await t.ok('audit/list', { method: 'calendar/set' }, ADMIN);
    expect(byMethod.rows.map((r) => r.entityId)).toEqual(['2026-10-10']);
    const byEntity = await t.ok(
      'audit/list',
      { entity: 'calendar_day', entityId: '2026-10-10' },
      ADMIN,
    );
    expect(byEntity.rows).toHaveLength(1);
    expect((await t.ok('audit/list', { staffId: adminId }, ADMIN)).rows).toHaveLength(7);
    expect((await t.ok('audit/list', { staffId: 999 }, ADMIN)).rows).toHaveLength(0);
    // The frozen clock is 2026-03-10 10:00 in Beijing.
    expect(
      (await t.ok('audit/list', { from: '2026-03-10', to: '2026-03-10' }, ADMIN)).rows,
    ).toHaveLength(7);
    expect((await t.ok('audit/list', { from: '2026-03-11' }, ADMIN)).rows).toHaveLength(0);
    expect((await t.ok('audit/list', { to: '2026-03-09' }, ADMIN)).rows).toHaveLength(0);
    expect(await t.ok('audit/facets', {}, ADMIN)).toEqual({
      methods: ['calendar/set', 'settings/setSecurity'],
      entities: ['calendar_day', 'settings'],
    });
  });

  it('refuses bad filters next to the field', async () => {
    await expectRefused(t, 'audit/list', { from: '2026-02-30' }, 'from');
    await expectRefused(t, 'audit/list', { from: '2026-03-10', to: '2026-03-01' }, 'to');
    await expectRefused(t, 'audit/list', { limit: 1000 }, 'limit');
    await expectRefused(t, 'audit/list', { beforeId: -1 }, 'beforeId');
  });

  it('is for the admin only', async () => {
    const before = await dumpTables(t.db);
    for (const method of ['audit/list', 'audit/facets', 'audit/verify'] as const) {
      expectError(await t.call(method, {}), 'FORBIDDEN');
    }
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
