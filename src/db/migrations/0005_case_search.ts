import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * Case search and the case list (src/search, src/cases/case-list.*).
 *
 * - case_search_docs: per case, the normalized text the search looks in (portable).
 * - SQLite: case_search_fts, an FTS5 index with the trigram tokenizer over that table (external
 *   content, rowid = case id). PostgreSQL will index the same columns with pg_trgm instead.
 * - The documents of the cases already on record are built here, with a frozen copy of the
 *   normalization in src/search/search-text.ts (migrations never import application code).
 * - Indexes for the list's sorts and filters, chosen by the benchmark (tests/bench).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('case_search_docs')
    .addColumn('case_id', 'integer', (c) => c.primaryKey().references('cases.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  if (!isPostgres(db)) {
    await sql`create virtual table case_search_fts using fts5(
      number, names, body,
      content = 'case_search_docs', content_rowid = 'case_id', tokenize = 'trigram'
    )`.execute(db);
  }
  await buildDocuments(db);
  if (!isPostgres(db)) {
    await sql`insert into case_search_fts (case_search_fts) values ('rebuild')`.execute(db);
  }

  // Sorting by deadline: cases without one sort as the furthest future (last when ascending).
  // The list orders by exactly this expression, so the index serves the order and the keyset.
  await db.schema
    .createIndex('cases_deadline_sort_ix')
    .on('cases')
    .expression(sql`coalesce(deadline_on, '9999-12-31')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_deadline_sort_ix').execute();
  if (!isPostgres(db)) await sql`drop table case_search_fts`.execute(db);
  await db.schema.dropTable('case_search_docs').execute();
}

/** Frozen copy of searchText (src/search/search-text.ts) as of this migration. */
function searchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const BATCH = 1000;

async function buildDocuments(db: Kysely<any>): Promise<void> {
  let afterId = 0;
  for (;;) {
    // Aliases without underscores read the same with or without a CamelCasePlugin.
    const { rows: cases } = await sql<{ id: number; num: string; summary: string; req: string }>`
      select id, number as num, summary, requests as req from cases
      where id > ${afterId} order by id limit ${BATCH}`.execute(db);
    const last = cases.at(-1);
    if (last === undefined) return;
    const { rows: names } = await sql<{ cid: number; name: string }>`
      select cp.case_id as cid, p.name as name
      from case_parties cp join parties p on p.id = cp.party_id
      where cp.case_id > ${afterId} and cp.case_id <= ${last.id}
      order by cp.case_id, cp.sort_order`.execute(db);
    const namesOf = new Map<number, string[]>();
    for (const { cid, name } of names) namesOf.set(cid, [...(namesOf.get(cid) ?? []), name]);
    await db
      .insertInto('case_search_docs')
      .values(
        cases.map((c) => ({
          case_id: c.id,
          number: searchText(c.num),
          names: searchText((namesOf.get(c.id) ?? []).join(' ')),
          body: searchText(`${c.summary}\n${c.req}`),
        })),
      )
      .execute();
    afterId = last.id;
  }
}
