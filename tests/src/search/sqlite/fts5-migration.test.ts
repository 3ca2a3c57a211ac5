import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../../../src/db/database';
import * as m0005 from '../../../../src/db/migrations/0005_case_search';
import { openBareDatabase, type BareDatabase } from '../../../support/bare-database';
import { aCaseBefore0005 } from '../support/before-0005';
import { searchIndexCheck } from '../support/seed';

/**
 * What migration 0005 does for SQLite alone: FTS5's vocabulary table and the planner
 * statistics it seeds (PostgreSQL has neither; its index is migration 0010's).
 */
let bare: BareDatabase;
let db: Database;

beforeEach(async () => {
  bare = await openBareDatabase();
  db = bare.db;
});
afterEach(async () => {
  await bare.close();
});

describe('migration 0005_case_search on the embedded file', () => {
  it('fills the FTS5 vocabulary from the cases on record', async () => {
    await aCaseBefore0005(db);
    await migrateToLatest(db);
    const { rows } = await sql<{ term: string }>`
      select term from case_search_vocab where term >= '娜娜' and term < '娜娜z'`.execute(db);
    expect(rows.map((r) => r.term)).toEqual(['娜娜 ']); // the document end begins a trigram
  });

  it('seeds the planner statistics of a new database, and can be undone and redone', async () => {
    await migrateToLatest(db);
    const stat = async (index: string) =>
      (await sql<{ stat: string }>`select stat from sqlite_stat1 where idx = ${index}`.execute(db))
        .rows[0]?.stat;
    expect(await stat('cases_studio_registered_ix')).toBe('100000 12500 1');
    expect(await stat('case_mediators_staff_case_ix')).toBe('120000 3000 1');

    await m0005.down(db);
    expect(await stat('cases_studio_registered_ix')).toBeUndefined();
    await m0005.up(db);
    expect(await stat('cases_studio_registered_ix')).toBe('100000 12500 1');
    await searchIndexCheck(db);
  });
});
