import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadWorkingCalendar } from '../../../src/calendar/calendar.repository';
import { openCore } from '../../../src/app/core';
import { auditChainBreaks } from '../../support/audit-chain';
import { tableCounts } from '../../support/db-snapshot';
import { expectError, FROZEN_NOW, openTestCore, type TestCore } from '../../support/test-core';
import { sameDatabaseAs } from '../../support/test-postgres';

const ADMIN = 'window-admin';
let t: TestCore;

/**
 * What a calendar call could change: the row count of every table, and the full content of the
 * two it writes. (dumpTables is not used: it reads `rowid`, which WITHOUT ROWID tables such as
 * FTS5's shadow tables lack.)
 */
async function snapshot() {
  return {
    counts: await tableCounts(t.db),
    days: await t.db.selectFrom('calendarDays').selectAll().orderBy('date').execute(),
    audit: await t.db.selectFrom('auditLog').selectAll().orderBy('id').execute(),
  };
}

beforeEach(async () => {
  t = await openTestCore();
  await t.addStaff({ username: 'admin', displayName: '管理员老李', roles: ['admin'] });
  await t.signIn(ADMIN, 'admin');
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

async function auditRows() {
  return t.db
    .selectFrom('auditLog')
    .select(['method', 'entity', 'entityId', 'before', 'after', 'staffId'])
    .where('entity', '=', 'calendar_day')
    .orderBy('id')
    .execute();
}

describe('calendar/list', () => {
  it('gives 2026 as seeded, configured, to any signed-in user', async () => {
    const year = await t.ok('calendar/list', { year: 2026 }); // reception, not admin
    expect(year.configured).toBe(true);
    expect(year.entries).toHaveLength(39);
    expect(year.entries[0]).toEqual({ date: '2026-01-01', kind: 'holiday', name: '元旦' });
    expect(year.entries.find((e) => e.date === '2026-10-10')).toEqual({
      date: '2026-10-10',
      kind: 'workday',
      name: '补国庆节',
    });
  });

  it('reports 2027 as not configured until a holiday is entered', async () => {
    expect(await t.ok('calendar/list', { year: 2027 })).toEqual({
      year: 2027,
      configured: false,
      entries: [],
    });
    // A make-up working day alone does not make the year configured.
    await t.ok('calendar/set', { date: '2027-02-06', kind: 'workday', name: '补春节' }, ADMIN);
    expect((await t.ok('calendar/list', { year: 2027 })).configured).toBe(false);
    await t.ok('calendar/set', { date: '2027-01-01', kind: 'holiday', name: '元旦' }, ADMIN);
    const year = await t.ok('calendar/list', { year: 2027 });
    expect(year.configured).toBe(true);
    expect(year.entries.map((e) => e.date)).toEqual(['2027-01-01', '2027-02-06']);
  });

  it('refuses a caller who is not signed in, and a year that is not a whole number in range', async () => {
    expectError(await t.call('calendar/list', { year: 2026 }, 'anonymous'), 'UNAUTHENTICATED');
    for (const year of ['2026', 2026.5, 1999, 2101, null]) {
      const error = expectError(await t.call('calendar/list', { year }), 'VALIDATION');
      expect(Object.keys(error.fields ?? {})).toEqual(['year']);
    }
  });
});

describe('calendar/set and calendar/remove', () => {
  it('adds a holiday, audited, and deadlines see it at once', async () => {
    const entry = { date: '2027-10-01', kind: 'holiday', name: '国庆节' } as const;
    expect((await loadWorkingCalendar(t.db)).isWorkingDay('2027-10-01')).toBe(true);
    expect(await t.ok('calendar/set', entry, ADMIN)).toEqual(entry);
    expect((await loadWorkingCalendar(t.db)).isWorkingDay('2027-10-01')).toBe(false);

    const adminId = (await t.ok('auth/status', {}, ADMIN)).caller?.staffId;
    expect(await auditRows()).toEqual([
      {
        method: 'calendar/set',
        entity: 'calendar_day',
        entityId: '2027-10-01',
        before: null,
        after: JSON.stringify(entry),
        staffId: adminId,
      },
    ]);
    expect(await auditChainBreaks(t.db)).toEqual([]);
  });

  it('changes an existing entry, keeping the old one in the audit row; trims the name', async () => {
    await t.ok(
      'calendar/set',
      { date: '2026-10-01', kind: 'holiday', name: '  国庆节假期 ' },
      ADMIN,
    );
    const [row] = await auditRows();
    expect(JSON.parse(row?.before ?? 'null')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    });
    expect(JSON.parse(row?.after ?? 'null')).toEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节假期',
    });
    const year = await t.ok('calendar/list', { year: 2026 });
    expect(year.entries).toHaveLength(39);
    expect(year.entries.find((e) => e.date === '2026-10-01')?.name).toBe('国庆节假期');
  });

  it('removes an entry, audited; a second remove is NOT_FOUND and changes nothing', async () => {
    expect((await loadWorkingCalendar(t.db)).isWorkingDay('2026-10-10')).toBe(true);
    expect(await t.ok('calendar/remove', { date: '2026-10-10' }, ADMIN)).toEqual({
      date: '2026-10-10',
    });
    expect((await loadWorkingCalendar(t.db)).isWorkingDay('2026-10-10')).toBe(false); // a Saturday
    const rows = await auditRows();
    expect(rows.map((r) => [r.method, r.entityId, r.after])).toEqual([
      ['calendar/remove', '2026-10-10', null],
    ]);
    expect(JSON.parse(rows[0]?.before ?? 'null')).toEqual({
      date: '2026-10-10',
      kind: 'workday',
      name: '补国庆节',
    });

    const before = await snapshot();
    const error = expectError(
      await t.call('calendar/remove', { date: '2026-10-10' }, ADMIN),
      'NOT_FOUND',
    );
    expect(error.message).toBe('2026-10-10 没有节假日或调休设置');
    expect(await snapshot()).toEqual(before);
    expect(await auditChainBreaks(t.db)).toEqual([]);
  });

  it('is seen at once by a second core on the same database (no stale cache)', async () => {
    const other = await openCore({
      ...sameDatabaseAs(t),
      now: () => FROZEN_NOW,
      onInternalError: () => undefined,
    });
    try {
      expect((await loadWorkingCalendar(other.db)).isWorkingDay('2026-10-08')).toBe(true);
      await t.ok('calendar/set', { date: '2026-10-08', kind: 'holiday', name: '临时' }, ADMIN);
      expect((await loadWorkingCalendar(other.db)).isWorkingDay('2026-10-08')).toBe(false);
      await t.ok('calendar/remove', { date: '2026-10-08' }, ADMIN);
      expect((await loadWorkingCalendar(other.db)).isWorkingDay('2026-10-08')).toBe(true);
    } finally {
      await other.close();
    }
  });
});

