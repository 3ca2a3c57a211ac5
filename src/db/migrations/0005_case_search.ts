import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers';

/**
 * Case search and the case list (src/search, src/cases/case-list.*).
 *
 * - case_search_docs: per case, the normalized text the search looks in (portable).
 * - SQLite: case_search_fts, an FTS5 index with the trigram tokenizer over that table (external
 *   content, rowid = case id), and case_search_vocab, its terms. PostgreSQL will index the same
 *   columns with pg_trgm instead.
 * - The documents of the cases already on record are built here, with a frozen copy of how
 *   src/search/search-document.ts writes them (migrations never import application code).
 * - Indexes for the list's sorts and filters, chosen with the benchmark (tests/bench).
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
    // Documents arrive normalized (NFKC, lower case): the tokenizer must fold nothing more.
    await sql`create virtual table case_search_fts using fts5(
      number, names, body,
      content = 'case_search_docs', content_rowid = 'case_id',
      tokenize = 'trigram case_sensitive 1'
    )`.execute(db);
    // Its terms, for expanding one- and two-character queries (src/search/sqlite-fts.ts).
    await sql`create virtual table case_search_vocab using fts5vocab(case_search_fts, row)`.execute(
      db,
    );
  }
  await buildDocuments(db);
  if (!isPostgres(db)) {
    await sql`insert into case_search_fts (case_search_fts) values ('rebuild')`.execute(db);
  }

  // The list (src/cases/case-list.repository.ts) pages 50 rows in one of three orders. An index
  // that yields rows in that order lets it stop after 51 rows instead of sorting every match;
  // mediators always list their own studio, hence the studio-first ones.
  // Sorting by deadline: cases without one sort as the furthest future (last when ascending).
  // The list orders by exactly this expression, so these indexes serve the order and the keyset.
  const deadlineSort = sql`coalesce(deadline_on, '9999-12-31')`;
  await db.schema
    .createIndex('cases_deadline_sort_ix')
    .on('cases')
    .expression(deadlineSort)
    .execute();
  // registered_at rides along for SQLite's planner: an expression counts as a narrow column, so
  // without it this index looks cheapest for any `studio_id in (...)` and is picked for lists
  // in other orders (then every case of the studio is sorted: 60 ms for 35,000).
  await db.schema
    .createIndex('cases_studio_deadline_ix')
    .on('cases')
    .expression(sql`studio_id, ${deadlineSort}, registered_at`)
    .execute();
  await db.schema
    .createIndex('cases_studio_number_ix')
    .on('cases')
    .columns(['studio_id', 'number'])
    .execute();
  // Created last of the studio-first ones: for `studio_id in (...)`, where the order of no such
  // index helps, SQLite takes the last created among equals, and this order is the default.
  await db.schema
    .createIndex('cases_studio_registered_ix')
    .on('cases')
    .columns(['studio_id', 'registered_at'])
    .execute();
  // A mediator's cases (case_mediators_staff_ix holds no case_id: every entry cost a row read).
  await db.schema
    .createIndex('case_mediators_staff_case_ix')
    .on('case_mediators')
    .columns(['staff_id', 'case_id'])
    .execute();
  // A status filter (e.g. the archived cases of a month) in the default order, and its count.
  await db.schema
    .createIndex('cases_status_registered_ix')
    .on('cases')
    .columns(['status', 'registered_at'])
    .execute();
  if (!isPostgres(db)) await seedPlannerStatistics(db);
}

/**
 * SQLite picks between "walk the index of the page's order and stop after 51 rows" and "fetch
 * the matches and sort them" by the statistics in sqlite_stat1; without them it guesses that
 * `studio_id = ?` selects ten rows and walks a whole studio looking for its few open cases.
 * ANALYZE measures the cases already on record; on a new or small database it has little to
 * measure, so these figures, measured on the benchmark's 100,000-case center, stand in for
 * them. Only the proportions matter to the planner (8 studios, 7 statuses, ...), and they hold
 * at any size. PostgreSQL keeps its own statistics (autovacuum).
 */
const SEED_STATISTICS: readonly (readonly [string, string, string])[] = [
  ['cases', 'sqlite_autoindex_cases_1', '100000 1'],
  ['cases', 'cases_registered_ix', '100000 1'],
  ['cases', 'cases_studio_status_ix', '100000 12500 1786 1'],
  ['cases', 'cases_deadline_ix', '100000 14286 35'],
  ['cases', 'cases_deadline_sort_ix', '100000 92'],
  ['cases', 'cases_studio_deadline_ix', '100000 12500 13 1'],
  ['cases', 'cases_studio_registered_ix', '100000 12500 1'],
  ['cases', 'cases_studio_number_ix', '100000 12500 1'],
  ['cases', 'cases_status_registered_ix', '100000 14286 1'],
  ['case_mediators', 'sqlite_autoindex_case_mediators_1', '120000 2 1'],
  ['case_mediators', 'case_mediators_staff_ix', '120000 3000'],
  ['case_mediators', 'case_mediators_staff_case_ix', '120000 3000 1'],
];

/** Below this many rows, measured statistics say more about chance than about the center. */
const MEASURED_FROM = 1000;

async function seedPlannerStatistics(db: Kysely<any>): Promise<void> {
  await sql`analyze`.execute(db);
  const { rows } = await sql<{ tbl: string; n: number }>`
    select tbl, max(cast(stat as integer)) as n from sqlite_stat1 group by tbl`.execute(db);
  const measured = new Set(rows.filter((r) => Number(r.n) >= MEASURED_FROM).map((r) => r.tbl));
  for (const table of new Set(SEED_STATISTICS.map(([t]) => t))) {
    if (measured.has(table)) continue;
    await sql`delete from sqlite_stat1 where tbl = ${table}`.execute(db);
    for (const [, index, stat] of SEED_STATISTICS.filter(([t]) => t === table)) {
      await sql`insert into sqlite_stat1 (tbl, idx, stat)
        select ${table}, ${index}, ${stat}
        where exists (select 1 from sqlite_master where type = 'index' and name = ${index})`.execute(
        db,
      );
    }
  }
  await sql`analyze sqlite_schema`.execute(db); // loads the statistics into the planner
}

const LIST_INDEXES = [
  'cases_status_registered_ix',
  'case_mediators_staff_case_ix',
  'cases_studio_number_ix',
  'cases_studio_registered_ix',
  'cases_studio_deadline_ix',
  'cases_deadline_sort_ix',
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of LIST_INDEXES) await db.schema.dropIndex(index).execute();
  if (!isPostgres(db)) {
    await sql`drop table case_search_vocab`.execute(db);
    await sql`drop table case_search_fts`.execute(db);
  }
  await db.schema.dropTable('case_search_docs').execute();
}

/**
 * Frozen copy of a document column as src/search/search-document.ts writes it at this version:
 * normalized (searchText) and ended with two spaces (DOCUMENT_END).
 */
function column(text: string): string {
  return `${text.normalize('NFKC').toLowerCase()}  `;
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
          number: column(c.num),
          names: column((namesOf.get(c.id) ?? []).join(' ')),
          body: column(`${c.summary}\n${c.req}`),
        })),
      )
      .execute();
    afterId = last.id;
  }
}
