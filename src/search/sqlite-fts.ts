import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database';
import type { SearchDialect } from './search-dialect';
import type { SearchDocument } from './search-document';

/**
 * SQLite's search, created by migration 0005: `case_search_fts`, an FTS5 index with the trigram
 * tokenizer over the external content table case_search_docs (rowid = case id), and
 * `case_search_vocab`, an fts5vocab view of its terms. The documents are normalized in
 * TypeScript (search-text.ts), so the tokenizer is case-sensitive: it folds nothing, and the
 * index, the vocabulary and a scan all see the same characters.
 *
 * - Terms of 3+ characters go to FTS5 MATCH, each as one quoted string: inside double quotes
 *   FTS5 reads no operators, so `"`, `*`, `AND`, `OR`, `NEAR`, `:`, `^`, `-` and SQL text are
 *   literal characters; `"` itself is escaped by doubling. The tokenizer turns the string into
 *   overlapping trigrams, so it matches as a substring.
 * - Terms of 1–2 characters have no trigram of their own, but every place they occur begins a
 *   trigram (documents end with DOCUMENT_END for that), so "张伟" is the OR of the indexed
 *   trigrams that start with it: "张伟华", "张伟 ", ... read from case_search_vocab by a range
 *   on the term. Exact, and a few milliseconds. A term that begins too many trigrams (a very
 *   common single character such as 王) is cheaper to find by scanning case_search_docs with
 *   instr() (~40 ms for 100,000 cases, measured by tests/bench), within the FTS5 hits of the
 *   other terms when there are any.
 * - The index is external content: FTS5 must be told the old text to remove a document, and
 *   syncDocument receives it from the caller, which read it from case_search_docs first.
 */

/** Above this many trigrams, a short term is scanned for instead (measured: see tests/bench). */
const MAX_EXPANSION = 1000;
/** The greatest code point: `term < prefix || MAX_CHAR` is "starts with prefix". */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

export const sqliteFts: SearchDialect = {
  async casesMatching(db, indexed, short) {
    const ids = await matchingIds(db, indexed, short);
    // The unary plus keeps SQLite from driving the query by the matching ids (fetch every
    // matching case, then sort them all: 20 ms for a word in 15,000 cases). It walks the list's
    // sort index instead, testing each id against a Bloom filter of the matches, and stops at
    // the page's end: about 1 ms, and 4 ms when it has to walk all 100,000 cases (tests/bench).
    return sql<SqlBool>`+${sql.ref('cases.id')} in ${ids}`;
  },

  async syncDocument(db, caseId, before, after) {
    if (before !== null) {
      // FTS5's 'delete' command: removes the tokens of exactly this text from the index.
      await sql`insert into case_search_fts (case_search_fts, rowid, number, names, body)
        values ('delete', ${caseId}, ${before.number}, ${before.names}, ${before.body})`.execute(
        db,
      );
    }
    if (after !== null) await insertIndexRow(db, after);
  },

  async rebuildIndex(db) {
    await sql`insert into case_search_fts (case_search_fts) values ('rebuild')`.execute(db);
  },
};

/** The ids of the cases containing every term, as a subquery. */
async function matchingIds(
  db: Database,
  indexed: readonly string[],
  short: readonly string[],
): Promise<RawBuilder<number>> {
  const groups = indexed.map(quote);
  const scanned: string[] = [];
  for (const term of short) {
    const expansion = await trigramsStartingWith(db, term);
    if (expansion === null) scanned.push(term);
    else if (expansion.length === 0)
      return sql<number>`(select null where 0)`; // in no case
    else groups.push(`(${expansion.map(quote).join(' OR ')})`);
  }
  const match = groups.length === 0 ? null : groups.join(' AND ');
  const hits = sql`(select rowid from case_search_fts where case_search_fts match ${match})`;
  if (scanned.length === 0) return sql<number>`${hits}`;
  const conditions = scanned.map(
    (t) => sql`(instr(names, ${t}) > 0 or instr(body, ${t}) > 0 or instr(number, ${t}) > 0)`,
  );
  if (match !== null) conditions.unshift(sql`case_id in ${hits}`);
  return sql<number>`(select case_id from case_search_docs where ${sql.join(conditions, sql` and `)})`;
}

/** The indexed trigrams that start with `term`; null when there are more than MAX_EXPANSION. */
async function trigramsStartingWith(db: Database, term: string): Promise<string[] | null> {
  const { rows } = await sql<{ term: string }>`
    select term from case_search_vocab
    where term >= ${term} and term < ${term + MAX_CHAR}
    limit ${MAX_EXPANSION + 1}`.execute(db);
  return rows.length > MAX_EXPANSION ? null : rows.map((r) => r.term);
}

async function insertIndexRow(db: Database, doc: SearchDocument): Promise<void> {
  await sql`insert into case_search_fts (rowid, number, names, body)
    values (${doc.caseId}, ${doc.number}, ${doc.names}, ${doc.body})`.execute(db);
}

/** One FTS5 string: the term between double quotes, its own double quotes doubled. */
function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/** Every term as a quoted FTS5 string, all required. Exported for tests. */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map(quote).join(' AND ');
}
