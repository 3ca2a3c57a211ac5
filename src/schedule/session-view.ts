import type { Caller } from '../api/method';
import type { SessionAction } from './session.labels';
import { mayArrange, mayRecord, maySeeRecord } from './session-access';
import type { SessionDetail, SessionSummary } from './session-list.repository';
import type { PartyInSession, StaffInSession } from './session.repository';

/**
 * What this caller may do with the session now: the screen offers these and no others (the
 * methods check again).
 */
export function allowedSessionActions(
  s: SessionSummary,
  caller: Caller,
  now: Date,
): SessionAction[] {
  if (s.status !== 'scheduled') return [];
  const actions: SessionAction[] = [];
  if (mayArrange(caller, s.studioId)) {
    if (s.caseId === null) actions.push('book');
    actions.push('edit', 'move', 'postpone', 'cancel');
  }
  if (
    s.caseId !== null &&
    mayRecord(caller, s.studioId) &&
    Date.parse(s.startsAt) <= now.getTime()
  ) {
    actions.push('hold', 'noShow');
  }
  return actions;
}

interface Named {
  readonly sessionId: number;
  readonly id: number;
}

/** A session as the calendar and the case page list it: when, where, which case, who. */
export function sessionSummaryView(
  s: SessionSummary,
  people: {
    staff: readonly (Named & { displayName: string })[];
    parties: readonly (Named & { name: string })[];
  },
  caller: Caller,
  now: Date,
) {
  return {
    id: s.id,
    version: s.version,
    caseId: s.caseId,
    caseNumber: s.caseNumber,
    studioId: s.studioId,
    roomId: s.roomId,
    roomNameZh: s.roomNameZh,
    roomNameEn: s.roomNameEn,
    kind: s.kind,
    status: s.status,
    start: s.startsAt,
    end: s.endsAt,
    postponedToId: s.postponedToId,
    staff: people.staff.map(({ id, displayName }) => ({ id, displayName })),
    parties: people.parties.map(({ id, name }) => ({ id, name })),
    allowed: allowedSessionActions(s, caller, now),
  };
}

/** One session in full: notes and record when allowed, reasons, attendance. */
export function sessionDetailView(
  s: SessionDetail,
  people: { staff: readonly StaffInSession[]; parties: readonly PartyInSession[] },
  caller: Caller,
  now: Date,
) {
  const open = maySeeRecord(caller, s);
  return {
    ...sessionSummaryView(s, people, caller, now),
    /** Counseling notes withheld from this caller (the UI says so rather than showing blank). */
    withheld: !open,
    notes: open ? s.notes : '',
    record: open ? s.record : null,
    statusReason: s.statusReason,
    statusAt: s.statusAt,
    staff: people.staff.map(({ id, displayName, attended }) => ({ id, displayName, attended })),
    parties: people.parties.map(({ id, name, attended }) => ({ id, name, attended })),
  };
}

/** Views of many sessions, their people grouped once (a busy week has a thousand). */
export function sessionSummaryViews(
  sessions: readonly SessionSummary[],
  people: {
    staff: readonly (Named & { displayName: string })[];
    parties: readonly (Named & { name: string })[];
  },
  caller: Caller,
  now: Date,
) {
  const staff = groupBy(people.staff);
  const parties = groupBy(people.parties);
  return sessions.map((s) =>
    sessionSummaryView(
      s,
      { staff: staff.get(s.id) ?? [], parties: parties.get(s.id) ?? [] },
      caller,
      now,
    ),
  );
}

function groupBy<T extends { readonly sessionId: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const list = groups.get(row.sessionId);
    if (list === undefined) groups.set(row.sessionId, [row]);
    else list.push(row);
  }
  return groups;
}
