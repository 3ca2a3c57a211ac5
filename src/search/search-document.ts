import type { Database } from '../db/database';
import { searchText } from './search-text';

/**
 * One case as the search sees it: the texts a user may type a piece of, in searchText spelling.
 * Stored in the portable table case_search_docs; each dialect indexes that table its own way.
 * Personal numbers (resident ID, phone) are deliberately not in it: they are found exactly
 * through the parties table, and the text index holds nothing that the masked list may not show.
 */
export interface SearchDocument {
  readonly caseId: number;
  readonly number: string;
  /** Party names, space-separated so that no search term runs from one name into the next. */
  readonly names: string;
  /** Summary and requests. */
  readonly body: string;
}

/**
 * Two spaces end every column of a document. Search terms never contain white space, so the
 * sentinel is never part of a match; it is there so that every one- or two-character piece of
 * the text begins some trigram (see sqlite-fts.ts, short terms), also at the end of a column.
 */
export const DOCUMENT_END = '  ';

export function sameDocument(a: SearchDocument, b: SearchDocument): boolean {
  return a.number === b.number && a.names === b.names && a.body === b.body;
}

/** The documents of the cases with these ids (cases that do not exist are left out). */
export async function buildDocuments(
  db: Database,
  caseIds: readonly number[],
): Promise<SearchDocument[]> {
  if (caseIds.length === 0) return [];
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'number', 'summary', 'requests'])
    .where('id', 'in', caseIds)
    .orderBy('id')
    .execute();
  const names = await db
    .selectFrom('caseParties')
    .innerJoin('parties', 'parties.id', 'caseParties.partyId')
    .select(['caseParties.caseId', 'parties.name'])
    .where('caseParties.caseId', 'in', caseIds)
    .orderBy('caseParties.caseId')
    .orderBy('caseParties.sortOrder')
    .execute();
  return toDocuments(cases, names);
}

/** The documents of up to `limit` cases with ids above `afterId`, in id order (for a rebuild). */
export async function buildDocumentsAfter(
  db: Database,
  afterId: number,
  limit: number,
): Promise<SearchDocument[]> {
  const cases = await db
    .selectFrom('cases')
    .select(['id', 'number', 'summary', 'requests'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  const last = cases.at(-1);
  if (last === undefined) return [];
  // A range, not an IN list of thousands of ids: one index range scan of case_parties.
  const names = await db
    .selectFrom('caseParties')
    .innerJoin('parties', 'parties.id', 'caseParties.partyId')
    .select(['caseParties.caseId', 'parties.name'])
    .where('caseParties.caseId', '>', afterId)
    .where('caseParties.caseId', '<=', last.id)
    .orderBy('caseParties.caseId')
    .orderBy('caseParties.sortOrder')
    .execute();
  return toDocuments(cases, names);
}

function toDocuments(
  cases: readonly { id: number; number: string; summary: string; requests: string }[],
  names: readonly { caseId: number; name: string }[],
): SearchDocument[] {
  const namesOf = new Map<number, string[]>();
  for (const { caseId, name } of names) {
    const list = namesOf.get(caseId);
    if (list === undefined) namesOf.set(caseId, [name]);
    else list.push(name);
  }
  return cases.map((c) => ({
    caseId: c.id,
    number: searchText(c.number) + DOCUMENT_END,
    names: searchText((namesOf.get(c.id) ?? []).join(' ')) + DOCUMENT_END,
    body: searchText(`${c.summary}\n${c.requests}`) + DOCUMENT_END,
  }));
}

export async function storedDocument(db: Database, caseId: number): Promise<SearchDocument | null> {
  const row = await db
    .selectFrom('caseSearchDocs')
    .select(['caseId', 'number', 'names', 'body'])
    .where('caseId', '=', caseId)
    .executeTakeFirst();
  return row ?? null;
}
