/**
 * Calendar dates as `YYYY-MM-DD` strings in the center's own calendar. All arithmetic goes
 * through a day number computed in UTC, so the machine's time zone (and its daylight-saving
 * changes) can never shift a date by one. Pure and browser-safe.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] | null {
  const match = ISO_DATE.exec(date);
  if (match === null) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** A real date in `YYYY-MM-DD` form (2026-02-30 and 2026-2-3 are not). */
export function isIsoDate(value: string): boolean {
  const p = parts(value);
  if (p === null) return false;
  const [year, month, day] = p;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function checked(date: string): [number, number, number] {
  const p = parts(date);
  if (p === null || !isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return p;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: string): number {
  const [year, month, day] = checked(date);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return Math.round(at.getTime() / MS_PER_DAY);
}

/** The date of a day number; refuses results outside years 0000–9999, which have no YYYY form. */
export function fromDayNumber(n: number): string {
  const at = new Date(n * MS_PER_DAY);
  const year = at.getUTCFullYear();
  if (!Number.isInteger(n) || year < 0 || year > 9999) {
    throw new RangeError(`Day ${n} is outside years 0000–9999`);
  }
  const mm = String(at.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(at.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${mm}-${dd}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function weekday(date: string): number {
  return weekdayOfDayNumber(dayNumber(date));
}

export function isWeekend(date: string): boolean {
  const d = weekday(date);
  return d === 0 || d === 6;
}

export function yearOf(date: string): number {
  return checked(date)[0];
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `n` days after `date` (before, when negative). */
export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(dayNumber(date) + n);
}

/**
 * The same day `n` months later; a day the target month lacks clamps to its last day
 * (01-31 + 1 month = 02-28, or 02-29 in a leap year), as "one month" is read in practice.
 */
export function addMonths(date: string, n: number): string {
  const [year, month, day] = checked(date);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  const result = `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
  // Validates the range (years 0000–9999) the same way as the other helpers.
  return fromDayNumber(dayNumber(result));
}

/** Signed: positive when `b` is after `a`; `calendarDaysBetween(d, addCalendarDays(d, n)) === n`. */
export function calendarDaysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}
