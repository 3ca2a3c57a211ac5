import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/staff/password';
import { auditChainBreaks } from '../../support/audit-chain';
import { CASE_TABLES, dumpTables, tableCounts } from '../../support/db-snapshot';
import { CREDIT_CODES, IDS, intake, organization, person } from '../../support/fixtures';
import { createClock, expectError, openTestCore, type TestCore } from '../../support/test-core';

const ADMIN = {
  displayName: '陈主任',
  username: 'chen.admin',
  password: 'a long first password',
  roles: ['reception', 'director'],
};

describe('first start: auth/setup', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await openTestCore({ firstStart: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the first account with admin added to its roles, signs it in, and audits it', async () => {
    expect(await t.ok('auth/status', {}, 'first-window')).toEqual({
      needsSetup: true,
      caller: null,
      locale: 'zh-CN',
    });
    const caller = await t.ok('auth/setup', ADMIN, 'first-window');
    expect(caller.displayName).toBe('陈主任');
    expect([...caller.roles].sort()).toEqual(['admin', 'director', 'reception']);

    const status = await t.ok('auth/status', {}, 'first-window');
    expect(status.needsSetup).toBe(false);
    expect(status.caller?.staffId).toBe(caller.staffId);

    const stored = await t.db.selectFrom('staff').selectAll().executeTakeFirstOrThrow();
    expect(stored.passwordHash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword(ADMIN.password, stored.passwordHash)).toBe(true);

    const audit = await t.db.selectFrom('auditLog').selectAll().execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      method: 'auth/setup',
      entity: 'staff',
      entityId: String(caller.staffId),
    });
    expect(audit[0]?.after).not.toContain(ADMIN.password);
    expect(audit[0]?.after).not.toContain(stored.passwordHash);
  });

  it('refuses a second setup once an account exists, and writes nothing', async () => {
    const before = await dumpTables(t.db);
    const again = { ...ADMIN, username: 'intruder', roles: ['admin'] };
    expectError(await t.call('auth/setup', again, 'another-window'), 'CONFLICT');
    expect(await dumpTables(t.db)).toEqual(before);
    expectError(await t.call('cases/queue', {}, 'another-window'), 'UNAUTHENTICATED');
  });

  it('signs in with the right password only', async () => {
    const wrong = expectError(
      await t.call('auth/signIn', { username: ADMIN.username, password: 'not the password' }, 'w2'),
      'UNAUTHENTICATED',
    );
    expect(wrong.message).toBe('用户名或密码不正确');
    expectError(
      await t.call('auth/signIn', { username: 'nobody', password: ADMIN.password }, 'w2'),
      'UNAUTHENTICATED',
    );
    const caller = await t.ok(
      'auth/signIn',
      { username: ADMIN.username, password: ADMIN.password },
      'w2',
    );
    expect(caller.displayName).toBe('陈主任');
  });
});

