import type { Caller } from '../api/method';
import { fieldError } from '../api/validation';
import type { Database } from '../db/database';
import {
  findPartyById,
  findPartyByNumber,
  insertParty,
  updateParty,
  type StoredParty,
} from '../parties/party.repository';
import type { Party } from '../parties/party.schema';
import { reindexCasesOfParty } from '../search/case-search';
import { residentIdSex } from '../shared/china-ids';
import { findActiveStudio } from '../studios/studio.repository';
import { createNumberedCase, type RegisteredCase } from './case-creation';
import type { Intake } from './case.schema';

/**
 * 登记 register: one call writes the parties (found or created), the case with its number,
 * its parties and the first timeline event. The caller runs it inside one immediate transaction.
 */
export async function registerCase(
  db: Database,
  caller: Caller,
  input: Intake,
  now: Date,
): Promise<RegisteredCase & { partyIds: number[] }> {
  const studio = await findActiveStudio(db, input.studioId);
  if (studio === undefined) throw fieldError('studioId', 'validation.studio.unknown');
  const at = now.toISOString();

  const partyIds: number[] = [];
  for (const [index, entry] of input.parties.entries()) {
    const id = await resolveParty(db, entry.partyId, entry.party, index, at);
    // Picked once and typed again (or typed twice in different spellings): one person, one role.
    if (partyIds.includes(id))
      throw fieldError(`parties.${index}.partyId`, 'validation.party.duplicate');
    partyIds.push(id);
  }

  const { id, number } = await createNumberedCase(db, caller, studio, now, {
    fields: {
      category: input.category,
      source: input.source,
      riskLevel: input.riskLevel,
      summary: input.summary,
      requests: input.requests,
      amountFen: input.amountFen ?? null,
    },
    parties: input.parties.map((p, i) => ({
      partyId: partyIds[i] ?? 0,
      role: p.role,
      representsPartyId: p.represents === undefined ? null : (partyIds[p.represents] ?? null),
      authority: p.role === 'agent' ? (p.authority ?? null) : null,
    })),
  });
  return { id, number, partyIds };
}

/** Reuse the stored person (chosen at intake, or holding the same number) or create one. */
async function resolveParty(
  db: Database,
  partyId: number | undefined,
  party: Party,
  index: number,
  at: string,
): Promise<number> {
  const numberField = party.kind === 'person' ? 'idNumber' : 'creditCode';
  const path = `parties.${index}`;
  let stored: StoredParty | null = null;
  if (partyId !== undefined) {
    stored = await findPartyById(db, partyId);
    if (stored === null) throw fieldError(`${path}.partyId`, 'validation.party.unknown');
    if (stored.kind !== party.kind)
      throw fieldError(`${path}.party.kind`, 'validation.party.kindMismatch');
  }
  const holder = await findPartyByNumber(db, party);
  if (stored !== null && holder !== null && holder.id !== stored.id) {
    throw fieldError(`${path}.party.${numberField}`, 'validation.idNumber.taken');
  }
  stored ??= holder;
  if (stored === null) return insertParty(db, party, at);
  // A reused person arrives without the ID; the stored one still decides the sex.
  if (
    party.kind === 'person' &&
    stored.idNumber !== null &&
    residentIdSex(stored.idNumber) !== party.sex
  ) {
    throw fieldError(`${path}.party.sex`, 'validation.idNumber.sexMismatch');
  }
  await updateParty(db, stored, party, at);
  // A corrected name must be found in the party's earlier cases too.
  await reindexCasesOfParty(db, stored.id);
  return stored.id;
}
