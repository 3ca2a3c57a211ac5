import { sql, type SqlBool } from 'kysely';
import type { SearchDialect } from './search-dialect';

/**
 * PostgreSQL's search, created by migration 0010: a pg_trgm GIN index over case_search_docs'
 * number, names and body joined by line breaks (terms never contain white space, so no term
 * spans two columns). Each term is a LIKE '%term%' on that same expression: the index answers
 * terms of 3+ characters from their trigrams, and PostgreSQL rechecks every candidate, so the
 * result is the exact substring match FTS5 gives on SQLite. Terms of 1–2 characters have no
 * trigram; for them the index yields every row and the recheck scans (still exact). The
 * documents are normalized in TypeScript (search-text.ts), so the case-sensitive LIKE compares
 * the same spellings as SQLite does.
 *
 * The index is maintained by PostgreSQL with the table, so syncDocument and rebuildIndex have
 * nothing to do.
 */
export const pgTrigram: SearchDialect = {
  casesMatching(_db, indexed, short) {
    const document = sql`(number || chr(10) || names || chr(10) || body)`;
    const conditions = [...indexed, ...short].map(
      (term) => sql<SqlBool>`${document} like ${likePattern(term)}`,
    );
    return Promise.resolve(
      sql<SqlBool>`${sql.ref('cases.id')} in (select case_id from case_search_docs where ${sql.join(conditions, sql` and `)})`,
    );
  },
  syncDocument: () => Promise.resolve(),
  rebuildIndex: () => Promise.resolve(),
};

/** `%term%` with LIKE's own characters escaped (the default escape character is `\`). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
