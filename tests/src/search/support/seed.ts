import { sql, type RawBuilder } from 'kysely';
import type { IntakeInput } from '../../../../src/cases/case.schema';
import { isEmbedded, type Database } from '../../../../src/db/database';
import type { PartyInput } from '../../../../src/parties/party.schema';
import { reindexCase } from '../../../../src/search/case-search';
import { organization } from '../../../support/fixtures';
import type { TestCore } from '../../../support/test-core';

export interface SeedCase {
  readonly studio: string;
  readonly parties: readonly PartyInput[];
  readonly summary?: string;
  readonly requests?: string;
  readonly category?: IntakeInput['category'];
  readonly source?: IntakeInput['source'];
  readonly riskLevel?: IntakeInput['riskLevel'];
}

/** A person without numbers: only a name (two people may share one). */
export function named(name: string, sex: 'male' | 'female' = 'male'): PartyInput {
  return { kind: 'person', name, sex };
}

/**
 * Registers a case through the API as reception, then indexes it as the registration service
 * will once it calls reindexCase (a second call is a no-op, so this stays right after that).
 * The first party is the applicant, the others respondents; one party gets an organization.
 */
export async function seedCase(t: TestCore, c: SeedCase): Promise<{ id: number; number: string }> {
  const parties = c.parties.length >= 2 ? c.parties : [...c.parties, organization()];
  const registered = await t.ok('cases/register', {
    studioId: await t.studioId(c.studio),
    category: c.category ?? 'other',
    source: c.source ?? 'walk_in',
    riskLevel: c.riskLevel ?? 'low',
    summary: c.summary ?? '双方因琐事发生争执。',
    requests: c.requests ?? '',
    parties: parties.map((party, i) => ({ role: i === 0 ? 'applicant' : 'respondent', party })),
  });
  await reindexCase(t.db, registered.id);
  return registered;
}

/** Sets lifecycle columns directly: the lifecycle services are not what these tests are about. */
export async function setCase(
  db: Database,
  id: number,
  values: { status?: string; deadlineOn?: string | null; registeredAt?: string },
): Promise<void> {
  await db.updateTable('cases').set(values).where('id', '=', id).execute();
}

export async function assignMediator(db: Database, caseId: number, staffId: number) {
  await db
    .insertInto('caseMediators')
    .values({ caseId, staffId, assignedAt: '2026-03-01T00:00:00.000Z' })
    .execute();
}

/**
 * The search index holds exactly the text of case_search_docs. SQLite: FTS5's own integrity
 * check of its external-content index, which the services keep in step by hand. PostgreSQL:
 * the trigram index exists, is valid, and, read through that index (sequential scans off),
 * finds every document by its own full text.
 */
export async function searchIndexCheck(db: Database): Promise<void> {
  if (isEmbedded(db)) {
    await sql`insert into case_search_fts (case_search_fts, rank) values ('integrity-check', 1)`.execute(
      db,
    );
    return;
  }
  const { rows: index } = await sql<{ valid: boolean; ready: boolean }>`
    select i.indisvalid as valid, i.indisready as ready
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where c.relname = 'case_search_docs_trgm_ix'`.execute(db);
  if (index[0]?.valid !== true || index[0].ready !== true) {
    throw new Error(`case_search_docs_trgm_ix is missing or not valid: ${JSON.stringify(index)}`);
  }
  const doc = (t: string) => sql`(${sql.ref(`${t}.number`)} || chr(10) || ${sql.ref(`${t}.names`)}
    || chr(10) || ${sql.ref(`${t}.body`)})`;
  const notFound = sql`select d.case_id from case_search_docs d
    where not d.case_id = any (array(
      select e.case_id from case_search_docs e
      where ${doc('e')} like ${likePatternOf(doc('d'))}))`;
  await db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    const plan = await sql<Record<string, string>>`explain ${notFound}`.execute(trx);
    const planText = plan.rows.flatMap((r) => Object.values(r)).join('\n');
    if (!planText.includes('case_search_docs_trgm_ix')) {
      throw new Error(`the check does not read the trigram index:\n${planText}`);
    }
    const { rows } = await sql<{ caseId: number }>`${notFound}`.execute(trx);
    if (rows.length > 0) {
      throw new Error(`the trigram index misses cases ${rows.map((r) => r.caseId).join(', ')}`);
    }
  });
}

/** `'%' || text || '%'` with LIKE's own characters in the text escaped, in SQL (pgTrigram's likePattern). */
function likePatternOf(text: RawBuilder<unknown>): RawBuilder<string> {
  let escaped = text;
  for (const c of ['\\', '%', '_']) escaped = sql`replace(${escaped}, ${c}, ${`\\${c}`})`;
  return sql<string>`'%' || ${escaped} || '%'`;
}
