import { sql } from 'kysely';
import type { Database } from '../db/database';
import type { SearchDialect } from './search-dialect';
import type { SearchDocument } from './search-document';

/**
 * SQLite's search: an FTS5 table, `case_search_fts`, with the trigram tokenizer, over the
 * external content table case_search_docs (rowid = case id), created by migration 0005.
 *
 * - Terms of 3+ characters go to FTS5 MATCH, each as one quoted string (a phrase): inside
 *   double quotes FTS5 reads no operators, so `"`, `*`, `AND`, `OR`, `NEAR`, `:`, `-` and SQL
 *   text are literal characters; a `"` is escaped by doubling it. The trigram tokenizer turns
 *   the phrase into overlapping trigrams, so a phrase matches as a substring.
 * - Terms of 1–2 characters have no trigram. They are looked for with instr() in
 *   case_search_docs: a scan of the compact, normalized texts (no party join, no LIKE pattern
 *   matcher; instr compares bytes), measured by the benchmark well inside its budget. When the
 *   query also has long terms, the scan is limited to the FTS5 hits.
 * - The index is external content, so FTS5 must be told the old text to remove a document:
 *   syncDocument receives it from the caller, which read it from case_search_docs first.
 */
export const sqliteFts: SearchDialect = {
  matchingCaseIds(indexed, short) {
    const match = indexed.length === 0 ? null : ftsMatchExpression(indexed);
    if (short.length === 0 && match !== null) {
      return sql<number>`(select rowid from case_search_fts where case_search_fts match ${match})`;
    }
    const conditions = short.map(
      (t) => sql`(instr(names, ${t}) > 0 or instr(body, ${t}) > 0 or instr(number, ${t}) > 0)`,
    );
    if (match !== null) {
      conditions.unshift(
        sql`case_id in (select rowid from case_search_fts where case_search_fts match ${match})`,
      );
    }
    return sql<number>`(select case_id from case_search_docs where ${sql.join(conditions, sql` and `)})`;
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

async function insertIndexRow(db: Database, doc: SearchDocument): Promise<void> {
  await sql`insert into case_search_fts (rowid, number, names, body)
    values (${doc.caseId}, ${doc.number}, ${doc.names}, ${doc.body})`.execute(db);
}

/** Every term as a quoted FTS5 string, all required. Exported for tests. */
export function ftsMatchExpression(terms: readonly string[]): string {
  return terms.map((t) => `"${t.replaceAll('"', '""')}"`).join(' AND ');
}
