import type { WorkingCalendar } from '../calendar/working-calendar';
import { CASE_STATUSES, OUTCOMES, type CaseStatus } from '../cases/case.schema';
import { computeDeadline, type DeadlineRule } from '../cases/deadline';
import { NEVER, STATUS, type CaseFacts, type Satisfaction } from './case-facts';
import { dateOf, dayOf } from './center-day';
import { MEASURE_INDEX as M, OUTCOME_MEASURE_INDEX, STATUS_MEASURE_INDEX } from './report-measures';

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

/** Receives the measures a case counts for, by index in MEASURES (report.schema.ts). */
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

// Every function below speaks of the case in row `i` of the table `t`.

/** The last day on which an answer is in time. */
export function responseDueOn(s: RateSession, registeredOn: number): number {
  let due = s.responseDue.get(registeredOn);
  if (due === undefined) {
    due = dayOf(s.calendar.addWorkingDays(dateOf(registeredOn), s.responseLimitDays));
    s.responseDue.set(registeredOn, due);
  }
  return due;
}

export function respondedInTime(s: RateSession, t: CaseFacts, i: number): boolean {
  return (t.answered[i] ?? NEVER) <= responseDueOn(s, t.registered[i] ?? NEVER);
}

/** The studio holding the case at the end of `day`: before the first later transfer, if any. */
export function studioAt(t: CaseFacts, i: number, day: number): number {
  const extras = t.extrasAt(i);
  if (extras !== undefined) for (const tr of extras.transfers) if (tr.on > day) return tr.from;
  return t.studio[i] ?? 0;
}

export type StateAtDay = CaseStatus | 'notYetRegistered';

