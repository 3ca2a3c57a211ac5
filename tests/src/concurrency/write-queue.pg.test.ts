import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { WRITE_LOCK_KEY } from '../../../src/db/postgres/pg-dialect';
import { openCenter, type Center } from '../../support/lifecycle';
import { intake } from '../../support/fixtures';

/**
 * A burst of saves at one workstation while another holds the server's write lock: each save
 * waits its turn in this process's write queue, on one pooled connection, instead of taking a
 * connection each and leaving the rest of the pool's callers to time out. All of them succeed
 * once the lock is released, and reads go on meanwhile.
 */
let c: Center | undefined;
afterEach(async () => {
  await c?.t.close();
  c = undefined;
});

describe('write queue', () => {
  it('more simultaneous saves than pooled connections, while another desk holds the lock', async () => {
    c = await openCenter();
    const center = c;
    const server = center.t.postgres;
    if (server === null) expect.fail('this suite runs on PostgreSQL');
    const otherDesk = new pg.Client({ ...server, ssl: false });
    await otherDesk.connect();
    try {
      await otherDesk.query('begin');
      await otherDesk.query('select pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      const saves = Array.from({ length: 12 }, () =>
        center.t.call('cases/register', intake(center.studio.medical)),
      );
      // The pool gives up on a connection after 5 s: hold the lock longer than that.
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      const read = await center.t.call('cases/count', {});
      expect(read.ok, JSON.stringify(read)).toBe(true);
      await otherDesk.query('commit');
      const results = await Promise.all(saves);
      expect(results.filter((r) => !r.ok)).toEqual([]);
      const numbers = results.map((r) => (r.ok ? r.value.number : ''));
      expect(new Set(numbers).size).toBe(12);
    } finally {
      await otherDesk.end();
    }
  }, 40_000);
});
