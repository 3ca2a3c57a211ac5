import { CamelCasePlugin, Kysely, sql } from 'kysely';
import type { Database } from '../db/database';
import { createSqlite3Dialect } from '../db/sqlite/sqlite3-dialect';
import type { DB } from '../db/tables';

/** A database file opened read-only, for checking a backup before anything trusts it. */
export function openReadOnly(file: string): Database {
  return new Kysely<DB>({
    dialect: createSqlite3Dialect({ filename: file, readonly: true, busyTimeoutMs: 5000 }),
    plugins: [new CamelCasePlugin()],
  });
}

/** `pragma integrity_check`: ['ok'] for a sound file, otherwise what is wrong (first lines). */
export async function integrityCheck(db: Database): Promise<string[]> {
  const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check(20)`.execute(db);
  return rows.map((r) => String(Object.values(r)[0]));
}

async function hasTable(db: Database, name: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from sqlite_master where type = 'table' and name = ${name}`.execute(db);
  return Number(rows[0]?.n) > 0;
}

/** Names of the migrations applied to the file in order, or null when it has no migration table. */
export async function appliedMigrations(db: Database): Promise<string[] | null> {
  if (!(await hasTable(db, 'kysely_migration'))) return null;
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** A few counts that tell the admin which database this is. */
export async function recordCounts(db: Database) {
  const count = async (table: 'cases' | 'staff' | 'auditLog') => {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    cases: await count('cases'),
    staff: await count('staff'),
    auditRows: await count('auditLog'),
  };
}

export async function readSettingFrom(db: Database, key: string): Promise<string | null> {
  if (!(await hasTable(db, 'settings'))) return null;
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value ?? null;
}
