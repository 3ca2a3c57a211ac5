import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { IDS, intake } from '../../support/fixtures';
import { expectError, type TestCore } from '../../support/test-core';
import { ADMIN, auditRowsOf, expectRefused, openAdminCore } from './support/admin-core';

let t: TestCore;
let caseId: number;
let personId: number;
let orgId: number;
beforeAll(async () => {
  t = await openAdminCore();
  const medical = await t.studioId('medical');
  caseId = (await t.ok('cases/register', intake(medical))).id;
  const parties = (await t.ok('cases/get', { id: caseId })).parties;
  personId = parties.find((p) => p.kind === 'person')?.partyId ?? 0;
  orgId = parties.find((p) => p.kind === 'organization')?.partyId ?? 0;
  await t.addStaff({ username: 'med', roles: ['mediator'], studios: ['medical'] });
  await t.addStaff({ username: 'lab', roles: ['mediator'], studios: ['labour'] });
  await t.addStaff({ username: 'dir', roles: ['director'] });
  await t.signIn('med', 'med');
  await t.signIn('lab', 'lab');
  await t.signIn('dir', 'dir');
});
afterAll(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

describe('parties/reveal', () => {
  it('the case page shows numbers masked; revealing one gives it whole', async () => {
    const shown = (await t.ok('cases/get', { id: caseId })).parties.find(
      (p) => p.partyId === personId,
    );
    expect(shown?.idNumber).toBe(`${IDS.zhangWei.slice(0, 4)}**********${IDS.zhangWei.slice(-4)}`);
    expect(shown?.phone).toBe('138****5678');
    expect(await t.ok('parties/reveal', { caseId, partyId: personId, field: 'idNumber' })).toEqual({
      partyId: personId,
      field: 'idNumber',
      value: IDS.zhangWei,
    });
    expect(
      (await t.ok('parties/reveal', { caseId, partyId: orgId, field: 'phone' }, 'med')).value,
    ).toBe('0591-87654321');
    expect(
      (await t.ok('parties/reveal', { caseId, partyId: orgId, field: 'idNumber' }, 'dir')).value,
    ).toBeNull();
  });

  it('records who saw which number of whom, and never the number itself', async () => {
    const rows = await auditRowsOf(t, 'parties/reveal');
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[0]).toMatchObject({ entity: 'party', entityId: String(personId) });
    expect(JSON.parse(rows[0]?.after ?? '')).toEqual({
      revealed: 'idNumber',
      caseId,
      caseNumber: '（2026）矛医调字第0001号',
    });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(IDS.zhangWei);
    expect(text).not.toContain('13812345678');
  });

  it("keeps a mediator to their studios' cases and the admin out, writing nothing", async () => {
    const before = await dumpTables(t.db);
    expectError(
      await t.call('parties/reveal', { caseId, partyId: personId, field: 'phone' }, 'lab'),
      'FORBIDDEN',
    );
    expectError(
      await t.call('parties/reveal', { caseId, partyId: personId, field: 'phone' }, ADMIN),
      'FORBIDDEN',
    );
    expectError(
      await t.call('parties/reveal', { caseId: 999, partyId: personId, field: 'phone' }),
      'NOT_FOUND',
    );
    expectError(
      await t.call('parties/reveal', { caseId, partyId: 999, field: 'phone' }),
      'NOT_FOUND',
    );
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('refuses a field that is not revealable, next to it', async () => {
    await expectRefused(
      t,
      'parties/reveal',
      { caseId, partyId: personId, field: 'address' },
      'field',
      t.session,
    );
    await expectRefused(
      t,
      'parties/reveal',
      { caseId: 'one', partyId: personId, field: 'phone' },
      'caseId',
      t.session,
    );
  });
});
