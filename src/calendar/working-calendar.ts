import { dayNumber, fromDayNumber, weekdayOfDayNumber, yearOf } from './iso-date';

/**
 * The working-day calendar (工作日历): Monday to Friday, less public holidays (法定节假日),
 * plus make-up working days (调休上班) that fall on a weekend. Built from a list of entries, so
 * it is pure and browser-safe; where the entries come from (the database, a test) is not its
 * concern. A year without entries is plain Monday–Friday; `isYearConfigured` tells the two apart.
 */
export {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  isIsoDate,
  isWeekend,
  weekday,
} from './iso-date';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarEntry {
  readonly date: string;
  /** `holiday`: office closed (also when it falls on a weekend); `workday`: 调休 上班. */
  readonly kind: CalendarDayKind;
  readonly name: string;
}

export interface WorkingCalendar {
  /** The entries, one per date, in date order. */
  readonly entries: readonly CalendarEntry[];
  entryOn(date: string): CalendarEntry | undefined;
  isWorkingDay(date: string): boolean;
  /**
   * The nth working day after `start` (start itself not counted); for negative n, the |n|th
   * working day before it; `start` itself for 0.
   */
  addWorkingDays(start: string, n: number): string;
  /**
   * Working days in (a, b] — after `a`, up to and including `b`; negative (−count of (b, a])
   * when b is before a. `workingDaysBetween(d, addWorkingDays(d, n)) === n` for n ≥ 0.
   */
  workingDaysBetween(a: string, b: string): number;
  /** `date` itself when it is a working day, else the next working day after it. */
  firstWorkingDayFrom(date: string): string;
  /** True when the year has at least one holiday entry, i.e. its schedule has been entered. */
  isYearConfigured(year: number): boolean;
}

// Day number 4 (1970-01-05) is a Monday: weekdays are counted in whole weeks from there.
const A_MONDAY = 4;

/** Weekdays (Mon–Fri) among day numbers [A_MONDAY, n), negative below it; differences count ranges. */
function weekdaysBefore(n: number): number {
  const m = n - A_MONDAY;
  const weeks = Math.floor(m / 7);
  return weeks * 5 + Math.min(m - weeks * 7, 5);
}

function isWeekendDay(n: number): boolean {
  const d = weekdayOfDayNumber(n);
  return d === 0 || d === 6;
}

/** Count of sorted values ≤ x. */
function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? Infinity) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function createWorkingCalendar(entries: readonly CalendarEntry[]): WorkingCalendar {
  // A later entry for the same date wins, as an upsert would.
  const byDate = new Map<string, CalendarEntry>();
  for (const entry of entries) {
    dayNumber(entry.date); // refuses a malformed date up front rather than mid-computation
    byDate.set(entry.date, entry);
  }
  const sorted = [...byDate.values()].sort((x, y) => (x.date < y.date ? -1 : 1));

  // Only entries that change the Monday–Friday default matter for counting: a holiday on a
  // weekday (−1) and a make-up working day on a weekend (+1). A holiday on a Saturday inside a
  // golden week, or a "workday" on a Wednesday, changes nothing.
  const removed: number[] = [];
  const added: number[] = [];
  for (const entry of sorted) {
    const n = dayNumber(entry.date);
    if (entry.kind === 'holiday' && !isWeekendDay(n)) removed.push(n);
    if (entry.kind === 'workday' && isWeekendDay(n)) added.push(n);
  }
  const configuredYears = new Set(
    sorted.filter((e) => e.kind === 'holiday').map((e) => yearOf(e.date)),
  );

  const removedSet = new Set(removed);
  const addedSet = new Set(added);
  const isWorkingDayNumber = (n: number): boolean =>
    isWeekendDay(n) ? addedSet.has(n) : !removedSet.has(n);

  /** Working days among day numbers (x, y], x ≤ y. */
  const countAfterUpTo = (x: number, y: number): number =>
    weekdaysBefore(y + 1) -
    weekdaysBefore(x + 1) -
    (countAtMost(removed, y) - countAtMost(removed, x)) +
    (countAtMost(added, y) - countAtMost(added, x));

  return {
    entries: sorted,
    entryOn: (date) => byDate.get(date),
    isWorkingDay: (date) => isWorkingDayNumber(dayNumber(date)),
    addWorkingDays: (start, n) => {
      if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
      const step = n < 0 ? -1 : 1;
      let day = dayNumber(start);
      for (let left = Math.abs(n); left > 0;) {
        day += step;
        if (isWorkingDayNumber(day)) left -= 1;
      }
      return fromDayNumber(day);
    },
    workingDaysBetween: (a, b) => {
      const x = dayNumber(a);
      const y = dayNumber(b);
      return x <= y ? countAfterUpTo(x, y) : 0 - countAfterUpTo(y, x); // never -0
    },
    firstWorkingDayFrom: (date) => {
      let day = dayNumber(date);
      while (!isWorkingDayNumber(day)) day += 1;
      return fromDayNumber(day);
    },
    isYearConfigured: (year) => configuredYears.has(year),
  };
}

/**
 * Years from `from` to `to` (inclusive, either order) whose schedule has not been entered: a
 * working-day count through them assumed plain Monday–Friday, so the UI can say so.
 */
export function unconfiguredYears(calendar: WorkingCalendar, from: string, to: string): number[] {
  const [first, last] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
  const years: number[] = [];
  for (let year = first; year <= last; year += 1) {
    if (!calendar.isYearConfigured(year)) years.push(year);
  }
  return years;
}
