import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListInput } from '../../../src/cases/case-list.schema';
import { IDS, person } from '../../support/fixtures';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';
import { assignMediator, named, seedCase, setCase } from '../search/support/seed';

/**
 * cases/list and cases/count, one filter at a time, on eight hand-made cases. The frozen clock
 * makes today 2026-03-10 at the center: overdue is a deadline before it, due soon one from it
 * to 2026-03-13.
 */
let t: TestCore;
const c: Record<string, number> = {};
let mediatorA: number;
let mediatorB: number;

beforeAll(async () => {
  t = await openTestCore();
  mediatorA = await t.addStaff({ username: 'med.a', roles: ['mediator'], studios: ['medical'] });
  mediatorB = await t.addStaff({ username: 'med.b', roles: ['mediator'], studios: ['labour'] });
  await t.addStaff({ username: 'nobody', roles: ['clerk'] });
  await t.signIn('medical-window', 'med.a');
  await t.signIn('clerk-window', 'nobody');

  const add = async (
    key: string,
    studio: string,
    fields: Partial<Parameters<typeof seedCase>[1]>,
    lifecycle: Parameters<typeof setCase>[2],
  ) => {
    const { id } = await seedCase(t, { studio, parties: [named(`当事人${key}`)], ...fields });
    await setCase(t.db, id, lifecycle);
    c[key] = id;
  };
  // 2026-03-01 23:59:59.999 at the center, and a millisecond later 2026-03-02 00:00.
  await add(
    'A',
    'medical',
    { category: 'medical', source: 'walk_in', riskLevel: 'high' },
    {
      status: 'in_mediation',
      deadlineOn: '2026-03-09',
      registeredAt: '2026-03-01T15:59:59.999Z',
    },
  );
  await add(
    'B',
    'medical',
    { category: 'medical', source: 'hotline_12345', riskLevel: 'low' },
    { status: 'accepted', deadlineOn: '2026-03-10', registeredAt: '2026-03-01T16:00:00.000Z' },
  );
  await add(
    'C',
    'labour',
    { category: 'labour', source: 'police_110', riskLevel: 'medium' },
    { status: 'registered', deadlineOn: null, registeredAt: '2026-03-05T02:00:00.000Z' },
  );
  await add(
    'D',
    'labour',
    { category: 'labour', source: 'walk_in', riskLevel: 'low' },
    { status: 'concluded', deadlineOn: '2026-03-01', registeredAt: '2026-02-01T02:00:00.000Z' },
  );
  await add(
    'E',
    'family',
    { category: 'marriage_family', source: 'grid_member', riskLevel: 'low' },
    { status: 'in_mediation', deadlineOn: '2026-03-13', registeredAt: '2026-01-15T02:00:00.000Z' },
  );
  await add(
    'F',
    'family',
    { category: 'marriage_family', source: 'walk_in', riskLevel: 'medium' },
    { status: 'in_mediation', deadlineOn: '2026-03-14', registeredAt: '2025-12-31T16:00:00.000Z' },
  );
  await add(
    'G',
    'township',
    { category: 'neighbourhood', source: 'grid_member', riskLevel: 'high' },
    { status: 'archived', deadlineOn: '2025-06-01', registeredAt: '2025-05-01T02:00:00.000Z' },
  );
  await add(
    'H',
    'township',
    { category: 'other', source: 'own_initiative', riskLevel: 'low' },
    { status: 'declined', deadlineOn: null, registeredAt: '2026-03-09T20:00:00.000Z' },
  );
  await assignMediator(t.db, c.A ?? 0, mediatorA);
  await assignMediator(t.db, c.B ?? 0, mediatorA);
  await assignMediator(t.db, c.B ?? 0, mediatorB);
  await assignMediator(t.db, c.D ?? 0, mediatorB);
});
afterAll(() => t.close());

/** The cases a filter finds (by key), checked against cases/count. */
async function found(filter: CaseListInput, session?: string): Promise<string> {
  const page = await t.ok('cases/list', { ...filter, limit: 200 }, session);
  const { sort: _sort, direction: _direction, limit: _limit, after: _after, ...countable } = filter;
  const { total } = await t.ok('cases/count', countable, session);
  expect(total, `count of ${JSON.stringify(filter)}`).toBe(page.items.length);
  const keys = Object.fromEntries(Object.entries(c).map(([key, id]) => [id, key]));
  return page.items
    .map((i) => keys[i.id] ?? '?')
    .sort()
    .join('');
}

