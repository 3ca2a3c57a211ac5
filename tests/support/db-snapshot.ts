import { SqliteAdapter, sql, type QueryExecutorProvider } from 'kysely';

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

const embedded = (db: AnyDb) => db.getExecutor().adapter instanceof SqliteAdapter;

/**
 * Every user table of the database (migrations' own bookkeeping included), by name. Full-text
 * indexes (SQLite's virtual tables and their shadow tables) are left out: they mirror ordinary
 * tables. On PostgreSQL: the base tables of the schema in use (its extensions add none there).
 */
export async function tableNames(db: AnyDb): Promise<string[]> {
  if (!embedded(db)) {
    const { rows } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE'
      order by table_name collate "C"`.execute(db);
    return rows.map((r) => r.name);
  }
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
 * How dumpTables orders a table's rows. SQLite: rowid, so a row deleted and inserted again
 * shows as moved. PostgreSQL has no rowid: the primary key (every table with an integer id has
 * one), then every column, which orders any table completely.
 */
async function rowOrder(db: AnyDb, table: string) {
  if (embedded(db)) return sql`rowid`;
  const { rows } = await sql<{ name: string }>`
    select a.attname as name
    from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
    where i.indrelid = ${sql.lit(table)}::regclass and i.indisprimary
    order by array_position(i.indkey, a.attnum)`.execute(db);
  const { rows: columns } = await sql<{ position: number }>`
    select ordinal_position as position from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(db);
  return sql.join([
    ...rows.map((r) => sql.id(r.name)),
    ...columns.map((c) => sql.raw(String(c.position))),
  ]);
}

/**
 * Full content of every table in a stable row order (rowOrder). Stronger than counts: a
 * counter bumped in `number_sequences` or a party overwritten in place changes no count but
 * shows here.
 */
export async function dumpTables(db: AnyDb): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const name of await tableNames(db)) {
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.id(name)} order by ${await rowOrder(db, name)}`.execute(db);
    dump[name] = rows;
  }
  return dump;
}
