import { sql, type QueryExecutorProvider } from 'kysely';

/**
 * Writing the copy into the server's database (PostgreSQL), inside the one transaction the
 * copy runs in. Names are the tables' and columns' own (snake_case), checked against the
 * catalog before use.
 */
type Raw = QueryExecutorProvider;

export interface ServerTable {
  readonly name: string;
  readonly columns: readonly string[];
  /** Identity (auto-numbered) columns, whose sequences must continue after the copied ids. */
  readonly identity: readonly string[];
}

/** The application's tables in the schema in use (the migrator's own left out). */
export async function serverTables(db: Raw): Promise<ServerTable[]> {
  const { rows } = await sql<{ table: string; column: string; identity: string }>`
    select c.table_name as "table", c.column_name as "column", c.is_identity as identity
    from information_schema.columns c
    join information_schema.tables t
      on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.table_name not like 'kysely\\_migration%'
    order by c.table_name, c.ordinal_position`.execute(db);
  const tables = new Map<string, { columns: string[]; identity: string[] }>();
  for (const row of rows) {
    const table = tables.get(row.table) ?? { columns: [], identity: [] };
    table.columns.push(row.column);
    if (row.identity === 'YES') table.identity.push(row.column);
    tables.set(row.table, table);
  }
  return [...tables].map(([name, t]) => ({ name, ...t }));
}

/** Empties a table (the seed rows migrations put in: studios, rooms, calendar, settings). */
export async function clearTable(db: Raw, table: string): Promise<void> {
  await sql`delete from ${sql.id(table)}`.execute(db);
}

export async function insertRows(
  db: Raw,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql`insert into ${sql.id(table)} (${sql.join(columns.map((c) => sql.id(c)))})
    values ${sql.join(rows.map((row) => sql`(${sql.join([...row])})`))}`.execute(db);
}

/** Sets one column of the row with this primary key (a reference to a row of the same table). */
export async function updateColumn(
  db: Raw,
  table: string,
  column: string,
  value: unknown,
  key: readonly (readonly [string, unknown])[],
): Promise<void> {
  const where = sql.join(
    key.map(([name, v]) => sql`${sql.id(name)} = ${v}`),
    sql` and `,
  );
  await sql`update ${sql.id(table)} set ${sql.id(column)} = ${value} where ${where}`.execute(db);
}

/** The next id an identity column hands out: one past the highest copied (1 when empty). */
export async function continueIdentity(db: Raw, table: string, column: string): Promise<void> {
  await sql`select setval(
      pg_get_serial_sequence(${`"${table}"`}, ${column}),
      (select coalesce(max(${sql.id(column)}), 0) + 1 from ${sql.id(table)}),
      false)`.execute(db);
}

/** Fresh planner statistics: the first lists and searches after the move get good plans. */
export async function analyzeTable(db: Raw, table: string): Promise<void> {
  await sql`analyze ${sql.id(table)}`.execute(db);
}

export async function serverCount(db: Raw, table: string): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`
    select count(*) as n from ${sql.id(table)}`.execute(db);
  return Number(rows[0]?.n);
}
