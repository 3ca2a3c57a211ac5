import { sql, type QueryExecutorProvider } from 'kysely';
import type { TableShape } from './copy-plan';

/**
 * Reading the embedded (SQLite) database for the copy to a server. Takes the database or the
 * transaction the copy runs in, without plugins: names and values exactly as stored.
 */
type Raw = QueryExecutorProvider;

/**
 * The application's tables: everything but SQLite's own (sqlite_*), the migrator's
 * (kysely_migration*), and full-text indexes (virtual tables and their shadow tables), which
 * the server replaces with its own index over the same rows.
 */
export async function embeddedTables(db: Raw): Promise<TableShape[]> {
  const { rows } = await sql<{ name: string; sql: string | null }>`
    select name, sql from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\'
      and name not like 'kysely\\_migration%' escape '\\'
    order by name`.execute(db);
  const virtual = rows
    .filter((r) => /^create\s+virtual\s+table/i.test(r.sql ?? ''))
    .map((r) => r.name);
  const tables = rows.filter(
    (r) => !virtual.some((v) => r.name === v || r.name.startsWith(`${v}_`)),
  );
  const shapes: TableShape[] = [];
  for (const { name, sql: ddl } of tables) {
    if (/without\s+rowid/i.test(ddl ?? '')) {
      throw new Error(`copy: ${name} is a WITHOUT ROWID table, which the copy does not page`);
    }
    shapes.push(await tableShape(db, name));
  }
  return shapes;
}

async function tableShape(db: Raw, name: string): Promise<TableShape> {
  const { rows: columns } = await sql<{ name: string; type: string; pk: number }>`
    select name, type, pk from pragma_table_info(${name}) order by cid`.execute(db);
  const { rows: keys } = await sql<{ target: string; source: string }>`
    select "table" as target, "from" as source from pragma_foreign_key_list(${name})`.execute(db);
  return {
    name,
    columns: columns.map((c) => c.name),
    primaryKey: columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name),
    references: [...new Set(keys.map((k) => k.target))],
    selfReferences: keys.filter((k) => k.target === name).map((k) => k.source),
    hasBytes: columns.some((c) => /blob/i.test(c.type)),
  };
}

/** One page of a table's rows in rowid order, each as its values in `columns` order. */
export async function embeddedRows(
  db: Raw,
  table: TableShape,
  afterRowid: number,
  limit: number,
): Promise<{ rows: unknown[][]; lastRowid: number | null }> {
  const { rows } = await sql<Record<string, unknown>>`
    select rowid as "copy$rowid", ${sql.join(table.columns.map((c) => sql.id(c)))}
    from ${sql.id(table.name)}
    where rowid > ${afterRowid}
    order by rowid
    limit ${limit}`.execute(db);
  const last = rows.at(-1);
  return {
    rows: rows.map((row) => table.columns.map((c) => row[c] ?? null)),
    lastRowid: last === undefined ? null : Number(last['copy$rowid']),
  };
}

export async function embeddedCount(db: Raw, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from ${sql.id(table)}`.execute(db);
  return Number(rows[0]?.n);
}
