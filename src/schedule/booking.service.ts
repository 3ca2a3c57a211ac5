import type { HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { OPEN_STATUSES } from '../cases/case-lifecycle';
import { findCase, type CaseRow } from '../cases/case.repository';
import { recordEvent, step } from '../cases/lifecycle.service';
import type { Database } from '../db/database';
import { occupy } from './occupancy.repository';
import { activeStaffIds, casePartyIds, findRoom, type RoomRef } from './references.repository';
import { sessionActionLabels, sessionStatusLabels, type SessionAction } from './session.labels';
import {
  findSession,
  insertSession,
  replaceParticipants,
  type SessionRow,
} from './session.repository';
import type { SessionKind } from './session.schema';

/** Everything a booking decides: where, when, who. */
export interface Plan {
  readonly caseId: number | null;
  readonly caseNumber: string | null;
  readonly studioId: number;
  readonly roomId: number;
  readonly kind: SessionKind;
  readonly staffIds: readonly number[];
  readonly partyIds: readonly number[];
  readonly startsAt: string;
  readonly endsAt: string;
  readonly notes: string;
}

export const rangeOf = (p: { startsAt: string; endsAt: string }) => ({
  start: Date.parse(p.startsAt),
  end: Date.parse(p.endsAt),
});

/** The case a session is for: it exists and is still being handled (not closed). */
export async function loadOpenCase(db: Database, caseId: number): Promise<CaseRow> {
  const c = await findCase(db, caseId);
  if (c === null) throw fieldError('caseId', 'validation.session.caseUnknown');
  if (!OPEN_STATUSES.includes(c.status))
    throw fieldError('caseId', 'validation.session.caseClosed');
  return c;
}

/** An active room of the session's studio. */
export async function checkRoom(db: Database, roomId: number, studioId: number): Promise<RoomRef> {
  const room = await findRoom(db, roomId);
  if (room === null || !room.active) throw fieldError('roomId', 'validation.session.roomUnknown');
  if (room.studioId !== studioId) throw fieldError('roomId', 'validation.session.roomOtherStudio');
  return room;
}

export async function checkStaff(
  db: Database,
  ids: readonly number[],
  field = 'staffIds',
): Promise<void> {
  const known = await activeStaffIds(db, ids);
  if (ids.some((id) => !known.has(id))) throw fieldError(field, 'validation.session.staffUnknown');
}

/** Only the case's own parties are invited; a session of a case invites at least one. */
export async function checkParties(
  db: Database,
  caseId: number | null,
  ids: readonly number[],
): Promise<void> {
  if (caseId !== null && ids.length === 0) {
    throw fieldError('partyIds', 'validation.session.partyNeeded');
  }
  const known = caseId === null ? new Set<number>() : await casePartyIds(db, caseId);
  if (ids.some((id) => !known.has(id))) {
    throw fieldError('partyIds', 'validation.session.partyNotInCase');
  }
}

/** Leading cadres' reception days belong to the letters-and-visits studio. */
export function checkKind(kind: SessionKind, room: RoomRef): void {
  if (kind === 'leader_reception' && room.studioKind !== 'petition') {
    throw fieldError('kind', 'validation.session.kindStudio');
  }
}

/**
 * The session an action is about: it exists, the version the caller saw is current, and its
 * state allows the action (only scheduled sessions change).
 */
export async function loadScheduled(
  db: Database,
  id: number,
  version: number,
  action: SessionAction,
  allowed: (s: SessionRow) => boolean,
): Promise<SessionRow> {
  const s = await findSession(db, id);
  if (s === null) throw new AppError('NOT_FOUND', 'error.session.notFound', undefined, { id });
  if (!allowed(s)) throw new AppError('FORBIDDEN', 'error.session.scope');
  if (s.status !== 'scheduled') {
    throw new AppError('INVALID_TRANSITION', 'error.session.notScheduled', undefined, {
      status: sessionStatusLabels[s.status],
      action: sessionActionLabels[action],
    });
  }
  if (s.version !== version) {
    throw new AppError('STALE', 'error.session.stale', undefined, { version: s.version });
  }
  return s;
}

/** Held or missed: only once the session has begun. */
export function assertStarted(s: SessionRow, now: Date, action: SessionAction): void {
  if (Date.parse(s.startsAt) > now.getTime()) {
    throw new AppError('INVALID_TRANSITION', 'error.session.notYet', undefined, {
      action: sessionActionLabels[action],
    });
  }
}

/** Writes a new session with its people and what it holds, and notes it in the case's timeline. */
export async function saveNew(ctx: HandlerContext, plan: Plan): Promise<number> {
  const at = ctx.now.toISOString();
  const id = await insertSession(ctx.db, {
    caseId: plan.caseId,
    caseNumber: plan.caseNumber,
    studioId: plan.studioId,
    roomId: plan.roomId,
    kind: plan.kind,
    startsAt: plan.startsAt,
    endsAt: plan.endsAt,
    notes: plan.notes,
    createdAt: at,
    createdBy: ctx.caller().staffId,
  });
  await replaceParticipants(ctx.db, id, plan.staffIds, plan.partyIds);
  await occupy(ctx.db, id, plan);
  if (plan.caseId !== null) {
    await recordEvent(step(ctx), plan.caseId, 'sessionScheduled', {
      sessionId: id,
      kind: plan.kind,
      start: plan.startsAt,
      end: plan.endsAt,
    });
  }
  return id;
}
