import { AppError } from '../api/result';
import { findCase, type CaseRow } from '../cases/case.repository';
import { listMediators } from '../cases/lifecycle.repository';
import type { Database } from '../db/database';
import { centerDate } from '../shared/center-time';
import {
  findHeaderFacts,
  findStaffName,
  listPartyFacts,
  type PartyFacts,
} from './document.repository';

/** Everything the papers of one case are filled from, read once per document. */
export interface CaseFacts {
  readonly case: CaseRow;
  readonly parties: readonly PartyFacts[];
  readonly mediators: readonly string[];
  readonly registeredByName: string;
  readonly committeeName: string;
  readonly centerName: string;
  readonly studioName: string;
  /** Center dates (YYYY-MM-DD) of the case's steps. */
  readonly registeredOn: string;
  readonly acceptedOn: string | null;
  readonly concludedOn: string | null;
}

export async function loadCaseFacts(db: Database, caseId: number): Promise<CaseFacts> {
  const c = await findCase(db, caseId);
  if (c === null) throw new AppError('NOT_FOUND', 'error.caseNotFound', undefined, { id: caseId });
  const header = await findHeaderFacts(db, c.studioId);
  const on = (iso: string | null) => (iso === null ? null : centerDate(new Date(iso)));
  return {
    case: c,
    parties: await listPartyFacts(db, c.id),
    mediators: (await listMediators(db, [c.id])).map((m) => m.displayName),
    registeredByName: await findStaffName(db, c.registeredBy),
    committeeName: header.committeeName,
    centerName: header.centerName,
    studioName: header.studioName,
    registeredOn: centerDate(new Date(c.registeredAt)),
    acceptedOn: on(c.acceptedAt),
    concludedOn: on(c.concludedAt),
  };
}

/** The header printed on every page: the center, then the committee that acts. */
export function headerOf(facts: CaseFacts): string {
  return facts.centerName === '' || facts.centerName === facts.committeeName
    ? facts.committeeName
    : `${facts.centerName}\u3000${facts.committeeName}`;
}
