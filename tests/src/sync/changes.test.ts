import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../../src/api/contract';
import { GENESIS_HASH } from '../../../src/audit/audit-hash';
import { MAX_LISTED_WRITES } from '../../../src/sync/sync.methods';
import { dumpTables } from '../../support/db-snapshot';
import { intake } from '../../support/fixtures';
import { expectError, openTestCore, type TestCore } from '../../support/test-core';

/**
 * sync/changes: the marker other workstations poll. It must move with every write (on both
 * engines), stay put for reads, and name what kind of record changed, cheaply.
 */
let t: TestCore;
let medical: number;

const ADMIN = 'window-admin';

beforeEach(async () => {
  t = await openTestCore();
  medical = await t.studioId('medical');
  await t.addStaff({ username: 'admin', roles: ['admin'] });
  await t.signIn(ADMIN, 'admin');
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

type Report = MethodOutput<'sync/changes'>;
const poll = (since?: string, session?: string): Promise<Report> =>
  t.ok('sync/changes', since === undefined ? {} : { since }, session);

describe('the change marker', () => {
  it('starts at the genesis of an empty audit log', async () => {
    expect(await poll()).toEqual({ marker: `0:${GENESIS_HASH.slice(0, 16)}`, changed: null });
  });

  it('stays put for reads and moves with each write', async () => {
    const first = await poll();
    expect(first.changed).toBeNull();
    await t.ok('cases/list', {});
    await t.ok('studios/list', {});
    await t.ok('cases/count', {});
    await t.ok('audit/list', {}, ADMIN);
    const again = await poll(first.marker);
    expect(again).toEqual({ marker: first.marker, changed: [] });

    const { id } = await t.ok('cases/register', intake(medical));
    const afterRegister = await poll(first.marker);
    expect(afterRegister.marker).not.toBe(first.marker);
    expect(afterRegister.changed).toEqual(['case']);
    const newest = await t.db
      .selectFrom('auditLog')
      .select(['id', 'hash'])
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(afterRegister.marker).toBe(`${newest.id}:${newest.hash.slice(0, 16)}`);

    await t.ok('cases/accept', { id, version: 1 });
    const afterAccept = await poll(afterRegister.marker);
    expect(afterAccept.marker).not.toBe(afterRegister.marker);
    expect(afterAccept.changed).toEqual(['case']);
    expect((await poll(afterAccept.marker)).changed).toEqual([]);
  });

  it('names each kind of record written since the given marker, once, in order', async () => {
    const start = (await poll()).marker;
    await t.ok('cases/register', intake(medical));
    await t.ok('calendar/set', { date: '2026-05-01', kind: 'holiday', name: '劳动节' }, ADMIN);
    await t.ok('cases/register', intake(medical));
    expect((await poll(start)).changed).toEqual(['calendar_day', 'case']);
  });

  it('moves when a masked number is revealed, but names no changed record', async () => {
    const { id } = await t.ok('cases/register', intake(medical));
    const detail = await t.ok('cases/get', { id });
    const partyId = detail.parties[0]?.partyId ?? 0;
    const before = (await poll()).marker;
    await t.ok('parties/reveal', { caseId: id, partyId, field: 'phone' });
    const after = await poll(before);
    expect(after.marker).not.toBe(before);
    expect(after.changed).toEqual([]);
  });

  it('says "anything" for a marker from another history or from the future', async () => {
    await t.ok('cases/register', intake(medical));
    const { marker } = await poll();
    const [id] = marker.split(':');
    // Same id, another chain: a restored or different database.
    expect((await poll(`${id}:${'f'.repeat(16)}`)).changed).toBeNull();
    expect((await poll(`${Number(id) + 5}:${'0'.repeat(16)}`)).changed).toBeNull();
    // The empty log's marker is still a valid history: everything since is listed.
    expect((await poll(`0:${GENESIS_HASH.slice(0, 16)}`)).changed).toEqual(['case']);
  });

  it(`stops listing beyond ${MAX_LISTED_WRITES} writes: the caller refreshes everything`, async () => {
    const start = (await poll()).marker;
    const rows = Array.from({ length: MAX_LISTED_WRITES + 1 }, (_, i) => ({
      at: '2026-03-10T02:00:00.000Z',
      staffId: null,
      method: 'test/bulk',
      entity: 'case',
      entityId: String(i),
      before: null,
      after: null,
      prevHash: GENESIS_HASH,
      hash: GENESIS_HASH,
    }));
    await t.db.insertInto('auditLog').values(rows.slice(0, MAX_LISTED_WRITES)).execute();
    expect((await poll(start)).changed).toEqual(['case']);
    await t.db.insertInto('auditLog').values(rows.slice(MAX_LISTED_WRITES)).execute();
    expect((await poll(start)).changed).toBeNull();
  });
});

describe('who may poll', () => {
  it('answers every signed-in role, and nobody signed out', async () => {
    const roles = ['reception', 'mediator', 'clerk', 'director', 'admin'] as const;
    const markers = new Set<string>();
    for (const role of roles) {
      const session = `window-${role}-2`;
      await t.addStaff({ username: `${role}2`, roles: [role], studios: ['medical'] });
      await t.signIn(session, `${role}2`);
      markers.add((await poll(undefined, session)).marker);
    }
    // Everyone sees the same marker: it says nothing about what each may read.
    expect(markers.size).toBe(1);
    expectError(await t.call('sync/changes', {}, 'window-nobody'), 'UNAUTHENTICATED');
  });
});

describe('bad input', () => {
  it.each([
    ['a number', 12],
    ['no hash', '12'],
    ['a short hash', '12:abc'],
    ['upper-case hex', `12:${'A'.repeat(16)}`],
    ['a negative id', `-1:${'0'.repeat(16)}`],
    ['an id too long to be one', `${'9'.repeat(16)}:${'0'.repeat(16)}`],
    ['null', null],
  ])('refuses %s as `since`, field by field, and changes nothing', async (_label, since) => {
    await t.ok('cases/register', intake(medical));
    const marker = (await poll()).marker;
    const before = await dumpTables(t.db);
    const error = expectError(await t.call('sync/changes', { since }), 'VALIDATION');
    expect(Object.keys(error.fields ?? {})).toEqual(['since']);
    expect(error.fields?.since).toMatch(/\S/);
    expect(await dumpTables(t.db)).toEqual(before);
    expect((await poll(marker)).changed).toEqual([]);
  });
});
