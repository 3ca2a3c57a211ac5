import { sql } from 'kysely';
import type { IntakeInput } from '../../../../src/cases/case.schema';
import type { Database } from '../../../../src/db/database';
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

/** FTS5's own check that the index holds exactly the tokens of case_search_docs. */
export async function ftsIntegrityCheck(db: Database): Promise<void> {
  await sql`insert into case_search_fts (case_search_fts, rank) values ('integrity-check', 1)`.execute(
    db,
  );
}
