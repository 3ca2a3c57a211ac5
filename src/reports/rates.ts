import type { WorkingCalendar } from '../calendar/working-calendar';
import type { CaseStatus, Category, Outcome, SATISFACTION, Source } from '../cases/case.schema';
import { computeDeadline, type DeadlineChange, type DeadlineRule } from '../cases/deadline';
import { dateOf, dayOf } from './center-day';
import {
  MEASURE_INDEX as M,
  OUTCOME_MEASURE_INDEX,
  STATUS_MEASURE_INDEX,
} from './report-measures';

/**
 * The center's figures (DESIGN §6), case by case. Pure: the repository reads the facts, this
 * module decides what each case counts for, in one place, for the dashboard, the drill-down
 * lists, the exports and the monthly report alike.
 *
 * How a period is read (the "how computed" notes in report.labels.ts say the same to users):
 *
 * - Periods are center dates (Asia/Shanghai), inclusive. Each measure belongs to one step of a
 *   case, and a case counts in a period when that step's date falls in it: registration for the
 *   response rate, acceptance for the completion rate, conclusion for on-time, success and
 *   follow-up rates, the follow-up visit for satisfaction. A case registered in March and
 *   concluded in April is in March's response rate and April's success rate.
 * - Outcomes are read as recorded when the report is made: a case accepted in March and
 *   concluded in May makes March's completion rate rise in May. The state counts (open, in
 *   mediation, overdue) are the state at the end of the period (today, while it runs).
 * - Transfers: a case counts for the studio that held it at the end of the period (today, while
 *   it runs). So the studios' figures add up to the center's, a rate's numerator and
 *   denominator always speak of the same studio, a closed period's split by studio does not
 *   move when a case is transferred later, and a concluded case counts for the studio that
 *   concluded it (a closed case is never transferred).
 * - Response: answered (accepted, declined or referred) on or before the Nth working day after
 *   the registration day (N = the response limit, 1 by default). Declined and referred cases
 *   are answered; a case not yet answered is not in time.
 * - Deadline: the due date in force, recomputed from the studio's rule, the working-day
 *   calendar and the pauses and extensions recorded by that day (src/cases/deadline.ts). On
 *   time: concluded on or before the due date in force on the day of conclusion. Overdue at the
 *   end of a period: accepted or in mediation, and the due date in force then is before that
 *   day (a pause started before the due date stops the clock; one started after it does not).
 *   A case with no deadline (no rule, never accepted) is never late.
 * - Satisfaction: per case, its last follow-up visited in the period that carries a rating;
 *   visits without a rating count as follow-ups, not in the satisfaction rate.
 */

export type Satisfaction = (typeof SATISFACTION)[number];

/**
 * Days are day numbers (center-day.ts): days since 1970-01-01 of the center's calendar.
 */
export interface TransferFact {
  /** The day of the transfer, and its instant for the order of same-day transfers. */
  readonly on: number;
  readonly at: string;
  readonly from: number;
  readonly to: number;
}

export interface DeadlineChangeFact extends DeadlineChange {
  /** The day the change was recorded: a report on an earlier day does not see it. */
  readonly recordedOn: number;
}

export interface FollowUpFact {
  /** The day of the visit, and its instant for ordering visits of the same day. */
  readonly visitedOn: number;
  readonly visitedAt: string;
  readonly satisfaction: Satisfaction | null;
}

/** One case as the reports see it: the days of its steps, as stored now. */
export interface CaseFact {
  readonly id: number;
  /** The studio holding the case now. */
  readonly studioId: number;
  readonly category: Category;
  readonly source: Source;
  readonly status: CaseStatus;
  readonly outcome: Outcome | null;
  readonly registeredOn: number;
  /** Accepted, declined or referred. */
  readonly answeredOn: number | null;
  readonly acceptedOn: number | null;
  readonly mediationOn: number | null;
  readonly concludedOn: number | null;
  /** Oldest first. */
  readonly transfers: readonly TransferFact[];
  readonly deadlineChanges: readonly DeadlineChangeFact[];
  /** Visited follow-ups only, any order. */
  readonly followUps: readonly FollowUpFact[];
}

/**
 * The one empty list of transfers, changes or visits most facts share (frozen: a fact that gets
 * items gets its own array, never pushes into this one).
 */
export const NONE: readonly never[] = Object.freeze([]);

/** The default response limit (响应时限): one working day after the registration day. */
export const DEFAULT_RESPONSE_LIMIT_DAYS = 1;