describe('full intake flow after auth/setup', () => {
  let t: TestCore;
  const clock = createClock(new Date('2026-03-10T02:00:00Z'));
  let registered: Record<'medical1' | 'labour1' | 'medical2', { id: number; number: string }>;
  let medical: number;
  let labour: number;

  beforeAll(async () => {
    t = await openTestCore({ firstStart: true, now: clock.now });
    await t.ok('auth/setup', ADMIN);
    medical = await t.studioId('medical');
    labour = await t.studioId('labour');
    const medical1 = await t.ok('cases/register', intake(medical));
    clock.set('2026-03-10T03:00:00Z');
    const labour1 = await t.ok(
      'cases/register',
      intake(labour, {
        category: 'labour',
        amountFen: '0.29',
        parties: [
          { role: 'applicant', party: person({ name: '李娜', sex: 'female', idNumber: IDS.liNa }) },
          {
            role: 'respondent',
            party: organization({ name: '某某建筑公司', creditCode: CREDIT_CODES.company }),
          },
        ],
      }),
    );
    clock.set('2026-03-10T04:00:00Z');
    const medical2 = await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          {
            role: 'applicant',
            party: person({
              name: '王芳',
              sex: 'female',
              idNumber: IDS.wangFang,
              phone: undefined,
            }),
          },
          { role: 'respondent', party: organization() },
          {
            role: 'third_party',
            party: person({ name: '赵强', idNumber: IDS.zhaoQiang, phone: '010-12345678-123' }),
          },
        ],
      }),
    );
    registered = { medical1, labour1, medical2 };
  });
  afterAll(async () => {
    await t.close();
  });

  it('numbers per studio and year: each studio starts at 0001, the next in a studio is 0002', () => {
    expect(registered.medical1.number).toBe('（2026）矛医调字第0001号');
    expect(registered.labour1.number).toBe('（2026）矛劳调字第0001号');
    expect(registered.medical2.number).toBe('（2026）矛医调字第0002号');
  });

  it('shows the cases in their studio queues, newest first, with party names and roles', async () => {
    const medicalQueue = await t.ok('cases/queue', { studioId: medical });
    expect(medicalQueue.map((c) => c.number)).toEqual([
      registered.medical2.number,
      registered.medical1.number,
    ]);
    expect(medicalQueue[1]).toMatchObject({
      id: registered.medical1.id,
      studioId: medical,
      status: 'registered',
      category: 'medical',
      source: 'walk_in',
      riskLevel: 'medium',
      registeredAt: '2026-03-10T02:00:00.000Z',
      parties: [
        { name: '张伟', role: 'applicant' },
        { name: '市第一人民医院', role: 'respondent' },
      ],
    });
    expect(medicalQueue[0]?.parties).toEqual([
      { name: '王芳', role: 'applicant' },
      { name: '市第一人民医院', role: 'respondent' },
      { name: '赵强', role: 'third_party' },
    ]);
    const labourQueue = await t.ok('cases/queue', { studioId: labour });
    expect(labourQueue.map((c) => c.number)).toEqual([registered.labour1.number]);
    expect(await t.ok('cases/queue', { studioId: medical, status: 'accepted' })).toEqual([]);
  });

  it('returns the case with masked numbers, parties with roles and a registered event', async () => {
    const c = await t.ok('cases/get', { id: registered.medical1.id });
    expect(c).toMatchObject({
      id: registered.medical1.id,
      number: '（2026）矛医调字第0001号',
      studioId: medical,
      status: 'registered',
      category: 'medical',
      riskLevel: 'medium',
      summary: '患者术后感染，要求医院赔偿医疗费用。',
      amountFen: 1250,
    });
    expect(c.parties).toEqual([
      {
        partyId: expect.any(Number),
        role: 'applicant',
        representsPartyId: null,
        agentAuthority: null,
        kind: 'person',
        name: '张伟',
        sex: 'male',
        idNumber: `${IDS.zhangWei.slice(0, 4)}**********${IDS.zhangWei.slice(-4)}`,
        creditCode: null,
        legalRepresentative: null,
        phone: '138****5678',
        address: '幸福路 1 号',
      },
      {
        partyId: expect.any(Number),
        role: 'respondent',
        representsPartyId: null,
        agentAuthority: null,
        kind: 'organization',
        name: '市第一人民医院',
        sex: null,
        idNumber: null,
        creditCode: CREDIT_CODES.hospital,
        legalRepresentative: '赵院长',
        phone: '059****4321',
        address: null,
      },
    ]);
    expect(c.events).toEqual([
      {
        id: expect.any(Number),
        at: '2026-03-10T02:00:00.000Z',
        kind: 'registered',
        data: { number: '（2026）矛医调字第0001号', studioId: medical },
        staffName: '陈主任',
      },
    ]);
    const json = JSON.stringify(c);
    expect(json).not.toContain(IDS.zhangWei);
    expect(json).not.toContain('13812345678');
  });

  it('stores the amount in fen and the defaults for what was left out', async () => {
    const labourCase = await t.ok('cases/get', { id: registered.labour1.id });
    expect(labourCase.amountFen).toBe(29);
    const minimal = await t.ok(
      'cases/register',
      intake(medical, { riskLevel: undefined, requests: undefined, amountFen: undefined }),
    );
    const c = await t.ok('cases/get', { id: minimal.id });
    expect(c).toMatchObject({ riskLevel: 'low', requests: '', amountFen: null });
  });

  it('writes one audit row per registration, with an unbroken hash chain', async () => {
    const rows = await t.db.selectFrom('auditLog').selectAll().orderBy('id').execute();
    const caseRows = rows.filter((r) => r.method === 'cases/register');
    expect(caseRows.length).toBeGreaterThanOrEqual(3);
    const first = caseRows.find((r) => r.entityId === String(registered.medical1.id));
    expect(first).toMatchObject({
      entity: 'case',
      at: '2026-03-10T02:00:00.000Z',
      staffId: rows[0]?.staffId,
      before: null,
    });
    expect(JSON.parse(first?.after ?? 'null')).toMatchObject({
      id: registered.medical1.id,
      number: registered.medical1.number,
      studioId: medical,
      partyIds: [expect.any(Number), expect.any(Number)],
    });
    expect(await auditChainBreaks(t.db)).toEqual([]);
  });

  it('control: the chain check notices an edited audit row', async () => {
    const target = await t.db
      .selectFrom('auditLog')
      .select('id')
      .where('method', '=', 'cases/register')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    // Edit inside a transaction that is then rolled back, so the flow's log stays intact.
    class Rollback extends Error {}
    const edit = t.db.transaction().execute(async (trx) => {
      await trx.updateTable('auditLog').set({ after: '{}' }).where('id', '=', target.id).execute();
      expect(await auditChainBreaks(trx)).toEqual([{ id: target.id, problem: 'hash' }]);
      throw new Rollback();
    });
    await expect(edit).rejects.toBeInstanceOf(Rollback);
    expect(await auditChainBreaks(t.db)).toEqual([]);
  });
});

