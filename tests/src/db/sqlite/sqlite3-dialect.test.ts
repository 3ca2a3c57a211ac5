import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, Kysely, sql } from 'kysely';
import type { Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqlite3Dialect } from '../../../../src/db/sqlite/sqlite3-dialect';
import type { Sqlite3DialectOptions } from '../../../../src/db/sqlite/sqlite3-dialect';

interface Db {
  person: { id: Generated<number>; name: string; age: number | null };
  pet: { id: Generated<number>; owner_id: number; name: string };
  blob_box: { id: number; data: Buffer | null };
}

let dir: string;
let opened: Kysely<Db>[];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite3-dialect-'));
  opened = [];
});

afterEach(async () => {
  await Promise.all(opened.map((db) => db.destroy()));
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(options: Partial<Sqlite3DialectOptions> = {}): Kysely<Db> {
  const db = new Kysely<Db>({
    dialect: createSqlite3Dialect({ filename: path.join(dir, 'test.sqlite'), ...options }),
  });
  opened.push(db);
  return db;
}

async function createSchema(db: Kysely<Db>): Promise<void> {
  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('age', 'integer')
    .execute();
  await db.schema
    .createTable('pet')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('owner_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('blob_box')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('data', 'blob')
    .execute();
}

async function pragma(db: Kysely<Db>, name: string): Promise<unknown> {
  const { rows } = await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(db);
  // The column is not always named after the pragma (busy_timeout -> "timeout").
  return Object.values(rows[0] ?? {})[0];
}

/** Resolves to the rejection reason; fails the test if `promise` resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error & { code?: unknown }> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    return error as Error & { code?: unknown };
  }
  throw new Error('expected the promise to reject');
}

describe('opening', () => {
  it('applies the pragmas, with the default busy timeout', async () => {
    const db = open();
    expect(await pragma(db, 'journal_mode')).toBe('wal');
    expect(await pragma(db, 'foreign_keys')).toBe(1);
    expect(await pragma(db, 'synchronous')).toBe(2); // 2 = FULL
    // sqlite3 itself defaults to 1000 ms; ours must win.
    expect(await pragma(db, 'busy_timeout')).toBe(5000);
  });

  it('applies a custom busy timeout', async () => {
    const db = open({ busyTimeoutMs: 1234 });
    expect(await pragma(db, 'busy_timeout')).toBe(1234);
  });

  it('enforces foreign keys', async () => {
    const db = open();
    await createSchema(db);
    const error = await rejection(
      db.insertInto('pet').values({ owner_id: 42, name: 'Rex' }).execute(),
    );
    expect(error.code).toBe('SQLITE_CONSTRAINT');
    expect(error.message).toMatch(/FOREIGN KEY/);
  });

  it('rejects an invalid busy timeout before opening anything', () => {
    const filename = path.join(dir, 'x.sqlite');
    expect(() => createSqlite3Dialect({ filename, busyTimeoutMs: -1 })).toThrow(RangeError);
    expect(() => createSqlite3Dialect({ filename, busyTimeoutMs: 1.5 })).toThrow(RangeError);
    expect(fs.existsSync(filename)).toBe(false);
  });

  it('names the file when it cannot be opened', async () => {
    const filename = path.join(dir, 'missing-dir', 'nope.sqlite');
    const db = open({ filename });
    const error = await rejection(db.selectFrom('person').selectAll().execute());
    expect(error.message).toContain(filename);
    expect(error.message).toMatch(/^Cannot open SQLite database/);
    expect(error.code).toBe('SQLITE_CANTOPEN');
  });

  it('names the file when it is not a database, and keeps the code', async () => {
    const filename = path.join(dir, 'garbage.sqlite');
    fs.writeFileSync(filename, 'this is not a database, just some text '.repeat(100));
    const db = open({ filename });
    const error = await rejection(db.selectFrom('person').selectAll().execute());
    expect(error.message).toContain(filename);
    expect(error.code).toBe('SQLITE_NOTADB');
  });

  it('opens read-only: reads work, writes fail with SQLITE_READONLY', async () => {
    const writer = open();
    await createSchema(writer);
    await writer.insertInto('person').values({ name: 'Ann', age: 30 }).execute();
    await writer.destroy();

    const reader = open({ readonly: true });
    expect(await reader.selectFrom('person').select('name').execute()).toEqual([{ name: 'Ann' }]);
    expect(await pragma(reader, 'journal_mode')).toBe('wal'); // as stored in the file
    const error = await rejection(reader.insertInto('person').values({ name: 'Bob' }).execute());
    expect(error.code).toBe('SQLITE_READONLY');
    // BEGIN IMMEDIATE is accepted on a read-only connection, so transactions work.
    const count = await reader.transaction().execute((trx) =>
      trx
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(count.n).toBe(1);
  });

  it('does not create a missing file when read-only', async () => {
    const filename = path.join(dir, 'absent.sqlite');
    const error = await rejection(
      open({ filename, readonly: true }).selectFrom('person').selectAll().execute(),
    );
    expect(error.code).toBe('SQLITE_CANTOPEN');
    expect(fs.existsSync(filename)).toBe(false);
  });
});

describe('query results', () => {
  let db: Kysely<Db>;
  beforeEach(async () => {
    db = open();
    await createSchema(db);
  });

  it('insert without returning: numInsertedOrUpdatedRows and insertId as bigint', async () => {
    const one = await db.insertInto('person').values({ name: 'Ann', age: 30 }).executeTakeFirst();
    expect(one).toEqual({ insertId: 1n, numInsertedOrUpdatedRows: 1n });
    const two = await db
      .insertInto('person')
      .values([{ name: 'Bob' }, { name: 'Cid' }])
      .executeTakeFirst();
    expect(two).toEqual({ insertId: 3n, numInsertedOrUpdatedRows: 2n });
  });

  it('insert ... returning gives all rows, and still the counts', async () => {
    const rows = await db
      .insertInto('person')
      .values([{ name: 'Ann' }, { name: 'Bob', age: 5 }])
      .returning(['id', 'name', 'age'])
      .execute();
    expect(rows).toEqual([
      { id: 1, name: 'Ann', age: null },
      { id: 2, name: 'Bob', age: 5 },
    ]);

    const result = await db.executeQuery(
      db.insertInto('person').values({ name: 'Cid' }).returning('id'),
    );
    expect(result).toEqual({ rows: [{ id: 3 }], numAffectedRows: 1n, insertId: 3n });
  });

  it('update with and without returning', async () => {
    await db
      .insertInto('person')
      .values([
        { name: 'Ann', age: 1 },
        { name: 'Bob', age: 2 },
        { name: 'Cid', age: 3 },
      ])
      .execute();
    const updated = await db
      .updateTable('person')
      .set((eb) => ({ age: eb('age', '+', 10) }))
      .where('age', '>=', 2)
      .executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);

    const rows = await db
      .updateTable('person')
      .set({ name: 'Ann!' })
      .where('name', '=', 'Ann')
      .returning(['id', 'name'])
      .execute();
    expect(rows).toEqual([{ id: 1, name: 'Ann!' }]);

    const result = await db.executeQuery(db.updateTable('person').set({ age: 0 }).returning('id'));
    expect(result.rows.map((r) => r.id).sort()).toEqual([1, 2, 3]);
    expect(result.numAffectedRows).toBe(3n);
    // An update is not an insert: no insertId even though rows changed.
    expect(result.insertId).toBeUndefined();
  });

  it('update matching nothing reports 0 rows', async () => {
    const result = await db
      .updateTable('person')
      .set({ age: 1 })
      .where('id', '=', 99)
      .executeTakeFirst();
    expect(result.numUpdatedRows).toBe(0n);
  });

  it('delete with and without returning', async () => {
    await db
      .insertInto('person')
      .values([{ name: 'Ann' }, { name: 'Bob' }, { name: 'Cid' }])
      .execute();
    const deleted = await db.deleteFrom('person').where('name', '=', 'Ann').executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(1n);

    const rows = await db.deleteFrom('person').returning('name').execute();
    expect(rows.map((r) => r.name).sort()).toEqual(['Bob', 'Cid']);
    expect(await db.selectFrom('person').selectAll().execute()).toEqual([]);
  });

  it('select returns rows', async () => {
    await db
      .insertInto('person')
      .values([
        { name: 'Ann', age: 30 },
        { name: 'Bob', age: null },
      ])
      .execute();
    const rows = await db.selectFrom('person').select(['name', 'age']).orderBy('name').execute();
    expect(rows).toEqual([
      { name: 'Ann', age: 30 },
      { name: 'Bob', age: null },
    ]);
  });

  it('insert or ignore that ignores reports no insertId', async () => {
    await db.insertInto('person').values({ name: 'Ann' }).execute();
    const result = await db
      .insertInto('person')
      .orIgnore()
      .values({ name: 'Ann' })
      .executeTakeFirst();
    expect(result).toEqual({ insertId: undefined, numInsertedOrUpdatedRows: 0n });
  });

  describe('raw sql', () => {
    it('select returns rows', async () => {
      const result = await sql<{ answer: number }>`select ${41} + 1 as answer`.execute(db);
      expect(result.rows).toEqual([{ answer: 42 }]);
      expect(result.numAffectedRows).toBeUndefined();
    });

    it('insert returns counts and insertId', async () => {
      const result = await sql`insert into person (name) values (${'Ann'}), (${'Bob'})`.execute(db);
      expect(result).toEqual({ rows: [], numAffectedRows: 2n, insertId: 2n });
    });

    it('insert ... returning returns rows and counts', async () => {
      const result = await sql<{ id: number }>`
        -- a leading comment must not hide the statement kind
        INSERT INTO person (name) VALUES ('Ann'), ('Bob') RETURNING id`.execute(db);
      expect(result).toEqual({ rows: [{ id: 1 }, { id: 2 }], numAffectedRows: 2n, insertId: 2n });
    });

    it('update and delete return counts; with returning, rows', async () => {
      await sql`insert into person (name) values ('Ann'), ('Bob')`.execute(db);
      const updated = await sql`update person set age = 1`.execute(db);
      expect(updated).toEqual({ rows: [], numAffectedRows: 2n, insertId: undefined });
      const deleted = await sql<{
        name: string;
      }>`delete from person where name = 'Ann' returning name`.execute(db);
      expect(deleted).toEqual({
        rows: [{ name: 'Ann' }],
        numAffectedRows: 1n,
        insertId: undefined,
      });
    });

    it('a WITH prefix is looked through to the main statement', async () => {
      const result = await sql`
        with names(n) as (select 'Ann' union all select 'Bob')
        insert into person (name) select n from names`.execute(db);
      expect(result.numAffectedRows).toBe(2n);
      const read = await sql<{ n: string }>`with x(n) as (select 'insert') select n from x`.execute(
        db,
      );
      expect(read.rows).toEqual([{ n: 'insert' }]);
    });

    it('CompiledQuery.raw and pragmas return rows', async () => {
      const result = await db.executeQuery(CompiledQuery.raw('pragma table_info(person)'));
      expect(result.rows.length).toBe(3);
    });

    it('refuses several statements, which sqlite3 would silently truncate', async () => {
      const error = await rejection(
        sql`insert into person (name) values ('Ann'); insert into person (name) values ('Bob')`.execute(
          db,
        ),
      );
      expect(error.message).toMatch(/more than one statement/);
      expect(await db.selectFrom('person').selectAll().execute()).toEqual([]);
      // A trailing semicolon, comments or strings with ';' are fine.
      await sql`insert into person (name) values ('a;b'); -- done; really`.execute(db);
      expect(await db.selectFrom('person').select('name').execute()).toEqual([{ name: 'a;b' }]);
    });

    it('allows a trigger body with several statements', async () => {
      await sql`
        create trigger person_age after insert on person begin
          update person set age = 0 where id = new.id and new.age is null;
          update person set name = upper(name) where id = new.id;
        end`.execute(db);
      await db.insertInto('person').values({ name: 'ann' }).execute();
      expect(await db.selectFrom('person').select(['name', 'age']).execute()).toEqual([
        { name: 'ANN', age: 0 },
      ]);
    });
  });
});

describe('errors', () => {
  it('keep sqlite code on a unique violation', async () => {
    const db = open();
    await createSchema(db);
    await db.insertInto('person').values({ name: 'Ann' }).execute();
    const error = await rejection(db.insertInto('person').values({ name: 'Ann' }).execute());
    expect(error.code).toBe('SQLITE_CONSTRAINT');
    expect(error.message).toMatch(/UNIQUE constraint failed: person\.name/);
    // The connection stays usable afterwards.
    expect(await db.selectFrom('person').select('name').execute()).toEqual([{ name: 'Ann' }]);
  });

  it('keep sqlite code on a syntax error', async () => {
    const db = open();
    const error = await rejection(sql`selec 1`.execute(db));
    expect(error.code).toBe('SQLITE_ERROR');
  });
});

describe('parameters', () => {
  let db: Kysely<Db>;
  beforeEach(async () => {
    db = open();
    await createSchema(db);
  });

  it('binds bigint in the safe range as an integer', async () => {
    const { rows } = await sql<{
      t: string;
      v: number;
    }>`select typeof(${12n}) as t, ${-7n} as v`.execute(db);
    expect(rows).toEqual([{ t: 'integer', v: -7 }]);
  });

  it('rejects bigint outside the safe range instead of binding NULL', async () => {
    const error = await rejection(sql`select ${2n ** 60n}`.execute(db));
    expect(error).toBeInstanceOf(RangeError);
  });

  it.each([
    ['undefined', undefined],
    ['a Date', new Date(0)],
    ['object', { a: 1 }],
  ])('rejects %s instead of binding it silently', async (kind, value) => {
    const error = await rejection(sql`select ${value}`.execute(db));
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toContain(`parameter 1 is ${kind}`);
  });

  it('binds booleans as 0/1 and round-trips blobs', async () => {
    const { rows } = await sql<{
      t: number;
      f: number;
    }>`select ${true} as t, ${false} as f`.execute(db);
    expect(rows).toEqual([{ t: 1, f: 0 }]);

    const bytes = new Uint8Array([0, 1, 2, 255]);
    await db
      .insertInto('blob_box')
      .values({ id: 1, data: Buffer.from(bytes) })
      .execute();
    await db
      .insertInto('blob_box')
      .values({ id: 2, data: bytes.subarray(1, 3) as Buffer })
      .execute();
    const boxes = await db.selectFrom('blob_box').select('data').orderBy('id').execute();
    expect(boxes.map((b) => [...(b.data ?? [])])).toEqual([
      [0, 1, 2, 255],
      [1, 2],
    ]);
  });
});

describe('streaming', () => {
  let db: Kysely<Db>;
  beforeEach(async () => {
    db = open();
    await createSchema(db);
    await db
      .insertInto('person')
      .values(Array.from({ length: 25 }, (_, i) => ({ name: `p${i}`, age: i })))
      .execute();
  });

  it('streams every row of a select, in order, whatever the chunk size', async () => {
    for (const chunkSize of [1, 7, 25, 100]) {
      const ages: (number | null)[] = [];
      for await (const row of db
        .selectFrom('person')
        .select('age')
        .where('age', '>=', 0)
        .orderBy('id')
        .stream(chunkSize)) {
        ages.push(row.age);
      }
      expect(ages).toEqual(Array.from({ length: 25 }, (_, i) => i));
    }
  });

  it('stopping early finalizes the statement and frees the connection', async () => {
    const seen: string[] = [];
    for await (const row of db.selectFrom('person').select('name').orderBy('id').stream(5)) {
      seen.push(row.name);
      if (seen.length === 3) break;
    }
    expect(seen).toEqual(['p0', 'p1', 'p2']);
    // A write proves no read statement or lock was left behind.
    await db.deleteFrom('person').execute();
    expect(await db.selectFrom('person').selectAll().execute()).toEqual([]);
  });

  it('refuses to stream anything but a select', async () => {
    const stream = db.deleteFrom('person').returning('id').stream();
    const error = await rejection(stream.next());
    expect(error.message).toMatch(/only select queries can be streamed/);
  });
});

describe('destroy', () => {
  it('closes the database; a second destroy is harmless', async () => {
    const db = open();
    await createSchema(db);
    await db.destroy();
    await db.destroy();
    await expect(db.selectFrom('person').selectAll().execute()).rejects.toThrow();
    // The file is closed: with WAL, the last close checkpoints and removes the -wal file.
    expect(fs.existsSync(path.join(dir, 'test.sqlite-wal'))).toBe(false);
  });

  it('destroying a never-used instance is harmless', async () => {
    const db = open();
    await db.destroy();
    expect(fs.existsSync(path.join(dir, 'test.sqlite'))).toBe(false);
  });
});
