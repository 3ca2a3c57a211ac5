import { Migrator } from 'kysely/migration';
import { expect } from 'vitest';
import type { Database } from '../../../../src/db/database';
import { migrations } from '../../../../src/db/migrations';
import { FROZEN_NOW } from '../../../support/test-core';

export function migrator(db: Database): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

/** A database migrated up to just before 0005, holding one case with two parties; its id. */
export async function aCaseBefore0005(db: Database): Promise<number> {
  const { error } = await migrator(db).migrateTo('0004_working_calendar');
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
