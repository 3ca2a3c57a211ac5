import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { intake } from '../../support/fixtures';
import { expectError, type TestCore } from '../../support/test-core';
import { ADMIN, auditRowsOf, expectRefused, openAdminCore } from './support/admin-core';

let t: TestCore;
let medical: number;
beforeEach(async () => {
  t = await openAdminCore();
  medical = await t.studioId('medical');
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

async function studio(id: number) {
  const found = (await t.ok('studios/listAll', {}, ADMIN)).find((s) => s.id === id);
  if (found === undefined) throw new Error(`no studio ${id}`);
  return found;
}

function editable(s: Awaited<ReturnType<typeof studio>>) {
  return {
    id: s.id,
    version: s.version,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    committeeName: s.committeeName,
    numberCode: s.numberCode,
    numberWord: s.numberWord,
    deadlineAmount: s.deadlineAmount,
    deadlineUnit: s.deadlineUnit,
    active: s.active,
  };
}

describe('studios/update', () => {
  it('changes names and committee with the version, and audits before and after', async () => {
    const before = editable(await studio(medical));
    const saved = await t.ok(
      'studios/update',
      { ...before, nameZh: '医患纠纷调解工作室', committeeName: '区医疗纠纷人民调解委员会' },
      ADMIN,
    );
    expect(saved).toMatchObject({ version: 2, nameZh: '医患纠纷调解工作室' });
    expect((await studio(medical)).committeeName).toBe('区医疗纠纷人民调解委员会');
    expect((await t.ok('studios/list', {})).find((s) => s.id === medical)?.nameZh).toBe(
      '医患纠纷调解工作室',
    );
    const [row] = await auditRowsOf(t, 'studios/update');
    expect(JSON.parse(row?.before ?? '')).toMatchObject({ nameZh: '医疗纠纷调解工作室' });
    expect(JSON.parse(row?.after ?? '')).toMatchObject({ nameZh: '医患纠纷调解工作室' });
  });

  it('answers STALE to a save based on an old version', async () => {
    const before = editable(await studio(medical));
    await t.ok('studios/update', { ...before, nameEn: 'Medical' }, ADMIN);
    const snapshot = await dumpTables(t.db);
    expectError(await t.call('studios/update', { ...before, nameEn: 'Other' }, ADMIN), 'STALE');
    expect(await dumpTables(t.db)).toEqual(snapshot);
  });

  it('refuses number codes another studio numbers with (case numbers would collide)', async () => {
    const labour = await studio(await t.studioId('labour'));
    const input = {
      ...editable(await studio(medical)),
      numberCode: labour.numberCode,
      numberWord: labour.numberWord,
    };
    await expectRefused(t, 'studios/update', input, 'numberCode');
    // The same code with another word is a different number.
    await t.ok('studios/update', { ...input, numberWord: '调解' }, ADMIN);
  });

  it('refuses bad fields next to them', async () => {
    const good = editable(await studio(medical));
    await expectRefused(t, 'studios/update', { ...good, nameZh: '' }, 'nameZh');
    await expectRefused(t, 'studios/update', { ...good, deadlineAmount: 0 }, 'deadlineAmount');
    await expectRefused(t, 'studios/update', { ...good, deadlineUnit: 'weeks' }, 'deadlineUnit');
    await expectRefused(t, 'studios/update', { ...good, numberWord: '' }, 'numberWord');
    await expectRefused(t, 'studios/update', { ...good, active: 'yes' }, 'active');
    const before = await dumpTables(t.db);
    expectError(await t.call('studios/update', { ...good, id: 4242 }, ADMIN), 'NOT_FOUND');
    expect(await dumpTables(t.db)).toEqual(before);
  });
});

describe('studios/setDeadline', () => {
  it("changes the rule and moves the open cases' stored due dates with it", async () => {
    const { id } = await t.ok('cases/register', intake(medical));
    await t.addStaff({ username: 'mediator', roles: ['mediator'], studios: ['medical'] });
    await t.signIn('m', 'mediator');
    const found = await t.ok('cases/get', { id }, 'm');
    await t.ok('cases/accept', { id, version: found.version }, 'm');
    const dueBefore = (
      await t.db
        .selectFrom('cases')
        .select('deadlineOn')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).deadlineOn;
    const s = await studio(medical);
    await t.ok(
      'studios/setDeadline',
      { id: medical, version: s.version, deadlineAmount: 10, deadlineUnit: 'calendar_days' },
      ADMIN,
    );
    const dueAfter = (
      await t.db
        .selectFrom('cases')
        .select('deadlineOn')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).deadlineOn;
    expect(dueBefore).not.toBeNull();
    expect(dueAfter).toBe('2026-03-20');
    expect(dueAfter).not.toBe(dueBefore);
    expect(await studio(medical)).toMatchObject({
      deadlineAmount: 10,
      deadlineUnit: 'calendar_days',
      version: s.version + 1,
    });
  });

  it('refuses an amount of zero and an unknown unit', async () => {
    const s = await studio(medical);
    await expectRefused(
      t,
      'studios/setDeadline',
      { id: medical, version: s.version, deadlineAmount: 0, deadlineUnit: 'months' },
      'deadlineAmount',
    );
    await expectRefused(
      t,
      'studios/setDeadline',
      { id: medical, version: s.version, deadlineAmount: 1, deadlineUnit: 'years' },
      'deadlineUnit',
    );
  });
});

describe('studios/create, rooms/create, rooms/update', () => {
  const newStudio = {
    code: 'traffic',
    kind: 'mediation',
    nameZh: '交通事故调解工作室',
    nameEn: 'Traffic accident mediation',
    committeeName: '道路交通事故人民调解委员会',
    numberCode: '交',
    numberWord: '调',
    deadlineAmount: 30,
    deadlineUnit: 'calendar_days',
  };

  it('adds a studio at the end, then a room to it, then changes and retires the room', async () => {
    const created = await t.ok('studios/create', newStudio, ADMIN);
    const all = await t.ok('studios/listAll', {}, ADMIN);
    expect(all.at(-1)).toMatchObject({ id: created.id, code: 'traffic', active: true, rooms: [] });
    const room = await t.ok(
      'rooms/create',
      { studioId: created.id, nameZh: '交调室', nameEn: 'Traffic room', capacity: 6 },
      ADMIN,
    );
    await t.ok('rooms/update', { ...room, capacity: 10, active: false }, ADMIN);
    expect((await studio(created.id)).rooms).toEqual([{ ...room, capacity: 10, active: false }]);
    // Inactive rooms are hidden from everyday lists.
    expect((await t.ok('studios/list', {})).find((s) => s.id === created.id)?.rooms).toEqual([]);
    expect(
      (await auditRowsOf(t, 'rooms/update')).map((r) => JSON.parse(r.after ?? '').capacity),
    ).toEqual([10]);
  });

  it('refuses a studio code or number code already used, and a room in no studio', async () => {
    await expectRefused(t, 'studios/create', { ...newStudio, code: 'medical' }, 'code');
    await expectRefused(t, 'studios/create', { ...newStudio, numberCode: '医' }, 'numberCode');
    await expectRefused(t, 'studios/create', { ...newStudio, code: 'Bad Code' }, 'code');
    await expectRefused(t, 'studios/create', { ...newStudio, kind: 'canteen' }, 'kind');
    await expectRefused(
      t,
      'rooms/create',
      { studioId: 4242, nameZh: 'x', nameEn: 'x', capacity: 1 },
      'studioId',
    );
    await expectRefused(
      t,
      'rooms/create',
      { studioId: medical, nameZh: 'x', nameEn: 'x', capacity: 0 },
      'capacity',
    );
    const before = await dumpTables(t.db);
    expectError(
      await t.call(
        'rooms/update',
        { id: 4242, studioId: medical, nameZh: 'x', nameEn: 'x', capacity: 1, active: true },
        ADMIN,
      ),
      'NOT_FOUND',
    );
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('is for the admin only', async () => {
    const before = await dumpTables(t.db);
    expectError(await t.call('studios/create', newStudio), 'FORBIDDEN');
    expectError(await t.call('studios/listAll', {}), 'FORBIDDEN');
    expectError(
      await t.call('rooms/create', { studioId: medical, nameZh: 'x', nameEn: 'x', capacity: 1 }),
      'FORBIDDEN',
    );
    expect(await dumpTables(t.db)).toEqual(before);
  });
});
