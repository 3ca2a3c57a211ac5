import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  databaseFileOf,
  openDatabase,
  withRawSqlite,
  type Database,
} from '../../../src/db/database';
import { makeTempDir } from '../../support/test-core';

let dir: string;
let db: Database;
beforeEach(async () => {
  dir = makeTempDir('mediation-desk-raw-');
  db = await openDatabase({ file: path.join(dir, 'desk.sqlite') });
});
afterEach(async () => {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
});

function rawCount(raw: Parameters<Parameters<typeof withRawSqlite>[1]>[0]): Promise<number> {
  return new Promise((resolve, reject) =>
    raw.get<{ n: number }>('select count(*) as n from studios', [], (error, row) =>
      error ? reject(error) : resolve(row?.n ?? -1),
    ),
  );
}

describe('withRawSqlite: the raw handle of the one connection', () => {
  it('runs on the same connection and file the database uses', async () => {
    expect(databaseFileOf(db)).toBe(path.join(dir, 'desk.sqlite'));
    expect(await withRawSqlite(db, rawCount)).toBe(8);
  });

  it('waits for a transaction in progress, and holds queries back while it runs', async () => {
    const order: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      order.push('transaction started');
      await trx.insertInto('settings').values({ key: 'raw.test', value: 'x' }).execute();
      await held;
      order.push('transaction ends');
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const raw = withRawSqlite(db, async (handle) => {
      order.push('raw runs');
      const n = await rawCount(handle);
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push('raw ends');
      return n;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['transaction started']);
    release();
    await transaction;
    const query = db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'raw.test')
      .execute()
      .then((rows) => {
        order.push('query runs');
        return rows;
      });
    expect(await raw).toBe(8);
    expect(await query).toEqual([{ value: 'x' }]);
    expect(order).toEqual([
      'transaction started',
      'transaction ends',
      'raw runs',
      'raw ends',
      'query runs',
    ]);
  });

  it('refuses a database it did not open, and one that is closed', async () => {
    await expect(db.transaction().execute((trx) => withRawSqlite(trx, rawCount))).rejects.toThrow(
      /not an embedded database/,
    );
    await db.destroy();
    await expect(withRawSqlite(db, rawCount)).rejects.toThrow(/not open/);
  });
});
