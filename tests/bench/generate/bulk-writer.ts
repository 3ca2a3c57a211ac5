import sqlite3 from 'sqlite3';
import type { Statement } from 'sqlite3';

type Value = string | number | null;

/**
 * Direct, batched inserts on a plain sqlite3 connection: one prepared multi-row INSERT per table,
 * reused for every full batch. This is how the generator fills 100,000 cases in seconds; the
 * API's per-call validation, audit and immediate transactions are what the benchmark measures,
 * not how it builds its data.
 */
export class BulkDatabase {
  private constructor(readonly raw: sqlite3.Database) {}

  static async open(file: string): Promise<BulkDatabase> {
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
    });
    return new BulkDatabase(raw);
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (error) => (error ? reject(error) : resolve()));
    });
  }

  all<R>(sql: string, params: readonly Value[] = []): Promise<R[]> {
    return new Promise((resolve, reject) => {
      this.raw.all<R>(sql, params, (error, rows) => (error ? reject(error) : resolve(rows)));
    });
  }

  table(name: string, columns: readonly string[]): TableWriter {
    return new TableWriter(this, name, columns);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.close((error) => (error ? reject(error) : resolve()));
    });
  }
}

// Under SQLite's default limit of 32,766 bound parameters per statement.
const MAX_PARAMS = 30_000;
const MAX_ROWS = 500;

export class TableWriter {
  readonly #db: BulkDatabase;
  readonly #sqlFor: (rows: number) => string;
  readonly #width: number;
  readonly #batch: number;
  #full: Statement | undefined;
  #buffer: Value[] = [];
  #rows = 0;
  written = 0;

  constructor(db: BulkDatabase, name: string, columns: readonly string[]) {
    this.#db = db;
    this.#width = columns.length;
    this.#batch = Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length));
    const tuple = `(${columns.map(() => '?').join(',')})`;
    this.#sqlFor = (rows) =>
      `insert into ${name} (${columns.join(',')}) values ${Array(rows).fill(tuple).join(',')}`;
  }

  async add(row: readonly Value[]): Promise<void> {
    if (row.length !== this.#width) throw new Error(`row of ${row.length}, want ${this.#width}`);
    this.#buffer.push(...row);
    this.#rows += 1;
    if (this.#rows === this.#batch) {
      this.#full ??= this.#db.raw.prepare(this.#sqlFor(this.#batch));
      await run(this.#full, this.#buffer);
      this.written += this.#rows;
      this.#buffer = [];
      this.#rows = 0;
    }
  }

  async flush(): Promise<void> {
    if (this.#rows > 0) {
      const statement = this.#db.raw.prepare(this.#sqlFor(this.#rows));
      await run(statement, this.#buffer);
      await finalize(statement);
      this.written += this.#rows;
      this.#buffer = [];
      this.#rows = 0;
    }
    if (this.#full !== undefined) await finalize(this.#full);
    this.#full = undefined;
  }
}

function run(statement: Statement, params: readonly Value[]): Promise<void> {
  return new Promise((resolve, reject) => {
    statement.run(params, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

function finalize(statement: Statement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()));
}
