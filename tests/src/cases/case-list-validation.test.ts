import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';
import { named, seedCase } from '../search/support/seed';

/**
 * Bad input to cases/list and cases/count: VALIDATION naming the field, a message in the
 * caller's language, and a database exactly as it was.
 */
let t: TestCore;
let validCursor: string;

beforeAll(async () => {
  t = await openTestCore();
  for (let i = 0; i < 3; i += 1)
    await seedCase(t, { studio: 'medical', parties: [named(`乙${i}`)] });
  const page = await t.ok('cases/list', { limit: 1 });
  validCursor = page.nextCursor ?? '';
  expect(validCursor).not.toBe('');
});
afterAll(() => t.close());

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function expectRefused(
  method: 'cases/list' | 'cases/count',
  input: unknown,
  path: string,
): Promise<void> {
  const before = await dumpTables(t.db);
  const error = expectError(await t.call(method, input), 'VALIDATION');
  expect(Object.keys(error.fields ?? {}), JSON.stringify(error.fields)).toContain(path);
  expect(error.fields?.[path]?.trim().length, `message of ${path}`).toBeGreaterThan(0);
  expect(error.message).toContain(path);
  expect(await dumpTables(t.db)).toEqual(before);
}

describe('cases/list refuses bad filters', () => {
  it.each([
    ['an unknown status', { statuses: ['closed'] }, 'statuses.0'],
    ['a status that is not a list', { statuses: 'registered' }, 'statuses'],
    ['an unknown category', { categories: ['medical', 'weather'] }, 'categories.1'],
    ['an unknown source', { sources: ['fax'] }, 'sources.0'],
    ['an unknown risk level', { riskLevels: ['extreme'] }, 'riskLevels.0'],
    ['a studio id that is not a number', { studioIds: ['medical'] }, 'studioIds.0'],
    ['a mediator id of 0', { mediatorId: 0 }, 'mediatorId'],
    ['overdue as text', { overdue: 'yes' }, 'overdue'],
    ['an impossible date', { registeredFrom: '2026-02-30' }, 'registeredFrom'],
    ['a date in another format', { registeredTo: '2026/03/01' }, 'registeredTo'],
    [
      'a range that ends before it starts',
      { registeredFrom: '2026-03-02', registeredTo: '2026-03-01' },
      'registeredTo',
    ],
    ['a 10,000-character search', { q: '张'.repeat(10_000) }, 'q'],
    ['a search that is not text', { q: 42 }, 'q'],
  ])('%s', async (_name, input, path) => {
    await expectRefused('cases/list', input, path);
    await expectRefused('cases/count', input, path);
  });
});

describe('cases/list refuses bad sorting and paging', () => {
  it.each([
    ['an unknown sort', { sort: 'amount' }, 'sort'],
    ['an unknown direction', { direction: 'up' }, 'direction'],
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 1000', { limit: 1000 }, 'limit'],
    ['a fractional limit', { limit: 2.5 }, 'limit'],
    ['a limit as text', { limit: '50' }, 'limit'],
  ])('%s', async (_name, input, path) => {
    await expectRefused('cases/list', input, path);
  });

  it.each([
    ['not base64url at all', 'not a cursor!'],
    ['base64url of no JSON', Buffer.from('garbage').toString('base64url')],
    ['an empty cursor', ''],
    ['a cursor of another shape', cursor({ page: 2 })],
    [
      'a cursor with extra fields',
      cursor({ s: 'registeredAt', d: 'desc', k: '2026-03-10T02:00:00.000Z', i: 1, x: 1 }),
    ],
    [
      'a negative id',
      cursor({ s: 'registeredAt', d: 'desc', k: '2026-03-10T02:00:00.000Z', i: -1 }),
    ],
    [
      'an id as text',
      cursor({ s: 'registeredAt', d: 'desc', k: '2026-03-10T02:00:00.000Z', i: '1' }),
    ],
    [
      'SQL in the key',
      cursor({ s: 'registeredAt', d: 'desc', k: "'; drop table cases; --", i: 1 }),
    ],
    [
      'a date key for the registration time',
      cursor({ s: 'registeredAt', d: 'desc', k: '2026-03-10', i: 1 }),
    ],
    [
      'a cursor of the other direction',
      cursor({ s: 'registeredAt', d: 'asc', k: '2026-03-10T02:00:00.000Z', i: 1 }),
    ],
    ['a 2,000-character cursor', 'A'.repeat(2000)],
  ])('a tampered cursor: %s', async (_name, after) => {
    await expectRefused('cases/list', { after }, 'after');
  });

  it('a deadline cursor past the no-deadline key', async () => {
    const after = cursor({ s: 'deadlineOn', d: 'asc', k: '9999-12-32', i: 1 });
    await expectRefused('cases/list', { sort: 'deadlineOn', direction: 'asc', after }, 'after');
  });

  it('the cursor of the previous page is accepted, and only with its own sort', async () => {
    await t.ok('cases/list', { limit: 1, after: validCursor });
    await expectRefused('cases/list', { sort: 'number', after: validCursor }, 'after');
  });

  it('answers in the session’s language', async () => {
    const error = expectError(await t.call('cases/list', { after: 'x!' }), 'VALIDATION');
    expect(error.fields?.after).toBe('分页位置无效，请从第一页重新查询');
  });

  it('needs a signed-in caller', async () => {
    expectError(await t.call('cases/list', {}, 'nobody-signed-in'), 'UNAUTHENTICATED');
    expectError(await t.call('cases/count', {}, 'nobody-signed-in'), 'UNAUTHENTICATED');
  });
});
