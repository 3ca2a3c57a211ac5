import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseListPage } from '../../../src/cases/case-list.methods';
import type { CaseListSort, SortDirection } from '../../../src/cases/case-list.schema';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';
import { named, seedCase, setCase } from '../search/support/seed';

/**
 * Sort orders and keyset paging. Every case registered on the frozen clock has the same
 * registeredAt, and deadlines repeat, so most sort keys tie: the id decides, and a walk through
 * all pages must meet every case exactly once whatever the page size.
 */
let t: TestCore;
interface Row {
  id: number;
  number: string;
  registeredAt: string;
  deadlineOn: string | null;
}
let rows: Row[] = [];

const DEADLINES = [null, '2026-03-20', '2026-03-20', '2026-04-01', null, '2026-02-28'];
const STUDIOS = ['medical', 'labour', 'family'];

beforeAll(async () => {
  t = await openTestCore();
  for (let i = 0; i < 23; i += 1) {
    const { id } = await seedCase(t, {
      studio: STUDIOS[i % STUDIOS.length] ?? 'medical',
      parties: [named(`甲${i}`)],
    });
    await setCase(t.db, id, { deadlineOn: DEADLINES[i % DEADLINES.length] ?? null });
  }
  rows = await t.db
    .selectFrom('cases')
    .select(['id', 'number', 'registeredAt', 'deadlineOn'])
    .execute();
  expect(new Set(rows.map((r) => r.registeredAt)).size).toBe(1);
});
afterAll(() => t.close());

/** The order the list promises: sort key (no deadline = furthest future), then id. */
function expected(sort: CaseListSort, direction: SortDirection): number[] {
  const key = (r: Row) =>
    sort === 'number'
      ? r.number
      : sort === 'deadlineOn'
        ? (r.deadlineOn ?? '9999-12-31')
        : r.registeredAt;
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows]
    .sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id))
    .map((r) => r.id);
}

async function walk(input: Record<string, unknown>, limit: number): Promise<number[][]> {
  const pages: number[][] = [];
  let after: string | null = null;
  do {
    const page: CaseListPage = await t.ok('cases/list', {
      ...input,
      limit,
      ...(after ? { after } : {}),
    });
    pages.push(page.items.map((i) => i.id));
    after = page.nextCursor;
    expect(pages.length).toBeLessThan(100);
  } while (after !== null);
  return pages;
}

describe('cases/list sort and keyset pages', () => {
  for (const sort of ['registeredAt', 'deadlineOn', 'number'] as const) {
    for (const direction of ['asc', 'desc'] as const) {
      it(`${sort} ${direction}: every case exactly once, in order, page after page`, async () => {
        for (const limit of [1, 4, 7, 23, 200]) {
          const pages = await walk({ sort, direction }, limit);
          expect(pages.flat(), `limit ${limit}`).toEqual(expected(sort, direction));
          expect(pages.slice(0, -1).every((p) => p.length === limit)).toBe(true);
          expect(pages.at(-1)?.length).toBeGreaterThan(0);
        }
      });
    }
  }

  it('defaults to the newest registrations first, 50 to a page', async () => {
    const page = await t.ok('cases/list', {});
    expect(page.items.map((i) => i.id)).toEqual(expected('registeredAt', 'desc'));
    expect(page.nextCursor).toBeNull();
  });

  it('no deadline sorts as the furthest future: last ascending, first descending', async () => {
    const asc = await t.ok('cases/list', { sort: 'deadlineOn', direction: 'asc', limit: 200 });
    expect(asc.items.at(0)?.deadlineOn).toBe('2026-02-28');
    expect(asc.items.at(-1)?.deadlineOn).toBeNull();
    const desc = await t.ok('cases/list', { sort: 'deadlineOn', direction: 'desc', limit: 200 });
    expect(desc.items.at(0)?.deadlineOn).toBeNull();
  });

  it('a case registered while paging neither repeats nor shifts the pages not yet read', async () => {
    const first = await t.ok('cases/list', { limit: 5 });
    const added = await seedCase(t, { studio: 'medical', parties: [named('新来的')] });
    const rest = (await walk({}, 5)).flat();
    const continued: number[] = [];
    let after = first.nextCursor;
    while (after !== null) {
      const page = await t.ok('cases/list', { limit: 5, after });
      continued.push(...page.items.map((i) => i.id));
      after = page.nextCursor;
    }
    const seen = [...first.items.map((i) => i.id), ...continued];
    expect(seen).toEqual(expected('registeredAt', 'desc'));
    expect(rest[0]).toBe(added.id); // a fresh walk starts with it
  });

  it('a cursor belongs to its sort and direction', async () => {
    const page = await t.ok('cases/list', { sort: 'number', direction: 'asc', limit: 3 });
    const after = page.nextCursor;
    expect(after).not.toBeNull();
    for (const other of [
      { sort: 'number', direction: 'desc' },
      { sort: 'registeredAt', direction: 'asc' },
      { sort: 'deadlineOn', direction: 'asc' },
    ]) {
      const error = expectError(await t.call('cases/list', { ...other, after }), 'VALIDATION');
      expect(Object.keys(error.fields ?? {})).toEqual(['after']);
    }
  });

  it('filters and the search page the same way', async () => {
    const medical = await t.studioId('medical');
    const pages = await walk({ studioIds: [medical], sort: 'deadlineOn', direction: 'asc' }, 2);
    const all = await t.ok('cases/list', {
      studioIds: [medical],
      sort: 'deadlineOn',
      direction: 'asc',
      limit: 200,
    });
    expect(pages.flat()).toEqual(all.items.map((i) => i.id));
    const searched = await walk({ q: '甲1' }, 3);
    expect(searched.flat().length).toBe(11); // 甲1, 甲10 … 甲19
    expect(new Set(searched.flat()).size).toBe(11);
  });
});
