import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, sql } from 'kysely';
import type { Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqlite3Dialect } from '../../../../src/db/sqlite/sqlite3-dialect';
import type { Sqlite3DialectOptions } from '../../../../src/db/sqlite/sqlite3-dialect';
import { Sqlite3Driver } from '../../../../src/db/sqlite/sqlite3-driver';

interface Db {
  item: { id: Generated<number>; label: string };
  counter: { id: number; value: number };
}

let dir: string;
let filename: string;
let opened: Kysely<Db>[];
let db: Kysely<Db>;

function open(options: Partial<Sqlite3DialectOptions> = {}): Kysely<Db> {
  const instance = new Kysely<Db>({ dialect: createSqlite3Dialect({ filename, ...options }) });
  opened.push(instance);
  return instance;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite3-trx-'));
  filename = path.join(dir, 'trx.sqlite');
  opened = [];
  db = open();
  await db.schema
    .createTable('item')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull().unique())
    .execute();
  await db.schema
    .createTable('counter')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('counter').values({ id: 1, value: 0 }).execute();
});

afterEach(async () => {
  await Promise.all(opened.map((instance) => instance.destroy()));
  fs.rmSync(dir, { recursive: true, force: true });
});

async function labels(instance: Kysely<Db> = db): Promise<string[]> {
  const rows = await instance.selectFrom('item').select('label').orderBy('id').execute();
  return rows.map((r) => r.label);
}

describe('transactions', () => {
  it('commits', async () => {
    const result = await db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ label: 'a' }).execute();
      await trx.insertInto('item').values({ label: 'b' }).execute();
      return 'done';
    });
    expect(result).toBe('done');
    // Visible from another connection, so really committed.
    expect(await labels(open())).toEqual(['a', 'b']);
  });

  it('rolls back when the callback throws', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ label: 'a' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await labels()).toEqual([]);
  });

  it('rolls back on a constraint error and keeps its code', async () => {
    await db.insertInto('item').values({ label: 'taken' }).execute();
    const failure = db.transaction().execute(async (trx) => {
      await trx.insertInto('item').values({ label: 'new' }).execute();
      await trx.insertInto('item').values({ label: 'taken' }).execute();
    });
    await expect(failure).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT' });
    expect(await labels()).toEqual(['taken']);
  });

  it('takes the write lock at BEGIN (IMMEDIATE), before any write', async () => {
    const other = open({ busyTimeoutMs: 0 });
    await other.selectFrom('item').selectAll().execute(); // open it up front

    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began = (): void => undefined;
    const begun = new Promise<void>((resolve) => {
      began = resolve;
    });
    const trx = db.transaction().execute(async (t) => {
      await t.selectFrom('item').selectAll().execute(); // a read only
      began();
      await held;
    });
    await begun;
    // Reads still work (WAL), but another writer cannot even begin.
    expect(await labels(other)).toEqual([]);
    await expect(other.transaction().execute(async () => undefined)).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
    });
    release();
    await trx;
    await other.transaction().execute(async (t) => {
      await t.insertInto('item').values({ label: 'after' }).execute();
    });
    expect(await labels()).toEqual(['after']);
  });
});

describe('savepoints', () => {
  it('rolls back to and releases savepoints in a controlled transaction', async () => {
    const trx = await db.startTransaction().execute();
    await trx.insertInto('item').values({ label: 'kept' }).execute();

    const sp1 = await trx.savepoint('sp1').execute();
    await sp1.insertInto('item').values({ label: 'undone' }).execute();
    const back = await sp1.rollbackToSavepoint('sp1').execute();
    expect(await labels(back)).toEqual(['kept']);

    const sp2 = await back.savepoint('sp2').execute();
    await sp2.insertInto('item').values({ label: 'released' }).execute();
    const released = await sp2.releaseSavepoint('sp2').execute();
    await released.commit().execute();

    expect(await labels()).toEqual(['kept', 'released']);
  });

  it('a savepoint name is quoted, not spliced', async () => {
    const trx = await db.startTransaction().execute();
    const sp = await trx.savepoint('odd "name"; drop table item').execute();
    await sp.insertInto('item').values({ label: 'x' }).execute();
    await (
      await sp.rollbackToSavepoint('odd "name"; drop table item').execute()
    )
      .commit()
      .execute();
    expect(await labels()).toEqual([]);
  });

  it('rolling back the outer transaction discards released savepoints', async () => {
    const trx = await db.startTransaction().execute();
    const sp = await trx.savepoint('inner').execute();
    await sp.insertInto('item').values({ label: 'gone' }).execute();
    await (await sp.releaseSavepoint('inner').execute()).rollback().execute();
    expect(await labels()).toEqual([]);
  });
});