describe('parties are stored once and found again', () => {
  let t: TestCore;
  let medical: number;
  const clock = createClock(new Date('2026-03-10T02:00:00Z'));
  beforeEach(async () => {
    clock.set('2026-03-10T02:00:00Z');
    t = await openTestCore({ now: clock.now });
    medical = await t.studioId('medical');
  });
  afterEach(async () => {
    expect(t.internalErrors).toEqual([]);
    await t.close();
  });

  const partyRows = () => t.db.selectFrom('parties').selectAll().orderBy('id').execute();

  it('reuses the stored person when the same resident ID comes again, and finds the earlier case', async () => {
    const first = await t.ok('cases/register', intake(medical));
    clock.set('2026-03-11T02:00:00Z');
    const second = await t.ok(
      'cases/register',
      intake(medical, {
        category: 'damages',
        parties: [
          {
            role: 'respondent',
            party: person({ phone: '139 0000 1111', address: '和平路 8 号' }),
          },
          {
            role: 'applicant',
            party: person({ name: '李娜', sex: 'female', idNumber: IDS.liNa, phone: undefined }),
          },
        ],
      }),
    );

    const withId = (await partyRows()).filter((p) => p.idNumber === IDS.zhangWei);
    expect(withId).toHaveLength(1);
    expect(withId[0]).toMatchObject({ phone: '13900001111', address: '和平路 8 号', version: 2 });
    expect((await t.ok('cases/get', { id: second.id })).parties[0]?.partyId).toBe(withId[0]?.id);

    const expected = [
      {
        id: withId[0]?.id,
        kind: 'person',
        name: '张伟',
        sex: 'male',
        idNumber: `${IDS.zhangWei.slice(0, 4)}**********${IDS.zhangWei.slice(-4)}`,
        phone: '139****1111',
        cases: [
          expect.objectContaining({ id: second.id, number: second.number, status: 'registered' }),
          expect.objectContaining({ id: first.id, number: first.number, studioId: medical }),
        ],
      },
    ];
    for (const q of [IDS.zhangWei, IDS.zhangWei.toLowerCase(), '13900001111', '张', '张伟']) {
      const found = await t.ok('parties/search', { q });
      expect(found, q).toMatchObject(expected);
      expect(found, q).toHaveLength(1);
      expect(JSON.stringify(found)).not.toContain(IDS.zhangWei);
      expect(JSON.stringify(found)).not.toContain('13900001111');
    }
    expect(await t.ok('parties/search', { q: '伟' })).toEqual([]); // a prefix, not a substring
    expect(await t.ok('parties/search', { q: '13812345678' })).toEqual([]); // the old phone
  });

  it('stores an ID typed with a lower-case x in upper case', async () => {
    const idX = '11010519491231002X';
    await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          {
            role: 'applicant',
            party: person({ name: '孙丽', sex: 'female', idNumber: idX.toLowerCase() }),
          },
          { role: 'respondent', party: organization() },
        ],
      }),
    );
    expect((await partyRows()).map((p) => p.idNumber)).toContain(idX);
    expect(await t.ok('parties/search', { q: idX.toLowerCase() })).toHaveLength(1);
  });

  it('finds a two-character Chinese name by the whole name and by its surname', async () => {
    await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          { role: 'applicant', party: person({ name: '李娜', sex: 'female', idNumber: IDS.liNa }) },
          {
            role: 'respondent',
            party: person({ name: '李娜娜', sex: 'male', idNumber: IDS.zhaoQiang }),
          },
        ],
      }),
    );
    expect((await t.ok('parties/search', { q: '李娜' })).map((p) => p.name)).toEqual([
      '李娜',
      '李娜娜',
    ]);
    expect((await t.ok('parties/search', { q: '李' })).map((p) => p.name)).toEqual([
      '李娜',
      '李娜娜',
    ]);
    expect(await t.ok('parties/search', { q: '娜' })).toEqual([]);
  });

  it('treats % and _ in a searched name as plain characters', async () => {
    await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          { role: 'applicant', party: person({ name: '王_明', idNumber: IDS.zhangWei }) },
          { role: 'applicant', party: person({ name: '王小明', idNumber: IDS.zhaoQiang }) },
          { role: 'respondent', party: organization({ name: '百分%公司', creditCode: undefined }) },
          {
            role: 'respondent',
            party: organization({ name: '百分之百公司', creditCode: undefined }),
          },
        ],
      }),
    );
    expect((await t.ok('parties/search', { q: '王_' })).map((p) => p.name)).toEqual(['王_明']);
    expect((await t.ok('parties/search', { q: '百分%' })).map((p) => p.name)).toEqual([
      '百分%公司',
    ]);
    expect((await t.ok('parties/search', { q: '%' })).map((p) => p.name)).toEqual([]);
    // control: the prefix without the special character finds both
    expect((await t.ok('parties/search', { q: '百分' })).map((p) => p.name)).toHaveLength(2);
  });

  it('keeps the stored ID and phone when a party is reused by partyId without them', async () => {
    const first = await t.ok('cases/register', intake(medical));
    const stored = (await partyRows()).find((p) => p.idNumber === IDS.zhangWei);
    if (stored === undefined) throw new Error('party not stored');
    await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          {
            role: 'applicant',
            partyId: stored.id,
            party: { kind: 'person', name: '张伟', sex: 'male', address: '新地址 2 号' },
          },
          { role: 'respondent', party: organization() },
        ],
      }),
    );
    const after = (await partyRows()).find((p) => p.id === stored.id);
    expect(after).toMatchObject({
      idNumber: IDS.zhangWei,
      birthDate: '1980-01-01',
      phone: '13812345678',
      address: '新地址 2 号',
      version: stored.version + 1,
    });
    expect(await partyRows()).toHaveLength(2); // the person and the hospital, once each
    const found = await t.ok('parties/search', { q: IDS.zhangWei });
    expect(found[0]?.cases.map((c) => c.id)).toContain(first.id);
    expect(found[0]?.cases).toHaveLength(2);
  });

  it('reuses an organization with the same credit code', async () => {
    await t.ok('cases/register', intake(medical));
    await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          { role: 'applicant', party: person({ name: '李娜', sex: 'female', idNumber: IDS.liNa }) },
          { role: 'respondent', party: organization({ legalRepresentative: '钱院长' }) },
        ],
      }),
    );
    const orgs = (await partyRows()).filter((p) => p.kind === 'organization');
    expect(orgs).toHaveLength(1);
    expect(orgs[0]).toMatchObject({
      creditCode: CREDIT_CODES.hospital,
      legalRepresentative: '钱院长',
    });
    const found = await t.ok('parties/search', { q: CREDIT_CODES.hospital });
    expect(found.map((p) => p.cases.length)).toEqual([2]);
  });

  it('refuses a partyId of the other kind, changing nothing', async () => {
    await t.ok('cases/register', intake(medical));
    const org = (await partyRows()).find((p) => p.kind === 'organization');
    const before = await dumpTables(t.db);
    const error = expectError(
      await t.call(
        'cases/register',
        intake(medical, {
          parties: [
            { role: 'applicant', partyId: org?.id, party: person({ idNumber: undefined }) },
            { role: 'respondent', party: organization() },
          ],
        }),
      ),
      'VALIDATION',
    );
    expect(error.fields).toEqual({ 'parties.0.party.kind': '与已登记当事人的类型不一致' });
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('refuses to give a reused party an ID that belongs to another stored party', async () => {
    await t.ok(
      'cases/register',
      intake(medical, {
        parties: [
          { role: 'applicant', party: person() },
          {
            role: 'respondent',
            party: person({ name: '李娜', sex: 'female', idNumber: IDS.liNa }),
          },
        ],
      }),
    );
    const zhang = (await partyRows()).find((p) => p.idNumber === IDS.zhangWei);
    const before = await dumpTables(t.db);
    const error = expectError(
      await t.call(
        'cases/register',
        intake(medical, {
          parties: [
            {
              role: 'applicant',
              partyId: zhang?.id,
              party: person({ sex: 'female', idNumber: IDS.liNa }),
            },
            { role: 'respondent', party: organization() },
          ],
        }),
      ),
      'VALIDATION',
    );
    expect(error.fields).toEqual({
      'parties.0.party.idNumber': '该证件号码已属于另一名已登记的当事人',
    });
    expect(await dumpTables(t.db)).toEqual(before);
  });

  // The duplicate-ID rule of one case is only applied to numbers typed in; a stored party picked
  // twice (or picked once and typed once) slips through and ends up on both sides of the dispute.
  it('refuses the same stored party twice in one case (partyId twice)', async () => {
    await t.ok('cases/register', intake(medical));
    const zhang = (await partyRows()).find((p) => p.idNumber === IDS.zhangWei);
    const before = await tableCounts(t.db, CASE_TABLES);
    const result = await t.call(
      'cases/register',
      intake(medical, {
        parties: [
          {
            role: 'applicant',
            partyId: zhang?.id,
            party: { kind: 'person', name: '张伟', sex: 'male' },
          },
          {
            role: 'respondent',
            partyId: zhang?.id,
            party: { kind: 'person', name: '张伟', sex: 'male' },
          },
        ],
      }),
    );
    const error = expectError(result, 'VALIDATION');
    expect(Object.keys(error.fields ?? {}).some((path) => path.startsWith('parties.1.'))).toBe(
      true,
    );
    expect(await tableCounts(t.db, CASE_TABLES)).toEqual(before);
  });

  it('refuses a stored party picked by partyId and typed again by its resident ID in one case', async () => {
    await t.ok('cases/register', intake(medical));
    const zhang = (await partyRows()).find((p) => p.idNumber === IDS.zhangWei);
    const before = await tableCounts(t.db, CASE_TABLES);
    const result = await t.call(
      'cases/register',
      intake(medical, {
        parties: [
          {
            role: 'applicant',
            partyId: zhang?.id,
            party: { kind: 'person', name: '张伟', sex: 'male' },
          },
          { role: 'respondent', party: person() },
        ],
      }),
    );
    const error = expectError(result, 'VALIDATION');
    expect(Object.keys(error.fields ?? {}).some((path) => path.startsWith('parties.1.'))).toBe(
      true,
    );
    expect(await tableCounts(t.db, CASE_TABLES)).toEqual(before);
  });

  it("refuses a sex that contradicts a reused party's stored resident ID", async () => {
    await t.ok('cases/register', intake(medical)); // 张伟, male by his ID
    const zhang = (await partyRows()).find((p) => p.idNumber === IDS.zhangWei);
    const before = await dumpTables(t.db);
    const result = await t.call(
      'cases/register',
      intake(medical, {
        parties: [
          {
            role: 'applicant',
            partyId: zhang?.id,
            party: { kind: 'person', name: '张伟', sex: 'female' },
          },
          { role: 'respondent', party: organization() },
        ],
      }),
    );
    const error = expectError(result, 'VALIDATION');
    expect(error.fields?.['parties.0.party.sex']).toBe('性别与身份证号码不符');
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