export interface RateContext {
  readonly calendar: WorkingCalendar;
  /** Each studio's deadline rule; a studio without one gives its cases no deadline. */
  readonly rules: ReadonlyMap<number, DeadlineRule>;
  readonly responseLimitDays: number;
}

/**
 * Dates that follow from the calendar alone: the last day of a timely answer per registration
 * day, and the due date per rule and acceptance day for cases without pauses or extensions.
 * Thousands of cases share each; a memo may serve several reports while the calendar (and the
 * response limit) stay as they were (see memoKey).
 */
export interface DateMemo {
  /** Registration day → last day of a timely answer. */
  readonly responseDue: Map<number, number>;
  /** Rule (amount:unit) → acceptance day → due day. */
  readonly plainDue: Map<string, Map<number, number>>;
}

export function dateMemo(): DateMemo {
  return { responseDue: new Map(), plainDue: new Map() };
}

/** What a memo's dates depend on besides the rule: the calendar's entries and the limit. */
export function memoKey(ctx: Pick<RateContext, 'calendar' | 'responseLimitDays'>): string {
  const days = ctx.calendar.entries.map((e) => `${e.date}${e.kind === 'holiday' ? 'h' : 'w'}`);
  return `${ctx.responseLimitDays};${days.join(',')}`;
}

export interface RateSession extends RateContext, DateMemo {
  /** Studio → its rule's table in plainDue (a lookup by number, not by the rule's text). */
  readonly dueByStudio: Map<number, Map<number, number>>;
}

export function rateSession(ctx: RateContext, memo: DateMemo = dateMemo()): RateSession {
  return { ...ctx, ...memo, dueByStudio: new Map() };
}

/** Receives the measures a case counts for, by index in MEASURES (report-measures.ts). */
export interface MeasureSink {
  add(measure: number): void;
}

/** A stretch of days the figures speak of (day numbers, inclusive). */
export interface Window {
  readonly from: number;
  readonly to: number;
  /** Where state counts are read and studios attributed: the last day, or today; null ahead. */
  readonly cutoff: number | null;
  /** Count open, in mediation and overdue at the cutoff (the trend's months do not). */
  readonly withState: boolean;
}

const inWindow = (w: Window, d: number | null): boolean =>
  d !== null && d >= w.from && d <= w.to;

/** The last day on which an answer is in time. */
export function responseDueOn(s: RateSession, registeredOn: number): number {
  let due = s.responseDue.get(registeredOn);
  if (due === undefined) {
    due = dayOf(s.calendar.addWorkingDays(dateOf(registeredOn), s.responseLimitDays));
    s.responseDue.set(registeredOn, due);
  }
  return due;
}

export function respondedInTime(s: RateSession, f: CaseFact): boolean {
  return f.answeredOn !== null && f.answeredOn <= responseDueOn(s, f.registeredOn);
}

/** The studio holding the case at the end of `day`: before the first later transfer, if any. */
export function studioAt(f: CaseFact, day: number): number {
  for (const t of f.transfers) if (t.on > day) return t.from;
  return f.studioId;
}

export type StateAtDay = CaseStatus | 'notYetRegistered';

/** The case's status at the end of `day`, from its dates (archived reads as concluded). */
export function stateAt(f: CaseFact, day: number): StateAtDay {
  if (f.registeredOn > day) return 'notYetRegistered';
  if (f.concludedOn !== null && f.concludedOn <= day) return 'concluded';
  if (f.acceptedOn !== null && f.acceptedOn <= day) {
    return f.mediationOn !== null && f.mediationOn <= day ? 'in_mediation' : 'accepted';
  }
  if (f.answeredOn !== null && f.answeredOn <= day) {
    return f.status === 'declined' || f.status === 'referred' ? f.status : 'registered';
  }
  return 'registered';
}

export interface DeadlineAt {
  readonly dueOn: number;
  /** The pause running at the end of the day, if any (its start, YYYY-MM-DD). */
  readonly pausedSince: string | null;
}

/**
 * The deadline in force at the end of `day`: the rule of the studio holding the case then, with
 * the changes recorded by then; null when the case has no deadline on that day.
 */
