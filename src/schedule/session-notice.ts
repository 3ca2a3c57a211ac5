import type { Database } from '../db/database';
import { listCaseParties } from '../cases/case.repository';
import { findSessionDetail } from './session-list.repository';
import { listParticipants } from './session.repository';

/**
 * HOOK for the documents issue — 调解通知书 (session notice). Printing belongs to the documents
 * feature; this gathers, in one place, the facts a notice states: which case, when, where, who
 * is invited (with their roles in the case) and who will preside. The documents feature calls
 * it from its own method and renders the PDF; the session drawer's "print notice" button
 * (renderer/schedule/session-notice-hook.ts) is where its printer plugs in.
 */
export async function loadSessionNotice(db: Database, sessionId: number) {
  const s = await findSessionDetail(db, sessionId);
  if (s === null || s.caseId === null) return null;
  const people = await listParticipants(db, [s.id]);
  const roles = new Map(
    (await listCaseParties(db, [s.caseId])).map((p) => [p.partyId, p.role] as const),
  );
  return {
    sessionId: s.id,
    caseId: s.caseId,
    caseNumber: s.caseNumber,
    studioId: s.studioId,
    kind: s.kind,
    start: s.startsAt,
    end: s.endsAt,
    roomNameZh: s.roomNameZh,
    roomNameEn: s.roomNameEn,
    staff: people.staff.map((p) => p.displayName),
    parties: people.parties.map((p) => ({ id: p.id, name: p.name, role: roles.get(p.id) })),
  };
}
