import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/db/migrations';
import { openBareDatabase, type BareDatabase } from '../../support/bare-database';
import { CHECK_VIOLATION } from '../../support/constraint-errors';
import { tableNames } from '../../support/db-snapshot';

/** Migration 0006 on its own: its tables, its checks, and a clean way back (on both engines). */
const opened: BareDatabase[] = [];
afterEach(async () => {
  for (const bare of opened.splice(0)) await bare.close();
});

async function migratedTo(name: string) {
  const bare = await openBareDatabase();
  opened.push(bare);
  const { db } = bare;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error } = await migrator.migrateTo(name);
  if (error !== undefined) throw error;
  return { db, migrator };
}

describe('0006_sessions', () => {
  it('creates the session tables and the working-hours setting', async () => {
    const { db } = await migratedTo('0006_sessions');
    expect(await tableNames(db)).toEqual(
      expect.arrayContaining(['sessions', 'session_staff', 'session_parties', 'session_occupancy']),
    );
    const { rows } = await sql<{ value: string }>`
      select value from settings where key = 'schedule.workingHours'`.execute(db);
    expect(rows).toEqual([{ value: '08:30-12:00,13:30-17:30' }]);
  });

  it('refuses an unknown kind or status and an end not after the start', async () => {
    const { db } = await migratedTo('0006_sessions');
    await sql`insert into staff (username, display_name, password_hash, created_at)
      values ('x', 'x', 'x', '2026-01-01T00:00:00.000Z')`.execute(db);
    const insert = (kind: string, status: string, start: string, end: string) =>
      sql`insert into sessions (studio_id, room_id, kind, status, starts_at, ends_at,
          created_at, created_by, updated_at)
        values (1, 1, ${kind}, ${status}, ${start}, ${end}, ${start}, 1, ${start})`.execute(db);
    const a = '2026-03-11T01:00:00.000Z';
    const b = '2026-03-11T02:00:00.000Z';
    await insert('mediation', 'scheduled', a, b);
    await expect(insert('party', 'scheduled', a, b)).rejects.toThrow(CHECK_VIOLATION);
    await expect(insert('mediation', 'maybe', a, b)).rejects.toThrow(CHECK_VIOLATION);
    await expect(insert('mediation', 'scheduled', b, a)).rejects.toThrow(CHECK_VIOLATION);
    await expect(insert('mediation', 'scheduled', a, a)).rejects.toThrow(CHECK_VIOLATION);
  });

  it('goes back down to 0005 without a trace', async () => {
    const { db, migrator } = await migratedTo('0006_sessions');
    const { error } = await migrator.migrateTo('0005_case_search');
    expect(error).toBeUndefined();
    const names = await tableNames(db);
    for (const table of ['sessions', 'session_staff', 'session_parties', 'session_occupancy']) {
      expect(names).not.toContain(table);
    }
    const { rows } = await sql`select key from settings where key like 'schedule.%'`.execute(db);
    expect(rows).toEqual([]);
  });
});
