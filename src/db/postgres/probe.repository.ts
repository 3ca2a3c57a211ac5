import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * What the connection test asks a PostgreSQL server (src/db/postgres/probe.ts). Catalog and
 * privilege functions only: nothing here writes or locks.
 */
type ProbeDb = QueryExecutorProvider;

export async function serverVersionNum(db: ProbeDb): Promise<number> {
  const { rows } = await sql<{ num: string }>`
    select current_setting('server_version_num') as num`.execute(db);
  return Number(rows[0]?.num);
}

/** The character set the database stores text in (ours is Chinese: it must be UTF8). */
export async function databaseEncoding(db: ProbeDb): Promise<string> {
  const { rows } = await sql<{ encoding: string }>`
    select pg_encoding_to_char(encoding) as encoding
    from pg_database where datname = current_database()`.execute(db);
  return rows[0]?.encoding ?? '';
}

/** The database's LC_CTYPE (which characters pg_trgm takes for letters). */
export async function databaseCtype(db: ProbeDb): Promise<string> {
  const { rows } = await sql<{ ctype: string }>`
    select datctype as ctype from pg_database where datname = current_database()`.execute(db);
  return rows[0]?.ctype ?? '';
}

/** Migrations recorded in the database (in the schema the app uses), or null without the table. */
export async function appliedMigrations(db: ProbeDb): Promise<string[] | null> {
  const { rows: found } = await sql<{ present: boolean }>`
    select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (found[0]?.present !== true) return null;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return rows.map((r) => r.name);
}

/** Tables in the schema the app would create its own in (someone else's, when ours are absent). */
export async function tablesInSchema(db: ProbeDb): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_tables where schemaname = current_schema()`.execute(db);
  return rows[0]?.n ?? 0;
}

/** May the user create tables where the app creates its own (the database's owner may)? */
export async function canCreateTables(db: ProbeDb): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean | null }>`
    select current_schema() is not null
      and has_schema_privilege(current_schema(), 'CREATE') as ok`.execute(db);
  return rows[0]?.ok === true;
}

export interface ExtensionState {
  readonly name: string;
  readonly installed: boolean;
  readonly available: boolean;
}

export async function extensionStates(
  db: ProbeDb,
  names: readonly string[],
): Promise<ExtensionState[]> {
  const { rows } = await sql<{ name: string; installed: boolean; available: boolean }>`
    select n.name,
      exists (select 1 from pg_extension e where e.extname = n.name) as installed,
      exists (select 1 from pg_available_extensions a where a.name = n.name) as available
    from unnest(${[...names]}::text[]) as n(name)`.execute(db);
  return rows;
}

/** Trusted extensions (PostgreSQL 13+) need CREATE on the database, nothing more. */
export async function canCreateExtensions(db: ProbeDb): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select has_database_privilege(current_database(), 'CREATE') as ok`.execute(db);
  return rows[0]?.ok === true;
}

/** Migrations alter the app's tables: only their owner (or a member of its role) may. */
export async function ownsAppTables(db: ProbeDb): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`
    select pg_has_role(c.relowner, 'USAGE') as ok
    from pg_class c where c.oid = to_regclass('kysely_migration')`.execute(db);
  return rows[0]?.ok === true;
}

/** Whether the user may read and write every table in the app's schema. */
export async function canUseAllTables(db: ProbeDb): Promise<boolean> {
  const { rows } = await sql<{ missing: number }>`
    select count(*)::int as missing from pg_tables t
    where t.schemaname = current_schema() and not (
      has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'SELECT')
      and has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'INSERT')
      and has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'UPDATE')
      and has_table_privilege(format('%I.%I', t.schemaname, t.tablename), 'DELETE'))`.execute(db);
  return rows[0]?.missing === 0;
}

/** Any staff account, case or audit row: the database is in use, not fresh from migrations. */
export async function holdsRecords(db: ProbeDb): Promise<boolean> {
  const { rows } = await sql<{ some: boolean }>`
    select exists (select 1 from staff)
      or exists (select 1 from cases)
      or exists (select 1 from audit_log) as some`.execute(db);
  return rows[0]?.some === true;
}
