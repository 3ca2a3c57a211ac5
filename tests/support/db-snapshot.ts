import { sql, type QueryExecutorProvider } from 'kysely';

/** The tables a registration writes; bad input must leave every one of them as it was. */
export const CASE_TABLES = [
  'cases',
  'parties',
  'case_parties',
  'case_events',
  'audit_log',
  'number_sequences',
] as const;

// The helpers take any Kysely instance or transaction: the core's (CamelCasePlugin) or a plain one.
type AnyDb = QueryExecutorProvider;

/**
 * Every user table of the database (migrations' own bookkeeping included), by name. Full-text
 * indexes (virtual tables and their shadow tables) are left out: they mirror ordinary tables.
 */
export async function tableNames(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master
    where type = 'table' and name not like 'sqlite_%'
    order by name`.execute(db);
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

/** Row count of each table (all tables unless a list is given). */
export async function tableCounts(
  db: AnyDb,
  tables?: readonly string[],
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of tables ?? (await tableNames(db))) {
    const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.id(name)}`.execute(
      db,
    );
    counts[name] = Number(rows[0]?.n);
  }
  return counts;
}

/**
 * Full content of every table in rowid order. Stronger than counts: a counter bumped in
 * `number_sequences` or a party overwritten in place changes no count but shows here.
 */
export async function dumpTables(db: AnyDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of await tableNames(db)) {
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.id(name)} order by rowid`.execute(db);
    dump[name] = rows;
  }
  return dump;
}
