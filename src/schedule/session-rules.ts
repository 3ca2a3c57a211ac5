import type { WorkingCalendar } from '../calendar/working-calendar';
import type { SessionWarning } from './session.schema';
import { centerDayStart, centerWallTime, DAY_MS, MINUTE_MS } from './session-time.schema';
import type { WorkingPeriod } from './working-hours';

/** A half-open time range [start, end) in epoch ms. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Two sessions clash when their half-open ranges share a moment: 9–10 and 10–11 do not. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when [start, end) lies wholly inside one working period of one day. */
export function withinWorkingHours(range: Interval, periods: readonly WorkingPeriod[]): boolean {
  const { date } = centerWallTime(range.start);
  const dayStart = centerDayStart(date);
  return periods.some(
    (p) =>
      range.start >= dayStart + p.start * MINUTE_MS && range.end <= dayStart + p.end * MINUTE_MS,
  );
}

/** The center dates a range touches (its last moment is end − 1 ms). */
function datesOf(range: Interval): string[] {
  const first = centerWallTime(range.start).date;
  const last = centerWallTime(range.end - 1).date;
  const dates = [first];
  for (let day = centerDayStart(first) + DAY_MS; dates.at(-1) !== last; day += DAY_MS) {
    dates.push(centerWallTime(day).date);
  }
  return dates;
}

/**
 * What a booking may go ahead with once the user accepts it (never a conflict): outside working
 * hours, on a rest day or public holiday of the working-day calendar, or already begun.
 */
export function sessionWarnings(
  range: Interval,
  now: number,
  calendar: WorkingCalendar,
  periods: readonly WorkingPeriod[],
): SessionWarning[] {
  const warnings: SessionWarning[] = [];
  if (range.start < now) warnings.push({ code: 'past' });
  for (const date of datesOf(range)) {
    if (calendar.isWorkingDay(date)) continue;
    const entry = calendar.entryOn(date);
    warnings.push(
      entry?.kind === 'holiday'
        ? { code: 'holiday', date, name: entry.name }
        : { code: 'weekend', date },
    );
  }
  if (!withinWorkingHours(range, periods)) warnings.push({ code: 'outsideHours' });
  return warnings;
}
