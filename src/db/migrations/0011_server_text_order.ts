import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * Text compares and sorts on the center's server exactly as in the embedded file. SQLite
 * compares text by its bytes (BINARY), i.e. by code point; a PostgreSQL database sorts by the
 * collation it was created with, e.g. zh_CN or ICU's Chinese order, where case numbers,
 * names and method names come out in another order and keyset pages (`number > cursor`) skip
 * or repeat rows relative to SQLite's. Every text column of the application's tables gets the
 * "C" collation: byte order, the same as SQLite's. Indexes on those columns are rebuilt in it.
 * Text columns that later migrations add on PostgreSQL must declare `collate "C"` themselves.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await setCollation(db, 'C');
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await setCollation(db, 'default');
}

async function setCollation(db: Kysely<any>, collation: 'C' | 'default'): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; type: string }>`
    select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type
    from pg_attribute a
    join pg_class c on c.oid = a.attrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'
      and c.relname not like 'kysely\\_%'
      and a.attnum > 0 and not a.attisdropped
      and a.atttypid in ('text'::regtype, 'varchar'::regtype)
    order by c.relname, a.attnum`.execute(db);
  // Names as the catalog spells them; the collation as raw SQL, which no plugin renames.
  for (const r of rows) {
    await sql`alter table ${sql.id(r.table)} alter column ${sql.id(r.column)}
      type ${sql.raw(r.type)} collate ${sql.raw(`"${collation}"`)}`.execute(db);
  }
}
