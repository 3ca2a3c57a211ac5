import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  rebuildCaseSearch,
  reindexCase,
  reindexCasesOfParty,
  staleSearchDocuments,
} from '../../../src/search/case-search';
import { dumpTables } from '../../support/db-snapshot';
import { openTestCore, type TestCore } from '../../support/test-core';
import { searchIndexCheck, named, seedCase } from './support/seed';

/**
 * Keeping the index current: after a case's parties, a party's name or a summary change, the
 * services call reindexCase / reindexCasesOfParty (in their transaction); these tests change
 * the rows directly and call them as the services do.
 */
let t: TestCore;

beforeEach(async () => {
  t = await openTestCore();
});
afterEach(async () => {
  await searchIndexCheck(t.db);
  expect(await staleSearchDocuments(t.db)).toEqual([]);
  await t.close();
});

async function found(q: string): Promise<number[]> {
  const page = await t.ok('cases/list', { q, limit: 200 });
  return page.items.map((i) => i.id).sort((a, b) => a - b);
}

async function addParty(caseId: number, name: string): Promise<number> {
  const { id } = await t.db
    .insertInto('parties')
    .values({ kind: 'person', name, sex: 'male', createdAt: 'x', updatedAt: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('caseParties')
    .values({ caseId, partyId: id, role: 'third_party', sortOrder: 9 })
    .execute();
  return id;
}

describe('reindexCase', () => {
  it('after a party joins a case, and after it leaves', async () => {
    const a = await seedCase(t, { studio: 'medical', parties: [named('周一'), named('吴二')] });
    const partyId = await addParty(a.id, '郑三丰');
    expect(await staleSearchDocuments(t.db)).toEqual([a.id]);
    expect(await found('郑三丰')).toEqual([]); // not yet indexed
    await reindexCase(t.db, a.id);
    expect(await found('郑三丰')).toEqual([a.id]);
    expect(await found('三丰')).toEqual([a.id]);

    await t.db.deleteFrom('caseParties').where('partyId', '=', partyId).execute();
    await reindexCase(t.db, a.id);
    expect(await found('郑三丰')).toEqual([]);
    expect(await found('三丰')).toEqual([]);
    expect(await found('周一')).toEqual([a.id]);
  });

  it('after the summary and requests change', async () => {
    const a = await seedCase(t, {
      studio: 'labour',
      parties: [named('周一'), named('吴二')],
      summary: '拖欠工资',
    });
    await t.db
      .updateTable('cases')
      .set({ summary: '解除劳动合同', requests: '支付经济补偿金' })
      .where('id', '=', a.id)
      .execute();
    await reindexCase(t.db, a.id);
    expect(await found('拖欠工资')).toEqual([]);
    expect(await found('劳动合同')).toEqual([a.id]);
    expect(await found('补偿')).toEqual([a.id]);
  });

  it('writes nothing when nothing searchable changed (a status change, say)', async () => {
    const a = await seedCase(t, { studio: 'medical', parties: [named('周一'), named('吴二')] });
    await t.db.updateTable('cases').set({ status: 'accepted' }).where('id', '=', a.id).execute();
    const before = await dumpTables(t.db);
    await reindexCase(t.db, a.id);
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('of a case id that does not exist is a no-op', async () => {
    const before = await dumpTables(t.db);
    await reindexCase(t.db, 424242);
    expect(await dumpTables(t.db)).toEqual(before);
  });
});

describe('reindexCasesOfParty', () => {
  it('after a rename, in every case of the party', async () => {
    const a = await seedCase(t, { studio: 'medical', parties: [named('张伟'), named('吴二')] });
    const [party] = await t.db
      .selectFrom('caseParties')
      .select('partyId')
      .where('caseId', '=', a.id)
      .orderBy('sortOrder')
      .execute();
    const b = await seedCase(t, {
      studio: 'labour',
      parties: [named('李四'), named('王五')],
    });
    await t.db
      .insertInto('caseParties')
      .values({ caseId: b.id, partyId: party?.partyId ?? 0, role: 'third_party', sortOrder: 5 })
      .execute();
    await reindexCase(t.db, b.id);
    expect(await found('张伟')).toEqual([a.id, b.id]);

    await t.db
      .updateTable('parties')
      .set({ name: '张卫' })
      .where('id', '=', party?.partyId ?? 0)
      .execute();
    expect((await staleSearchDocuments(t.db)).sort()).toEqual([a.id, b.id].sort());
    await reindexCasesOfParty(t.db, party?.partyId ?? 0);
    expect(await found('张伟')).toEqual([]);
    expect(await found('张卫')).toEqual([a.id, b.id]);
  });
});

describe('rebuildCaseSearch', () => {
  it('indexes every case from scratch, the same as case by case', async () => {
    const a = await seedCase(t, { studio: 'medical', parties: [named('周一'), named('吴二')] });
    const b = await seedCase(t, { studio: 'family', parties: [named('冯七'), named('陈八')] });
    const docs = await t.db.selectFrom('caseSearchDocs').selectAll().orderBy('caseId').execute();
    expect(await t.db.transaction().execute((trx) => rebuildCaseSearch(trx, 1))).toBe(2);
    expect(await t.db.selectFrom('caseSearchDocs').selectAll().orderBy('caseId').execute()).toEqual(
      docs,
    );
    expect(await found('周一')).toEqual([a.id]);
    expect(await found('陈八')).toEqual([b.id]);
  });
});
