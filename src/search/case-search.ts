import { SqliteAdapter, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/tables';
import type { SearchDialect } from './search-dialect';
import {
  buildDocuments,
  buildDocumentsAfter,
  sameDocument,
  storedDocument,
  type SearchDocument,
} from './search-document';
import { parseSearchQuery } from './search-text';
import { pgTrigram } from './pg-trigram';
import { sqliteFts } from './sqlite-fts';

/**
 * Case search, the one module the rest of the core uses: find cases by a search-box query, and
 * keep the index current.
 *
 * Why explicit calls and not triggers. The index could be kept by SQL triggers on cases,
 * case_parties and parties. It is not, because:
 * - the document is built in TypeScript (NFKC and case folding, names joined in party order);
 *   triggers would need that logic again in SQLite's trigger SQL and later in PL/pgSQL, two
 *   copies that drift, where one function serves both databases;
 * - a trigger on parties (a rename) silently fans out to every case of the person; an explicit
 *   reindexCasesOfParty call makes that cost visible where it is paid;
 * - the call runs inside the service's own transaction (write methods get one from the
 *   dispatcher), so the index commits or rolls back with the change: it cannot drift on error.
 * The price is discipline: every service that changes a case's number, summary, requests or
 * parties, or a party's name, calls reindexCase / reindexCasesOfParty before it returns, and
 * staleSearchDocuments lets tests check it did.
 */

/** The index implementation for the database in use. */
export function searchDialect(db: Database): SearchDialect {
  return db.getExecutor().adapter instanceof SqliteAdapter ? sqliteFts : pgTrigram;
}

/**
 * Brings one case's search entry in line with the database: its number, its parties' names,
 * summary and requests. Cheap when nothing searchable changed (one read, one compare), so it can
 * be called after every change of a case. Call it inside the transaction of the change.
 * (Cases are archived, never deleted; were one deleted, its entry would go first, as
 * case_search_docs references it: reindexCase of a missing case removes the entry.)
 */
export async function reindexCase(db: Database, caseId: number): Promise<void> {
  await reindexCases(db, [caseId]);
}

/** Cases per round: an IN list stays far below SQLite's limit on bound parameters. */
const REINDEX_BATCH = 500;

export async function reindexCases(db: Database, caseIds: readonly number[]): Promise<void> {
  const unique = [...new Set(caseIds)];
  const dialect = searchDialect(db);
  for (let start = 0; start < unique.length; start += REINDEX_BATCH) {
    const ids = unique.slice(start, start + REINDEX_BATCH);
    const fresh = new Map((await buildDocuments(db, ids)).map((d) => [d.caseId, d]));
    for (const id of ids) {
      await replaceDocument(db, dialect, id, await storedDocument(db, id), fresh.get(id) ?? null);
    }
  }
}

/** After a party's name changed: every case the party is in. */
export async function reindexCasesOfParty(db: Database, partyId: number): Promise<void> {
  const rows = await db
    .selectFrom('caseParties')
    .select('caseId')
    .distinct()
    .where('partyId', '=', partyId)
    .execute();
  await reindexCases(
    db,
    rows.map((r) => r.caseId),
  );
}

async function replaceDocument(
  db: Database,
  dialect: SearchDialect,
  caseId: number,
  before: SearchDocument | null,
  after: SearchDocument | null,
): Promise<void> {
  if (before === null && after === null) return;
  if (before !== null && after !== null && sameDocument(before, after)) return;
  if (after === null) {
    await db.deleteFrom('caseSearchDocs').where('caseId', '=', caseId).execute();
  } else if (before === null) {
    await db.insertInto('caseSearchDocs').values(after).execute();
  } else {
    const { number, names, body } = after;
    await db
      .updateTable('caseSearchDocs')
      .set({ number, names, body })
      .where('caseId', '=', caseId)
      .execute();
  }
  await dialect.syncDocument(db, caseId, before, after);
}

/**
 * Rebuilds the whole search from the cases (after a bulk import, or to repair). Returns how many
 * cases it indexed. Run it in a transaction when others may be writing.
 */
export async function rebuildCaseSearch(db: Database, batchSize = 2000): Promise<number> {
  const dialect = searchDialect(db);
  await db.deleteFrom('caseSearchDocs').execute();
  let afterId = 0;
  let count = 0;
  for (;;) {
    const docs = await buildDocumentsAfter(db, afterId, batchSize);
    const last = docs.at(-1);
    if (last === undefined) break;
    await db.insertInto('caseSearchDocs').values(docs).execute();
    afterId = last.caseId;
    count += docs.length;
  }
  await dialect.rebuildIndex(db);
  return count;
}

/** Ids of cases whose search entry is missing or out of date (for tests of the services). */
export async function staleSearchDocuments(db: Database, batchSize = 2000): Promise<number[]> {
  const stale: number[] = [];
  let afterId = 0;
  for (;;) {
    const docs = await buildDocumentsAfter(db, afterId, batchSize);
    const last = docs.at(-1);
    if (last === undefined) break;
    const stored = await db
      .selectFrom('caseSearchDocs')
      .select(['caseId', 'number', 'names', 'body'])
      .where('caseId', '>', afterId)
      .where('caseId', '<=', last.caseId)
      .execute();
    const byId = new Map(stored.map((d) => [d.caseId, d]));
    for (const doc of docs) {
      const old = byId.get(doc.caseId);
      if (old === undefined || !sameDocument(old, doc)) stale.push(doc.caseId);
    }
    afterId = last.caseId;
  }
  const orphans = await db
    .selectFrom('caseSearchDocs')
    .select('caseId')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('cases').select('cases.id').whereRef('cases.id', '=', 'caseSearchDocs.caseId'),
        ),
      ),
    )
    .execute();
  return [...stale, ...orphans.map((o) => o.caseId)];
}

export type CaseCondition = (eb: ExpressionBuilder<DB, 'cases'>) => Expression<SqlBool>;

/**
 * The condition "this case matches the query", for a query over `cases`; null when the query
 * has nothing to search for. A full resident ID, credit code or phone is looked up exactly
 * through the parties table's indexes; anything else in the text index (see search-text.ts).
 * Async because the index may be consulted to plan short terms; run it in the same transaction
 * (or on the same connection) as the query that uses the condition.
 */
export async function caseSearchCondition(db: Database, q: string): Promise<CaseCondition | null> {
  const query = parseSearchQuery(q);
  if (query === null) return null;
  if (query.kind === 'identifier') {
    return (eb) =>
      eb(
        'cases.id',
        'in',
        eb
          .selectFrom('caseParties')
          .select('caseParties.caseId')
          .where(
            'caseParties.partyId',
            'in',
            eb
              .selectFrom('parties')
              .select('parties.id')
              .where((p) =>
                p.or([
                  ...(query.idNumber === null ? [] : [p('parties.idNumber', '=', query.idNumber)]),
                  ...(query.creditCode === null
                    ? []
                    : [p('parties.creditCode', '=', query.creditCode)]),
                  ...(query.phones.length === 0 ? [] : [p('parties.phone', 'in', query.phones)]),
                ]),
              ),
          ),
      );
  }
  const condition = await searchDialect(db).casesMatching(db, query.indexed, query.short);
  return () => condition;
}