/** The case's status at the end of `day`, from its dates (archived reads as concluded). */
export function stateAt(t: CaseFacts, i: number, day: number): StateAtDay {
  if ((t.registered[i] ?? NEVER) > day) return 'notYetRegistered';
  if ((t.concluded[i] ?? NEVER) <= day) return 'concluded';
  if ((t.accepted[i] ?? NEVER) <= day) {
    return (t.mediation[i] ?? NEVER) <= day ? 'in_mediation' : 'accepted';
  }
  if ((t.answered[i] ?? NEVER) <= day) {
    const status = t.status[i];
    return status === STATUS.declined || status === STATUS.referred
      ? (CASE_STATUSES[status] ?? 'registered')
      : 'registered';
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
export function deadlineAt(
  s: RateSession,
  t: CaseFacts,
  i: number,
  day: number,
): DeadlineAt | null {
  const acceptedOn = t.accepted[i] ?? NEVER;
  if (acceptedOn > day) return null;
  const studio = studioAt(t, i, day);
  const rule = s.rules.get(studio);
  if (rule === undefined) return null;
  const changes = t.extrasAt(i)?.deadlineChanges;
  const recorded =
    changes === undefined || changes.length === 0
      ? null
      : changes.filter((c) => c.recordedOn <= day);
  if (recorded !== null && recorded.length > 0) {
    const state = computeDeadline(s.calendar, rule, dateOf(acceptedOn), recorded, dateOf(day));
    return { dueOn: dayOf(state.dueOn), pausedSince: state.pausedSince };
  }
  return { dueOn: plainDueOn(s, studio, rule, acceptedOn), pausedSince: null };
}

/** Without pauses or extensions the due date does not depend on the day asked: shared. */
function plainDueOn(
  s: RateSession,
  studio: number,
  rule: DeadlineRule,
  acceptedOn: number,
): number {
  let byDay = s.dueByStudio.get(studio);
  if (byDay === undefined) {
    const ruleKey = `${rule.amount}:${rule.unit}`;
    byDay = s.plainDue.get(ruleKey) ?? new Map<number, number>();
    s.plainDue.set(ruleKey, byDay);
    s.dueByStudio.set(studio, byDay);
  }
  let due = byDay.get(acceptedOn);
  if (due === undefined) {
    const accepted = dateOf(acceptedOn);
    due = dayOf(computeDeadline(s.calendar, rule, accepted, [], accepted).dueOn);
    byDay.set(acceptedOn, due);
  }
  return due;
}

/** The due date in force at the end of `day` (deadlineAt), or null. */
export function dueOnAt(s: RateSession, t: CaseFacts, i: number, day: number): number | null {
  return deadlineAt(s, t, i, day)?.dueOn ?? null;
}

export function concludedOnTime(s: RateSession, t: CaseFacts, i: number): boolean {
  const concludedOn = t.concluded[i] ?? NEVER;
  if (concludedOn === NEVER) return false;
  const due = dueOnAt(s, t, i, concludedOn);
  return due === null || concludedOn <= due;
}

export function overdueAt(s: RateSession, t: CaseFacts, i: number, day: number): boolean {
  const state = stateAt(t, i, day);
  if (state !== 'accepted' && state !== 'in_mediation') return false;
  const due = dueOnAt(s, t, i, day);
  return due !== null && due < day;
}

const inWindow = (w: Window, d: number): boolean => d >= w.from && d <= w.to;

/** The last rated follow-up visited in the window (ties by instant), if any. */
export function lastRatingIn(t: CaseFacts, i: number, w: Window): Satisfaction | null {
  let last: { visitedAt: string; satisfaction: Satisfaction } | null = null;
  for (const v of t.extrasOf(i).followUps) {
    if (v.satisfaction === null || !inWindow(w, v.visitedOn)) continue;
    if (last === null || v.visitedAt > last.visitedAt) {
      last = { visitedAt: v.visitedAt, satisfaction: v.satisfaction };
    }
  }
  return last?.satisfaction ?? null;
}

/** Outcome codes (case-facts.ts) of a written or an oral agreement. */
const WRITTEN = 1 + OUTCOMES.indexOf('written_agreement');
const ORAL = 1 + OUTCOMES.indexOf('oral_agreement');
const STATUS_MEASURE = CASE_STATUSES.map((status) => STATUS_MEASURE_INDEX[status]);
const OUTCOME_MEASURE = OUTCOMES.map((outcome) => OUTCOME_MEASURE_INDEX[outcome]);

/**
 * Every measure the case counts for in the window, each reported once to the sink (by index in
 * MEASURES). The dashboard adds them up; a drill-down keeps the cases that report the measure
 * asked for.
 */
export function classify(
  s: RateSession,
  t: CaseFacts,
  i: number,
  w: Window,
  sink: MeasureSink,
): void {
  const status = t.status[i] ?? 0;
  if (inWindow(w, t.registered[i] ?? NEVER)) {
    sink.add(M.registered);
    sink.add(respondedInTime(s, t, i) ? M.respondedInTime : M.respondedLate);
    sink.add(STATUS_MEASURE[status] ?? 0);
  }
  const acceptedOn = t.accepted[i] ?? NEVER;
  const concludedOn = t.concluded[i] ?? NEVER;
  if (inWindow(w, acceptedOn)) {
    sink.add(M.accepted);
    sink.add(concludedOn !== NEVER ? M.acceptedConcluded : M.acceptedOpen);
  } else if (acceptedOn === NEVER && (status === STATUS.declined || status === STATUS.referred)) {
    if (inWindow(w, t.answered[i] ?? NEVER)) {
      sink.add(status === STATUS.declined ? M.declined : M.referred);
    }
  }
  const extras = t.extrasAt(i);
  if (inWindow(w, concludedOn)) {
    const outcome = t.outcome[i] ?? 0;
    sink.add(M.concluded);
    sink.add(concludedOnTime(s, t, i) ? M.concludedOnTime : M.concludedLate);
    sink.add(outcome === WRITTEN || outcome === ORAL ? M.withAgreement : M.withoutAgreement);
    sink.add((extras?.followUps.length ?? 0) > 0 ? M.followedUp : M.notFollowedUp);
    if (outcome > 0) sink.add(OUTCOME_MEASURE[outcome - 1] ?? 0);
  }
  if (extras !== undefined && extras.followUps.length > 0) {
    const rating = lastRatingIn(t, i, w);
    if (rating !== null) {
      sink.add(M.rated);
      sink.add(rating === 'dissatisfied' ? M.dissatisfied : M.satisfied);
    }
  }
  if (w.withState && w.cutoff !== null) {
    const state = stateAt(t, i, w.cutoff);
    if (state === 'registered' || state === 'accepted' || state === 'in_mediation') {
      sink.add(M.openAtEnd);
      if (state === 'in_mediation') sink.add(M.inMediationAtEnd);
      if (overdueAt(s, t, i, w.cutoff)) sink.add(M.overdueAtEnd);
    }
  }
}

/** The studio a case counts for in a window. */
export function attributedStudio(t: CaseFacts, i: number, w: Window): number {
  return studioAt(t, i, w.cutoff ?? w.to);
}
