import { addCalendarDays, addMonths, calendarDaysBetween } from '../calendar/iso-date';
import type { WorkingCalendar } from '../calendar/working-calendar';

/**
 * Case deadlines (办理期限, DESIGN §4): a studio's rule applied from the acceptance date on the
 * working-day calendar, stopped by pauses (暂停, e.g. medical appraisal) and lengthened by
 * extensions (延长). Pure: the caller loads the calendar and the case's changes.
 */

export const DEADLINE_UNITS = ['working_days', 'calendar_days', 'months'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface DeadlineRule {
  amount: number;
  unit: DeadlineUnit;
}

export interface DeadlineChange {
  kind: 'pause' | 'resume' | 'extension';
  onDate: string;
  /**
   * Extensions only: in the rule's unit, except that a months rule extends in calendar days.
   * Null is accepted as "none" so rows of case_deadline_changes pass as they are.
   */
  days?: number | null;
}

export interface DeadlineState {
  dueOn: string;
  /** Start of the pause still open today, or null. */
  pausedSince: string | null;
  /** Days the deadline stood still, in the counting unit (working days for a working-day rule). */
  pausedDays: number;
}

export type Urgency = 'overdue' | 'due_soon' | 'ok';

/** "Due soon" is at most this many days left (working days for a working-day rule). */
export const DUE_SOON_DAYS = 3;

export function isDeadlineUnit(value: string): value is DeadlineUnit {
  return (DEADLINE_UNITS as readonly string[]).includes(value);
}

/** A studio's stored rule (studios.deadline_amount / deadline_unit) as a typed rule. */
export function toDeadlineRule(amount: number, unit: string): DeadlineRule {
  if (!isDeadlineUnit(unit)) throw new Error(`Unknown deadline unit: ${unit}`);
  return { amount, unit };
}

/**
 * The due date, given the changes recorded so far and today's date.
 *
 * - Acceptance day is not counted (期间开始的日不计算在内): 15 calendar days from 03-01 is 03-16,
 *   30 working days is the 30th working day after acceptance, one month from 01-31 is 02-28.
 * - Calendar-day and month deadlines ending on a day the center is closed move to the next
 *   working day (民法典 第203条, 民事诉讼法 第85条: a period ending on a statutory rest day ends
 *   on the first day after it). Working-day deadlines always end on a working day.
 * - A pause from P to the resume R stops the clock for the days in (P, R]: working days for a
 *   working-day rule, calendar days otherwise. A pause still open counts up to `today`, so the
 *   due date moves on while it lasts and the days left stay the same.
 * - A pause that starts after the due date then in force adds nothing: an overdue case stays
 *   overdue. Extensions count whenever they were granted.
 * - Changes apply in date order (same-day changes in the order given); a pause while paused or
 *   a resume while running is ignored.
 */
export function computeDeadline(
  calendar: WorkingCalendar,
  rule: DeadlineRule,
  acceptedOn: string,
  changes: readonly DeadlineChange[],
  today: string,
): DeadlineState {
  const working = rule.unit === 'working_days';
  const stoppedDays = (from: string, to: string): number =>
    Math.max(0, working ? calendar.workingDaysBetween(from, to) : calendarDaysBetween(from, to));
  const dueWith = (extra: number): string => {
    if (working) return calendar.addWorkingDays(acceptedOn, rule.amount + extra);
    const raw =
      rule.unit === 'months'
        ? addCalendarDays(addMonths(acceptedOn, rule.amount), extra)
        : addCalendarDays(acceptedOn, rule.amount + extra);
    return calendar.firstWorkingDayFrom(raw);
  };

  let extra = 0;
  let pausedDays = 0;
  let pausedSince: string | null = null;
  let pauseCounts = false;
  const closePause = (until: string): void => {
    if (pausedSince !== null && pauseCounts) {
      const days = stoppedDays(pausedSince, until);
      pausedDays += days;
      extra += days;
    }
    pausedSince = null;
  };

  const ordered = [...changes].sort((a, b) =>
    a.onDate < b.onDate ? -1 : a.onDate > b.onDate ? 1 : 0,
  );
  for (const change of ordered) {
    if (change.kind === 'extension') {
      extra += change.days ?? 0;
    } else if (change.kind === 'pause') {
      if (pausedSince === null) {
        pausedSince = change.onDate;
        pauseCounts = change.onDate <= dueWith(extra);
      }
    } else {
      closePause(change.onDate);
    }
  }
  const openSince: string | null = pausedSince;
  if (openSince !== null) {
    closePause(today);
  }
  return { dueOn: dueWith(extra), pausedSince: openSince, pausedDays };
}

/**
 * Signed days from `today` to `dueOn`: 0 on the due date, negative once it has passed. Working
 * days for a working-day rule; then a case due on a Friday is already −1 on the Saturday, so
 * "overdue" never waits for the next working day.
 */
export function daysLeft(
  calendar: WorkingCalendar,
  unit: DeadlineUnit,
  dueOn: string,
  today: string,
): number {
  if (unit !== 'working_days') return calendarDaysBetween(today, dueOn);
  if (today <= dueOn) return calendar.workingDaysBetween(today, dueOn);
  return -Math.max(1, calendar.workingDaysBetween(dueOn, today));
}

export function urgency(left: number): Urgency {
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_DAYS ? 'due_soon' : 'ok';
}
