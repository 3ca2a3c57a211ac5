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
  if (!embedded(db)) return (await serverTables(db)).map((t) => t.name);
  const { rows } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master
    where type = 'table' and name not like 'sqlite_%'
    order by name`.execute(db);
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

interface ServerTable {
  readonly name: string;
  /** Primary key columns in key order (empty without one). */
  readonly key: string[];
  readonly columns: number;
}

/** The schema's tables, read from the catalog at once (information_schema is slow to query). */
async function serverTables(db: AnyDb): Promise<ServerTable[]> {
  const { rows } = await sql<ServerTable>`
    select c.relname as name,
      coalesce((
        select array_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
        from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = c.oid and i.indisprimary), '{}') as key,
      (select count(*) from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns
    from pg_class c
    where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'p')
    order by c.relname collate "C"`.execute(db);
  return rows;
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
 * Full content of every table in a stable row order. Stronger than counts: a counter bumped in
 * `number_sequences` or a party overwritten in place changes no count but shows here. SQLite:
 * rowid order, so a row deleted and inserted again shows as moved. PostgreSQL has no rowid: the
 * primary key (every table with an id has one), then every column, which orders any table
 * completely.
 */
export async function dumpTables(db: AnyDb): Promise<Record<string, unknown[]>> {
  const tables = embedded(db)
    ? (await tableNames(db)).map((name) => ({ name, order: sql`rowid` }))
    : (await serverTables(db)).map((t) => ({
        name: t.name,
        order: sql.join([
          ...t.key.map((column) => sql.id(column)),
          ...Array.from({ length: t.columns }, (_, i) => sql.raw(String(i + 1))),
        ]),
      }));
  const dump: Record<string, unknown[]> = {};
  for (const { name, order } of tables) {
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.id(name)} order by ${order}`.execute(db);
    dump[name] = rows;
  }
  return dump;
}
