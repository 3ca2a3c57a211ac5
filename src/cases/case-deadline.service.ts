import { loadWorkingCalendar } from '../calendar/calendar.repository';
import type { WorkingCalendar } from '../calendar/working-calendar';
import type { Database } from '../db/database';
import { centerDate } from '../shared/center-time';
import { findStudioDeadlineRule } from '../studios/studio.repository';
import { findCase, listOpenAcceptedCaseIds, type CaseRow } from './case.repository';
import {
  computeDeadline,
  daysLeft,
  toDeadlineRule,
  urgency,
  type DeadlineState,
  type DeadlineUnit,
  type Urgency,
} from './deadline';
import { listDeadlineChanges } from './lifecycle.repository';

const NO_DEADLINE: DeadlineState = { dueOn: '', pausedSince: null, pausedDays: 0 };

async function deadlineOf(
  db: Database,
  c: CaseRow,
  calendar: WorkingCalendar,
  today: string,
): Promise<{ state: DeadlineState; unit: DeadlineUnit } | null> {
  if (c.acceptedAt === null) return null;
  const stored = await findStudioDeadlineRule(db, c.studioId);
  const rule = toDeadlineRule(stored.deadlineAmount, stored.deadlineUnit);
  const changes = (await listDeadlineChanges(db, c.id)).map((change) => ({
    kind: change.kind,
    onDate: change.onDate,
    days: change.days ?? undefined,
  }));
  const acceptedOn = centerDate(new Date(c.acceptedAt));
  return { state: computeDeadline(calendar, rule, acceptedOn, changes, today), unit: rule.unit };
}

/**
 * Recomputes and stores the due date (kept on the case so lists can sort and filter by it)
 * after any change to its inputs: acceptance, transfer, pause, resumption, extension. Derived
 * data: it does not bump the case's version.
 */
export async function refreshDeadline(
  db: Database,
  caseId: number,
  now: Date,
): Promise<DeadlineState> {
  const c = await findCase(db, caseId);
  if (c === null) return NO_DEADLINE;
  const result = await deadlineOf(db, c, await loadWorkingCalendar(db), centerDate(now));
  const state = result?.state ?? NO_DEADLINE;
  await db
    .updateTable('cases')
    // While paused the due date moves every day; a stored one would go stale, so none is kept
    // (lists show the case as paused, not overdue).
    .set({
      deadlineOn: state.pausedSince === null ? state.dueOn || null : null,
      deadlinePausedSince: state.pausedSince,
    })
    .where('id', '=', caseId)
    .execute();
  return state;
}

export interface DeadlineView {
  readonly dueOn: string;
  readonly unit: DeadlineUnit;
  readonly daysLeft: number;
  readonly urgency: Urgency;
  readonly pausedSince: string | null;
  readonly pausedDays: number;
}

/** The deadline as the case page shows it, for open cases; null once answered otherwise or closed. */
export async function describeDeadline(
  db: Database,
  c: CaseRow,
  now: Date,
): Promise<DeadlineView | null> {
  if (c.status !== 'accepted' && c.status !== 'in_mediation') return null;
  const calendar = await loadWorkingCalendar(db);
  const today = centerDate(now);
  const result = await deadlineOf(db, c, calendar, today);
  if (result === null) return null;
  const left = daysLeft(calendar, result.unit, result.state.dueOn, today);
  return {
    dueOn: result.state.dueOn,
    unit: result.unit,
    daysLeft: left,
    urgency: urgency(left),
    pausedSince: result.state.pausedSince,
    pausedDays: result.state.pausedDays,
  };
}

/** A holiday added or removed moves the due dates of every open case: recompute them all. */
export async function refreshOpenDeadlines(db: Database, now: Date): Promise<void> {
  for (const id of await listOpenAcceptedCaseIds(db)) await refreshDeadline(db, id, now);
}
