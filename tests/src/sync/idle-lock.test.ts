import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dumpTables } from '../../support/db-snapshot';
import { expectError, TEST_PASSWORD } from '../../support/test-core';
import { openClockedEngineCore } from './support/clocked-engine-core';

/**
 * Polling runs every two seconds whether or not anyone is at the desk: it must not keep a
 * window awake, and a locked window must learn nothing from it.
 */
let t: Awaited<ReturnType<typeof openClockedEngineCore>>;
const WINDOW = 'window-studio';

beforeEach(async () => {
  t = await openClockedEngineCore();
  await t.addStaff('li', ['mediator']);
  await t.signIn(WINDOW, 'li');
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

describe('sync/changes and the idle lock (10 minutes by default)', () => {
  it('is no activity: a window that only polls locks on time', async () => {
    // Polled every two seconds for nine and a half minutes, as the renderer would.
    for (let second = 0; second < 570; second += 30) {
      await t.ok(WINDOW, 'sync/changes');
      t.advanceMinutes(0.5);
    }
    t.advanceMinutes(0.5);
    const before = await dumpTables(t.db);
    // Ten minutes since sign-in: the poll itself finds the window idle, and is refused.
    expectError(await t.call(WINDOW, 'sync/changes'), 'LOCKED');
    expect((await t.ok(WINDOW, 'auth/status')).lock?.locked).toBe(true);
    expect(await dumpTables(t.db)).toEqual(before);
  });

  it('is what an ordinary read is not: a read keeps the window open, a poll does not', async () => {
    t.advanceMinutes(9);
    await t.ok(WINDOW, 'cases/list', {});
    t.advanceMinutes(9);
    await t.ok(WINDOW, 'sync/changes');
    t.advanceMinutes(2);
    expectError(await t.call(WINDOW, 'sync/changes'), 'LOCKED');
  });

  it('answers LOCKED on a locked window, and again after unlocking', async () => {
    const { marker } = await t.ok(WINDOW, 'sync/changes');
    await t.ok(WINDOW, 'auth/lock');
    expectError(await t.call(WINDOW, 'sync/changes', { since: marker }), 'LOCKED');
    // Bad input on a locked window is refused as locked, before the input is read.
    expectError(await t.call(WINDOW, 'sync/changes', { since: 42 }), 'LOCKED');
    await t.ok(WINDOW, 'auth/unlock', { password: TEST_PASSWORD });
    expect(await t.ok(WINDOW, 'sync/changes', { since: marker })).toEqual({ marker, changed: [] });
  });
});