describe('cases/list filters', () => {
  it('no filter: every case', async () => {
    expect(await found({})).toBe('ABCDEFGH');
  });

  it('studios', async () => {
    expect(await found({ studioIds: [await t.studioId('medical')] })).toBe('AB');
    const twoStudios = [await t.studioId('medical'), await t.studioId('labour')];
    expect(await found({ studioIds: twoStudios })).toBe('ABCD');
    expect(await found({ studioIds: [] })).toBe('ABCDEFGH');
  });

  it('statuses', async () => {
    expect(await found({ statuses: ['in_mediation'] })).toBe('AEF');
    expect(await found({ statuses: ['registered', 'declined'] })).toBe('CH');
  });

  it('categories, sources and risk levels', async () => {
    expect(await found({ categories: ['labour'] })).toBe('CD');
    expect(await found({ categories: ['labour', 'medical'] })).toBe('ABCD');
    expect(await found({ sources: ['walk_in'] })).toBe('ADF');
    expect(await found({ riskLevels: ['high'] })).toBe('AG');
  });

  it('mediator (case_mediators)', async () => {
    expect(await found({ mediatorId: mediatorA })).toBe('AB');
    expect(await found({ mediatorId: mediatorB })).toBe('BD');
    expect(await found({ mediatorId: 9999 })).toBe('');
  });

  it('overdue: open cases whose deadline has passed (not closed ones, not today’s)', async () => {
    expect(await found({ overdue: true })).toBe('A');
    expect(await found({ overdue: false })).toBe('ABCDEFGH');
  });

  it('due soon: open cases due today to three days ahead', async () => {
    expect(await found({ dueSoon: true })).toBe('BE');
  });

  it('overdue and due soon together: urgent', async () => {
    expect(await found({ overdue: true, dueSoon: true })).toBe('ABE');
  });

  it('registration dates are center dates (Asia/Shanghai), both ends included', async () => {
    expect(await found({ registeredFrom: '2026-03-01', registeredTo: '2026-03-01' })).toBe('A');
    expect(await found({ registeredFrom: '2026-03-02', registeredTo: '2026-03-02' })).toBe('B');
    expect(await found({ registeredFrom: '2026-03-10' })).toBe('H');
    expect(await found({ registeredTo: '2025-12-31' })).toBe('G');
    expect(await found({ registeredFrom: '2026-01-01', registeredTo: '2026-01-31' })).toBe('EF');
  });

  it('filters combine: all must hold', async () => {
    const labour = await t.studioId('labour');
    expect(await found({ studioIds: [labour], statuses: ['concluded'] })).toBe('D');
    expect(await found({ sources: ['walk_in'], statuses: ['in_mediation'] })).toBe('AF');
    expect(await found({ categories: ['medical'], overdue: true, mediatorId: mediatorA })).toBe(
      'A',
    );
  });
});

describe('cases/list scope: a mediator sees their own studios', () => {
  it('lists only the studios the caller works in', async () => {
    expect(await found({}, 'medical-window')).toBe('AB');
    const medical = await t.studioId('medical');
    expect(await found({ studioIds: [medical] }, 'medical-window')).toBe('AB');
    expect(await found({ mediatorId: mediatorB }, 'medical-window')).toBe('B');
  });

  it('refuses a studio outside the caller’s scope', async () => {
    const labour = await t.studioId('labour');
    expectError(await t.call('cases/list', { studioIds: [labour] }, 'medical-window'), 'FORBIDDEN');
    expectError(
      await t.call('cases/count', { studioIds: [labour] }, 'medical-window'),
      'FORBIDDEN',
    );
  });

  it('a member of no studio sees nothing', async () => {
    expect(await found({}, 'clerk-window')).toBe('');
  });
});

describe('cases/list rows', () => {
  it('carry the list columns, parties by name and role only, and a one-line summary', async () => {
    const long = `第一行\n${'很长的纠纷经过'.repeat(20)}`;
    const { id } = await seedCase(t, {
      studio: 'medical',
      parties: [person(), person({ name: '李娜', sex: 'female', idNumber: IDS.liNa })],
      summary: long,
    });
    const page = await t.ok('cases/list', { q: '很长的纠纷经过' });
    expect(page.items).toHaveLength(1);
    const [item] = page.items;
    expect(item?.id).toBe(id);
    expect(Object.keys(item ?? {}).sort()).toEqual(
      [
        'category',
        'deadlineOn',
        'id',
        'number',
        'parties',
        'registeredAt',
        'riskLevel',
        'source',
        'status',
        'studioId',
        'summary',
      ].sort(),
    );
    expect(item?.parties).toEqual([
      { name: '张伟', role: 'applicant' },
      { name: '李娜', role: 'respondent' },
    ]);
    expect(JSON.stringify(page)).not.toContain(IDS.liNa);
    expect(JSON.stringify(page)).not.toContain('13812345678');
    expect(item?.summary).toBe(`${`第一行 ${'很长的纠纷经过'.repeat(20)}`.slice(0, 80)}…`);
    expect(page.nextCursor).toBeNull();
  });
});
