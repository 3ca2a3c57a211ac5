import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isEmbedded, migrateToLatest, type Database } from '../../../src/db/database';
import * as m0005 from '../../../src/db/migrations/0005_case_search';
import { likePattern } from '../../../src/search/pg-trigram';
import { staleSearchDocuments } from '../../../src/search/case-search';
import { openBareDatabase, type BareDatabase } from '../../support/bare-database';
import { tableNames } from '../../support/db-snapshot';
import { aCaseBefore0005, migrator } from './support/before-0005';
import { searchIndexCheck } from './support/seed';

/**
 * Migration 0005 on a database that already holds cases: it indexes them, on both engines
 * (SQLite's FTS5 internals: sqlite/fts5-migration.test.ts).
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

/** The cases whose indexed text holds the term: FTS5's phrase match, or LIKE on PostgreSQL. */
async function matches(term: string): Promise<number[]> {
  if (isEmbedded(db)) {
    const { rows } = await sql<{ id: number }>`
      select rowid as id from case_search_fts where case_search_fts match ${`"${term}"`}`.execute(
      db,
    );
    return rows.map((r) => r.id);
  }
  const { rows } = await sql<{ id: number }>`
    select case_id as id from case_search_docs
    where (number || chr(10) || names || chr(10) || body) like ${likePattern(term)}`.execute(db);
  return rows.map((r) => r.id);
}

describe('migration 0005_case_search', () => {
  it('indexes the cases on record exactly as the search module would', async () => {
    const id = await aCaseBefore0005(db);
    await migrateToLatest(db);
    expect(await staleSearchDocuments(db)).toEqual([]);
    await searchIndexCheck(db);
    expect(await matches('欧阳娜娜')).toEqual([id]);
    expect(await matches('(2025)矛医调字第0123号')).toEqual([id]); // full width folded
    expect(await matches('ct检查')).toEqual([id]);
    expect(await matches('ＣＴ检查')).toEqual([]); // the index holds the folded text only
  });

  it('can be undone and redone, and the later migrations follow', async () => {
    await aCaseBefore0005(db);
    const { error } = await migrator(db).migrateTo('0005_case_search');
    expect(error).toBeUndefined();

    // This migration's own down and up (later migrations' are theirs to test).
    await m0005.down(db);
    expect((await tableNames(db)).filter((n) => n.startsWith('case_search'))).toEqual([]);
    await m0005.up(db);
    expect(await staleSearchDocuments(db)).toEqual([]);
    await migrateToLatest(db);
    await searchIndexCheck(db);
    expect(await matches('市第一人民医院')).toHaveLength(1);
  });
});
