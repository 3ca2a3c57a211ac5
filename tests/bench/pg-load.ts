import type pg from 'pg';
import { BulkDatabase } from './generate/bulk-writer';

/**
 * Copies the benchmark's SQLite file, row for row, into a migrated PostgreSQL database, so that
 * both engines are measured on the same data. Every table of the PostgreSQL schema is emptied
 * and refilled from the file's table of the same name (SQLite's own FTS5 tables have no
 * counterpart and stay behind; PostgreSQL's trigram index follows case_search_docs by itself).
 *
 * Rows go in parents first, in batches: one INSERT … SELECT FROM unnest() of one array per
 * column, a single statement of a few bound parameters for thousands of rows (the `pg` client
 * has no COPY of its own). A column that references its own table (a session postponed to a
 * later one) is filled in a second pass, once every row it may name is there. Identity
 * sequences are then moved past the copied ids, and the planner's statistics gathered.
 */

type Value = string | number | null;

interface Column {
  readonly name: string;
  /** The element type for the unnest() cast: int4, int8, text, … */
  readonly type: string;
}

/** A foreign key from a table to itself: `column` holds a value of `target` of another row. */
interface SelfReference {
  readonly column: string;
  readonly target: string;
}

interface Table {
  readonly name: string;
  readonly columns: Column[];
  readonly parents: Set<string>;
  readonly selfReferences: SelfReference[];
}

const BATCH = 20_000;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** User tables of the public schema: columns in order, the tables they reference. */
async function schemaOf(client: pg.Client): Promise<Map<string, Table>> {
  const { rows: columns } = await client.query<{ table: string; column: string; type: string }>(`
    select c.table_name as table, c.column_name as column, c.udt_name as type
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.table_name not like 'kysely\\_%' and c.is_generated = 'NEVER'
    order by c.table_name, c.ordinal_position`);
  const { rows: keys } = await client.query<{
    child: string;
    parent: string;
    columns: string[];
    targets: string[];
  }>(`
    select c.relname as child, p.relname as parent,
      array(select attname::text from pg_attribute a join unnest(k.conkey) n on a.attnum = n
            where a.attrelid = k.conrelid) as columns,
      array(select attname::text from pg_attribute a join unnest(k.confkey) n on a.attnum = n
            where a.attrelid = k.confrelid) as targets
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_class p on p.oid = k.confrelid
    where k.contype = 'f' and k.connamespace = 'public'::regnamespace`);
  const tables = new Map<string, Table>();
  for (const r of columns) {
    const table: Table = tables.get(r.table) ?? {
      name: r.table,
      columns: [],
      parents: new Set(),
      selfReferences: [],
    };
    table.columns.push({ name: r.column, type: r.type });
    tables.set(r.table, table);
  }
  for (const k of keys) {
    const table = tables.get(k.child);
    if (table === undefined) continue;
    if (k.child !== k.parent) table.parents.add(k.parent);
    else if (k.columns.length === 1 && k.targets.length === 1) {
      table.selfReferences.push({
        column: k.columns[0] ?? '',
        target: k.targets[0] ?? '',
      });
    } else throw new Error(`${k.child}: a self-reference over several columns`);
  }
  return tables;
}

/** The tables in an order where every table comes after the tables it references. */
function parentsFirst(tables: ReadonlyMap<string, Table>): Table[] {
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.size) {
    const ready = [...tables.values()].filter(
      (t) => !placed.has(t.name) && [...t.parents].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('foreign keys form a cycle: no load order');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}

/** Reads a table of the file in rowid order, a page at a time (little memory for millions). */
async function eachPage(
  file: BulkDatabase,
  table: string,
  select: string,
  where: string,
  page: (rows: Record<string, Value>[]) => Promise<void>,
): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await file.all<Record<string, Value>>(
      `select rowid as "__rowid", ${select} from ${ident(table)}
       where rowid > ? ${where} order by rowid limit ?`,
      [after, BATCH],
    );
    if (rows.length === 0) return;
    await page(rows);
    after = Number(rows.at(-1)?.__rowid);
  }
}

async function copyTable(file: BulkDatabase, client: pg.Client, table: Table): Promise<number> {
  const later = new Set(table.selfReferences.map((r) => r.column));
  const names = table.columns.map((c) => ident(c.name)).join(', ');
  const unnest = table.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const insert = `insert into ${ident(table.name)} (${names}) select * from unnest(${unnest})`;
  let copied = 0;
  await eachPage(file, table.name, names, '', async (rows) => {
    const arrays = table.columns.map((c) =>
      later.has(c.name) ? rows.map(() => null) : rows.map((r) => r[c.name] ?? null),
    );
    await client.query({ name: `load-${table.name}`, text: insert, values: arrays });
    copied += rows.length;
  });
  for (const { column, target } of table.selfReferences) {
    const type = (name: string) => table.columns.find((c) => c.name === name)?.type ?? 'text';
    const update = `update ${ident(table.name)} t set ${ident(column)} = u.value
      from unnest($1::${type(target)}[], $2::${type(column)}[]) as u(key, value)
      where t.${ident(target)} = u.key`;
    const select = `${ident(target)} as key, ${ident(column)} as value`;
    await eachPage(file, table.name, select, `and ${ident(column)} is not null`, async (rows) => {
      await client.query(update, [rows.map((r) => r.key), rows.map((r) => r.value)]);
    });
  }
  return copied;
}

/** Copies every table; returns the row counts, which it has checked against the file's. */
export async function copySqliteToPostgres(
  sqliteFile: string,
  client: pg.Client,
): Promise<Record<string, number>> {
  const file = await BulkDatabase.open(sqliteFile);
  try {
    const order = parentsFirst(await schemaOf(client));
    const counts: Record<string, number> = {};
    await client.query('begin');
    await client.query(`truncate ${order.map((t) => ident(t.name)).join(', ')} restart identity`);
    for (const table of order) {
      const copied = await copyTable(file, client, table);
      const [expected] = await file.all<{ n: number }>(
        `select count(*) as n from ${ident(table.name)}`,
      );
      if (expected?.n !== copied)
        throw new Error(`${table.name}: copied ${copied} of ${expected?.n}`);
      counts[table.name] = copied;
    }
    const { rows: identities } = await client.query<{ table: string; column: string }>(`
      select table_name as table, column_name as column from information_schema.columns
      where table_schema = 'public' and is_identity = 'YES'`);
    for (const { table, column } of identities) {
      await client.query(
        `select setval(pg_get_serial_sequence($1, $2), coalesce(max(${ident(column)}), 0) + 1, false)
         from ${ident(table)}`,
        [ident(table), column],
      );
    }
    await client.query('commit');
    await client.query('analyze');
    return counts;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await file.close();
  }
}