export function deadlineAt(s: RateSession, f: CaseFact, day: number): DeadlineAt | null {
  if (f.acceptedOn === null || f.acceptedOn > day) return null;
  const studio = studioAt(f, day);
  const rule = s.rules.get(studio);
  if (rule === undefined) return null;
  const changes =
    f.deadlineChanges.length === 0
      ? f.deadlineChanges
      : f.deadlineChanges.filter((c) => c.recordedOn <= day);
  if (changes.length > 0) {
    const state = computeDeadline(s.calendar, rule, dateOf(f.acceptedOn), changes, dateOf(day));
    return { dueOn: dayOf(state.dueOn), pausedSince: state.pausedSince };
  }
  // Without pauses or extensions the due date does not depend on the day asked: share it.
  let byDay = s.dueByStudio.get(studio);
  if (byDay === undefined) {
    const ruleKey = `${rule.amount}:${rule.unit}`;
    byDay = s.plainDue.get(ruleKey) ?? new Map<number, number>();
    s.plainDue.set(ruleKey, byDay);
    s.dueByStudio.set(studio, byDay);
  }
  let due = byDay.get(f.acceptedOn);
  if (due === undefined) {
    const accepted = dateOf(f.acceptedOn);
    due = dayOf(computeDeadline(s.calendar, rule, accepted, [], accepted).dueOn);
    byDay.set(f.acceptedOn, due);
  }
  return { dueOn: due, pausedSince: null };
}

/** The due date in force at the end of `day` (deadlineAt), or null. */
export function dueOnAt(s: RateSession, f: CaseFact, day: number): number | null {
  return deadlineAt(s, f, day)?.dueOn ?? null;
}

export function concludedOnTime(s: RateSession, f: CaseFact): boolean {
  if (f.concludedOn === null) return false;
  const due = dueOnAt(s, f, f.concludedOn);
  return due === null || f.concludedOn <= due;
}

export function overdueAt(s: RateSession, f: CaseFact, day: number): boolean {
  const state = stateAt(f, day);
  if (state !== 'accepted' && state !== 'in_mediation') return false;
  const due = dueOnAt(s, f, day);
  return due !== null && due < day;
}

/** The last rated follow-up visited in the window (ties by instant), if any. */
export function lastRatingIn(f: CaseFact, w: Window): Satisfaction | null {
  let last: FollowUpFact | null = null;
  for (const v of f.followUps) {
    if (v.satisfaction === null || !inWindow(w, v.visitedOn)) continue;
    if (last === null || v.visitedAt > last.visitedAt) last = v;
  }
  return last?.satisfaction ?? null;
}

const AGREEMENTS: readonly (Outcome | null)[] = ['written_agreement', 'oral_agreement'];

/**
 * Every measure the case counts for in the window, each reported once to the sink (by index in
 * MEASURES). The dashboard adds them up; a drill-down keeps the cases that report the measure
 * asked for.
 */
export function classify(s: RateSession, f: CaseFact, w: Window, sink: MeasureSink): void {
  if (inWindow(w, f.registeredOn)) {
    sink.add(M.registered);
    sink.add(respondedInTime(s, f) ? M.respondedInTime : M.respondedLate);
    sink.add(STATUS_MEASURE_INDEX[f.status]);
  }
  if (inWindow(w, f.acceptedOn)) {
    sink.add(M.accepted);
    sink.add(f.concludedOn !== null ? M.acceptedConcluded : M.acceptedOpen);
  } else if (f.acceptedOn === null && (f.status === 'declined' || f.status === 'referred')) {
    if (inWindow(w, f.answeredOn)) sink.add(M[f.status]);
  }
  if (inWindow(w, f.concludedOn)) {
    sink.add(M.concluded);
    sink.add(concludedOnTime(s, f) ? M.concludedOnTime : M.concludedLate);
    sink.add(AGREEMENTS.includes(f.outcome) ? M.withAgreement : M.withoutAgreement);
    sink.add(f.followUps.length > 0 ? M.followedUp : M.notFollowedUp);
    if (f.outcome !== null) sink.add(OUTCOME_MEASURE_INDEX[f.outcome]);
  }
  if (f.followUps.length > 0) {
    const rating = lastRatingIn(f, w);
    if (rating !== null) {
      sink.add(M.rated);
      sink.add(rating === 'dissatisfied' ? M.dissatisfied : M.satisfied);
    }
  }
  if (w.withState && w.cutoff !== null) {
    const state = stateAt(f, w.cutoff);
    if (state === 'registered' || state === 'accepted' || state === 'in_mediation') {
      sink.add(M.openAtEnd);
      if (state === 'in_mediation') sink.add(M.inMediationAtEnd);
      if (overdueAt(s, f, w.cutoff)) sink.add(M.overdueAtEnd);
    }
  }
}

/** The studio a case counts for in a window. */
export function attributedStudio(f: CaseFact, w: Window): number {
  return studioAt(f, w.cutoff ?? w.to);
}
