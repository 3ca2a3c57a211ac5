import type { RawBuilder, SqlBool } from 'kysely';
import type { Database } from '../db/database';
import type { SearchDocument } from './search-document';

/**
 * The database-specific half of the search. case_search_docs (portable) holds the text; a
 * dialect indexes it and answers "which case ids contain these terms". SQLite: FTS5 with the
 * trigram tokenizer (sqlite-fts.ts). PostgreSQL, when it arrives: pg_trgm GIN indexes on the
 * same table's text, with LIKE, and no index maintenance of its own (pg-trigram.ts).
 */
export interface SearchDialect {
  /**
   * The condition, on the outer query's `cases` table, that the case's document contains every
   * term, each as a literal substring of the number, the names or the body. `indexed` terms
   * have MIN_INDEXED_TERM characters or more; `short` ones fewer; at least one is given. May
   * read the index first (to plan short terms), hence async.
   */
  casesMatching(
    db: Database,
    indexed: readonly string[],
    short: readonly string[],
  ): Promise<RawBuilder<SqlBool>>;
  /** Brings the index in line after case_search_docs changed from `before` to `after`. */
  syncDocument(
    db: Database,
    caseId: number,
    before: SearchDocument | null,
    after: SearchDocument | null,
  ): Promise<void>;
  /** Rebuilds the index from case_search_docs as it now is. */
  rebuildIndex(db: Database): Promise<void>;
}
