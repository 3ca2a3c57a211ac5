import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/db/migrations';
import { CHECK_VIOLATION, UNIQUE_VIOLATION } from '../../support/constraint-errors';
import { tableNames } from '../../support/db-snapshot';
import { openTestCore, type TestCore } from '../../support/test-core';
import { packageEntries } from './official-schedule';

let t: TestCore;
beforeEach(async () => {
  t = await openTestCore();
});
afterEach(async () => {
  await t.close();
});

const migration = migrations['0004_working_calendar'];

describe('migration 0004_working_calendar', () => {
  it('seeds exactly the 2026 schedule of chinese-workday, and nothing for 2027', async () => {
    const rows = await t.db.selectFrom('calendarDays').selectAll().orderBy('date').execute();
    expect(rows).toEqual(packageEntries(2026));
    expect(rows.every((r) => r.date.startsWith('2026-'))).toBe(true);
  });

  it('refuses a kind other than holiday or workday, and a second row for a date', async () => {
    await expect(
      t.db
        .insertInto('calendarDays')
        .values({ date: '2027-01-01', kind: 'vacation', name: 'x' })
        .execute(),
    ).rejects.toThrow(CHECK_VIOLATION);
    await expect(
      t.db
        .insertInto('calendarDays')
        .values({ date: '2026-10-01', kind: 'holiday', name: 'x' })
        .execute(),
    ).rejects.toThrow(UNIQUE_VIOLATION);
  });

  it('goes down and up again', async () => {
    expect(migration).toBeDefined();
    await migration?.down?.(t.db);
    expect(await tableNames(t.db)).not.toContain('calendar_days');
    await migration?.up(t.db);
    const { rows } = await sql<{ n: number }>`select count(*) as n from calendar_days`.execute(
      t.db,
    );
    expect(Number(rows[0]?.n)).toBe(39);
  });
});
