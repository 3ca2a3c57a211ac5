import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../src/db/database';
import { likePattern, pgTrigram } from '../../src/search/pg-trigram';
import type { SearchDialect } from '../../src/search/search-dialect';
import { parseSearchQuery } from '../../src/search/search-text';
import { measure, timed, type Figure } from './measure';

/**
 * A proposal, measured here before it goes into the app: exact search for 1–2-character terms
 * on PostgreSQL through an index, instead of the LIKE scan of every document that
 * src/search/pg-trigram.ts does now (pg_trgm has no trigram for such a term).
 *
 * Every place a 1–2-character term occurs in a document is one of the document's characters or
 * pairs of neighbouring characters. So the set of a document's characters and character pairs
 * contains the term exactly when the document does: a GIN index over that set (an array;
 * GIN keeps each key once) answers `grams @> array[term]` exactly, without a recheck of the
 * text. The function is IMMUTABLE (substr by characters, nothing from the session's settings),
 * so it may stand in an index expression; PostgreSQL maintains the index with the table, as it
 * does the trigram index. Only rare terms go through it (rareTerms): a common one is found
 * fastest as now.
 *
 * To adopt it: SHORT_TERMS_DDL as a PostgreSQL-only migration (0011), and the condition of
 * pgTrigramWithGrams below in src/search/pg-trigram.ts.
 */
export const SHORT_TERMS_DDL = [
  sql`create function md_search_grams(doc text) returns text[]
    language sql immutable strict parallel safe
    as $$ select string_to_array(doc, null)
       || array(select substr(doc, i, 2) from generate_series(1, length(doc) - 1) as i) $$`,
  sql`create index case_search_docs_grams_ix on case_search_docs
    using gin (md_search_grams(number || chr(10) || names || chr(10) || body))`,
];

const DOCUMENT = sql`(number || chr(10) || names || chr(10) || body)`;
/** A gram in more documents than this is found faster by the scan than through the index. */
const MAX_GRAM_FREQUENCY = 0.01;

/**
 * The short terms worth the index: those the planner's statistics of the index expression do
 * not list among their common elements at or above MAX_GRAM_FREQUENCY. A common one (a
 * frequent surname) stays a LIKE: the list finds its page by walking the sort order and
 * stops early, where the index would hand over most of the table (and a count would evaluate
 * md_search_grams on every row).
 */
async function rareTerms(db: Database, short: readonly string[]): Promise<string[]> {
  if (short.length === 0) return [];
  const { rows } = await sql<{ term: string }>`
    select u.term from pg_stats s,
      unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as u(term, frequency)
    where s.schemaname = current_schema() and s.tablename = 'case_search_docs_grams_ix'
      and u.term = any(${[...short]}::text[]) and u.frequency >= ${MAX_GRAM_FREQUENCY}`.execute(db);
  const common = new Set(rows.map((r) => r.term));
  return short.filter((t) => !common.has(t));
}

/** pgTrigram, with rare short terms looked up in the grams index first. */
export const pgTrigramWithGrams: SearchDialect = {
  ...pgTrigram,
  async casesMatching(db, indexed, short) {
    // Every term stays a LIKE (exact on its own); the grams condition only lets the planner
    // find the candidates of rare short terms through the index.
    const conditions: RawBuilder<SqlBool>[] = [...indexed, ...short].map(
      (term) => sql<SqlBool>`${DOCUMENT} like ${likePattern(term)}`,
    );
    const rare = await rareTerms(db, short);
    if (rare.length > 0) {
      const terms = sql.join(rare.map((t) => sql`${t}::text`));
      conditions.unshift(sql<SqlBool>`md_search_grams${DOCUMENT} @> array[${terms}]`);
    }
    return sql<SqlBool>`${sql.ref('cases.id')} in (select case_id from case_search_docs where ${sql.join(conditions, sql` and `)})`;
  },
};

async function condition(db: Database, dialect: SearchDialect, q: string) {
  const query = parseSearchQuery(q);
  if (query === null || query.kind !== 'text') throw new Error(`not a text query: ${q}`);
  return dialect.casesMatching(db, query.indexed, query.short);
}

/** The list's query, reduced to what search changes: one page of matching case ids. */
async function page(db: Database, dialect: SearchDialect, q: string, limit: number) {
  const where = await condition(db, dialect, q);
  return (
    await db
      .selectFrom('cases')
      .select('cases.id')
      .where(where)
      .orderBy('cases.registeredAt', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(limit)
      .execute()
  ).map((r) => r.id);
}

/** The "共 N 件" count of a search. */
async function count(db: Database, dialect: SearchDialect, q: string) {
  const where = await condition(db, dialect, q);
  const row = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(where)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Installs the proposal on the benchmark's PostgreSQL database, checks that it finds exactly
 * what the LIKE scan finds for every sample, and times both (SQL only, no budget: the API
 * figure above is what the budget is for).
 */
export async function measureShortTerms(db: Database, short: readonly string[]): Promise<Figure[]> {
  console.log('\nproposal: 1–2-character search on PostgreSQL through a grams index');
  await timed('create md_search_grams and its GIN index', async () => {
    for (const statement of SHORT_TERMS_DDL) await statement.execute(db);
    await sql`analyze case_search_docs`.execute(db);
  });
  const { rows } = await sql<{ size: string }>`
    select pg_size_pretty(pg_relation_size('case_search_docs_grams_ix')) as size`.execute(db);
  console.log(`  index size ${rows[0]?.size}`);
  for (const q of new Set(short)) {
    const now = await page(db, pgTrigram, q, 1_000_000);
    const proposed = await page(db, pgTrigramWithGrams, q, 1_000_000);
    if (now.join() !== proposed.join()) {
      throw new Error(
        `grams index and LIKE disagree on "${q}": ${proposed.length} vs ${now.length}`,
      );
    }
  }
  console.log(`  same cases as the LIKE scan for all ${new Set(short).size} queries`);
  const q = (i: number) => short[i % short.length] ?? '';
  return [
    await measure('1–2 characters, one page, LIKE scan (now)', null, (i) =>
      page(db, pgTrigram, q(i), 50),
    ),
    await measure('1–2 characters, one page, grams index (proposal)', null, (i) =>
      page(db, pgTrigramWithGrams, q(i), 50),
    ),
    await measure('1–2 characters, count, LIKE scan (now)', null, (i) =>
      count(db, pgTrigram, q(i)),
    ),
    await measure('1–2 characters, count, grams index (proposal)', null, (i) =>
      count(db, pgTrigramWithGrams, q(i)),
    ),
  ];
}