describe('bad input changes nothing', () => {
  const good = { date: '2027-01-01', kind: 'holiday', name: '元旦' };

  async function expectRefused(
    method: 'calendar/set' | 'calendar/remove',
    input: unknown,
    code: 'VALIDATION' | 'FORBIDDEN' | 'UNAUTHENTICATED',
    session: string,
    field?: string,
  ) {
    const before = await snapshot();
    const error = expectError(await t.call(method, input, session), code);
    if (field !== undefined) {
      expect(Object.keys(error.fields ?? {}), JSON.stringify(error)).toEqual([field]);
      expect(error.fields?.[field]?.trim()).not.toBe('');
    }
    expect(await snapshot()).toEqual(before);
    return error;
  }

  it.each([
    ['an impossible date', { ...good, date: '2026-02-30' }, 'date'],
    ['a date in another form', { ...good, date: '2027/01/01' }, 'date'],
    ['a date far outside the years planned for', { ...good, date: '0227-01-01' }, 'date'],
    ['no date', { kind: 'holiday', name: '元旦' }, 'date'],
    ['an unknown kind', { ...good, kind: 'vacation' }, 'kind'],
    ['an empty name', { ...good, name: '' }, 'name'],
    ['a name of spaces', { ...good, name: '   ' }, 'name'],
    ['a name over 50 characters', { ...good, name: '节'.repeat(51) }, 'name'],
    ['a make-up working day on a weekday', { ...good, kind: 'workday' }, 'date'],
  ])('calendar/set refuses %s', async (_label, input, field) => {
    await expectRefused('calendar/set', input, 'VALIDATION', ADMIN, field);
  });

  it('gives field messages in the caller’s language', async () => {
    const error = await expectRefused(
      'calendar/set',
      { ...good, kind: 'workday' },
      'VALIDATION',
      ADMIN,
      'date',
    );
    expect(error.fields?.date).toBe('调休上班日应为周六或周日');
    const bad = await expectRefused(
      'calendar/set',
      { ...good, date: '2026-02-30' },
      'VALIDATION',
      ADMIN,
    );
    expect(bad.fields?.date).toBe('请输入有效日期（年-月-日）');
  });

  it('accepts a name of exactly 50 characters', async () => {
    await t.ok('calendar/set', { ...good, name: '节'.repeat(50) }, ADMIN);
  });

  it('calendar/remove refuses a bad date', async () => {
    await expectRefused('calendar/remove', { date: '2026-13-01' }, 'VALIDATION', ADMIN, 'date');
  });

  it('refuses a non-admin (FORBIDDEN) and a signed-out caller, valid input or not', async () => {
    await t.addStaff({ username: 'director', roles: ['director', 'mediator'] });
    await t.signIn('window-director', 'director');
    for (const session of [t.session, 'window-director']) {
      await expectRefused('calendar/set', good, 'FORBIDDEN', session);
      await expectRefused('calendar/set', { ...good, kind: 'nope' }, 'FORBIDDEN', session);
      await expectRefused('calendar/remove', { date: '2026-10-01' }, 'FORBIDDEN', session);
    }
    await expectRefused('calendar/set', good, 'UNAUTHENTICATED', 'anonymous');
    await expectRefused('calendar/remove', { date: '2026-10-01' }, 'UNAUTHENTICATED', 'anonymous');
    expect(await auditRows()).toEqual([]);
  });
});
