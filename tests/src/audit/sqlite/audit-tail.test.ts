import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TestCore } from '../../../support/test-core';
import { ADMIN, openAdminCore } from '../../settings/support/admin-core';
import { tamper } from '../support/tamper';

/**
 * SQLite's AUTOINCREMENT remembers the highest id it issued (sqlite_sequence) even when that
 * row is deleted, so rows cut off the end of the log show too. PostgreSQL keeps no such record.
 */
let t: TestCore;
beforeEach(async () => {
  t = await openAdminCore();
  // Six audited writes: rows 1–6.
  for (let minutes = 1; minutes <= 6; minutes += 1) {
    await t.ok('settings/setSecurity', { idleLockMinutes: minutes }, ADMIN);
  }
});
afterEach(async () => {
  expect(t.internalErrors).toEqual([]);
  await t.close();
});

it('audit/verify finds the last row deleted (SQLite remembers the ids it issued)', async () => {
  await tamper(t, 'delete from audit_log where id = 6');
  expect(await t.ok('audit/verify', {}, ADMIN)).toEqual({
    ok: false,
    checked: 5,
    lastId: 5,
    firstBreak: { id: 6, problem: 'missing_tail', lastGoodId: 5 },
  });
});
