import { CamelCasePlugin, Kysely, sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest, type Database } from '../../../src/db/database';
import { migrations } from '../../../src/db/migrations';
import * as m0005 from '../../../src/db/migrations/0005_case_search';
import { createSqlite3Dialect } from '../../../src/db/sqlite/sqlite3-dialect';
import type { DB } from '../../../src/db/tables';
import { staleSearchDocuments } from '../../../src/search/case-search';
import { FROZEN_NOW, makeTempDir } from '../../support/test-core';
import { ftsIntegrityCheck } from './support/seed';

/** Migration 0005 on a database that already holds cases: it indexes them. */
let dir: string;
let db: Database;

beforeEach(() => {
  dir = makeTempDir('mediation-desk-search-migration-');
  db = new Kysely<DB>({
    dialect: createSqlite3Dialect({ filename: path.join(dir, 'desk.sqlite') }),
    plugins: [new CamelCasePlugin()],
  });
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function migrator(): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

async function aCaseBefore0005(): Promise<number> {
  const { error } = await migrator().migrateTo('0004_working_calendar');
  expect(error).toBeUndefined();
  const at = FROZEN_NOW.toISOString();
  const staff = await db
    .insertInto('staff')
    .values({ username: 'old', displayName: '老员工', passwordHash: 'x', createdAt: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const studio = await db.selectFrom('studios').select('id').executeTakeFirstOrThrow();
  const c = await db
    .insertInto('cases')
    .values({
      number: '（２０２５）矛医调字第０１２３号',
      studioId: studio.id,
      numberYear: 2025,
      numberSeq: 123,
      category: 'medical',
      source: 'walk_in',
      riskLevel: 'low',
      summary: 'ＣＴ检查后延误诊断',
      requests: '赔偿医疗费',
      amountFen: null,
      status: 'accepted',
      registeredAt: at,
      registeredBy: staff.id,
      updatedAt: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, name] of ['欧阳娜娜', '市第一人民医院'].entries()) {
    const party = await db
      .insertInto('parties')
      .values({ kind: 'person', name, createdAt: at, updatedAt: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('caseParties')
      .values({
        caseId: c.id,
        partyId: party.id,
        role: i === 0 ? 'applicant' : 'respondent',
        sortOrder: i,
      })
      .execute();
  }
  return c.id;
}

async function matches(expression: string): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`
    select rowid as id from case_search_fts where case_search_fts match ${expression}`.execute(db);
  return rows.map((r) => r.id);
}

describe('migration 0005_case_search', () => {
  it('indexes the cases on record exactly as the search module would', async () => {
    const id = await aCaseBefore0005();
    await migrateToLatest(db);
    expect(await staleSearchDocuments(db)).toEqual([]);
    await ftsIntegrityCheck(db);
    expect(await matches('"欧阳娜娜"')).toEqual([id]);
    expect(await matches('"(2025)矛医调字第0123号"')).toEqual([id]); // full width folded
    expect(await matches('"ct检查"')).toEqual([id]);
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

    // This migration's own down and up (later migrations' are theirs to test).
    await m0005.down(db);
    expect(await stat('cases_studio_registered_ix')).toBeUndefined();
    await m0005.up(db);
    expect(await stat('cases_studio_registered_ix')).toBe('100000 12500 1');
    await ftsIntegrityCheck(db);
  });
});
