import { describe, expect, it } from 'vitest';
import { translateDatabaseError } from '../../../src/api/database-errors';

/** The same situation on either engine reaches the user as the same error code. */
describe('translateDatabaseError', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it.each([
    ['23P01', 'CONFLICT'], // exclusion_violation: the no-overlap constraint
    ['55P03', 'BUSY'], // lock_not_available: lock_timeout on the write lock
    ['SQLITE_BUSY', 'BUSY'],
    ['ECONNREFUSED', 'UNAVAILABLE'],
    ['ECONNRESET', 'UNAVAILABLE'],
    ['ENOTFOUND', 'UNAVAILABLE'],
    ['08006', 'UNAVAILABLE'], // connection_failure
    ['57P01', 'UNAVAILABLE'], // admin_shutdown
  ])('%s → %s', (code, expected) => {
    expect(translateDatabaseError(withCode(code))?.code).toBe(expected);
  });

  it("pg-pool's timeout, which has no code, is UNAVAILABLE", () => {
    const error = new Error('timeout exceeded when trying to connect');
    expect(translateDatabaseError(error)?.code).toBe('UNAVAILABLE');
  });

  it('anything else stays for the INTERNAL path', () => {
    for (const error of [
      withCode('23505'), // unique_violation: a bug, not a user's situation
      withCode('SQLITE_CONSTRAINT'),
      new Error('boom'),
      'text',
      null,
      undefined,
    ]) {
      expect(translateDatabaseError(error)).toBeNull();
    }
  });
});