describe('serialization on the single connection', () => {
  it('a concurrent query waits for the whole transaction', async () => {
    const events: string[] = [];
    let began = (): void => undefined;
    const begun = new Promise<void>((resolve) => {
      began = resolve;
    });

    const trx = db.transaction().execute(async (t) => {
      await t.insertInto('item').values({ label: 'first' }).execute();
      events.push('trx: first insert');
      began();
      // Plenty of time for the outside query to run if it could.
      await sleep(50);
      await t.insertInto('item').values({ label: 'second' }).execute();
      events.push('trx: second insert');
    });

    await begun;
    // Issued while the transaction is open. On a shared connection it would
    // run inside the transaction and see only 'first'.
    const outside = db
      .selectFrom('item')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((row) => {
        events.push(`outside: saw ${row.n}`);
      });

    await Promise.all([trx, outside]);
    expect(events).toEqual(['trx: first insert', 'trx: second insert', 'outside: saw 2']);
  });

  it('concurrent read-then-write transactions on one instance never lose updates', async () => {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        db.transaction().execute(async (t) => {
          const { value } = await t.selectFrom('counter').select('value').executeTakeFirstOrThrow();
          await sleep(1);
          await t
            .updateTable('counter')
            .set({ value: value + 1 })
            .execute();
        }),
      ),
    );
    const row = await db.selectFrom('counter').select('value').executeTakeFirstOrThrow();
    expect(row.value).toBe(20);
  });

  it('the driver itself hands the connection to one holder at a time', async () => {
    // Kysely 0.29 also serializes single-connection dialects itself, so check
    // the driver's own mutex without Kysely in front of it.
    const driver = new Sqlite3Driver({ filename, busyTimeoutMs: 1000, readonly: false });
    await driver.init();
    try {
      const first = await driver.acquireConnection();
      let secondAcquired = false;
      const second = driver.acquireConnection().then((connection) => {
        secondAcquired = true;
        return connection;
      });
      await sleep(20);
      expect(secondAcquired).toBe(false);

      await driver.releaseConnection();
      expect(await second).toBe(first);
      await driver.releaseConnection();
    } finally {
      await driver.destroy();
    }
  });

  it('the driver refuses connections after destroy', async () => {
    const driver = new Sqlite3Driver({ filename, busyTimeoutMs: 1000, readonly: false });
    await driver.init();
    await driver.destroy();
    await driver.destroy();
    await expect(driver.acquireConnection()).rejects.toThrow(/not open/);
  });

  it('destroy during init waits for the open and then closes it', async () => {
    const other = path.join(dir, 'racing.sqlite');
    const driver = new Sqlite3Driver({ filename: other, busyTimeoutMs: 1000, readonly: false });
    const init = driver.init();
    const destroyed = driver.destroy();
    await init;
    await destroyed;
    await expect(driver.acquireConnection()).rejects.toThrow(/not open/);
    // The last connection to a WAL database removes the -wal file on close.
    expect(fs.existsSync(other)).toBe(true);
    expect(fs.existsSync(`${other}-wal`)).toBe(false);
  });

  it('raw transaction statements still go through (connection().execute)', async () => {
    await db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      await conn.insertInto('item').values({ label: 'manual' }).execute();
      await sql`commit`.execute(conn);
    });
    expect(await labels()).toEqual(['manual']);
  });
});
