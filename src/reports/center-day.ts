import { dayNumber, fromDayNumber } from '../calendar/iso-date';

/**
 * Center dates as day numbers (days since 1970-01-01, as iso-date.ts counts them): the reports
 * compare a hundred thousand cases' dates several times each, and integers compare and index
 * where strings would be hashed and allocated. Pure.
 */

/** Days since 1970-01-01 of a civil date (Gregorian), by arithmetic alone. */
export function daysFromCivil(year: number, month: number, day: number): number {
  // H. Hinnant's days_from_civil: March-based years make February the last month.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;

/**
 * The center day of a stored instant (ISO-8601 UTC, `2026-03-09T16:30:00.000Z`), read from its
 * first 13 characters at `at`: China keeps UTC+8 all year (no daylight saving since 1991), so
 * from 16:00 UTC on it is the next day at the center. Equal to the day of
 * centerDate(new Date(iso)) (tests/src/reports/center-day.test.ts), without a Date or Intl.
 */
export function centerDayOfInstant(text: string, at = 0): number {
  const year =
    digit(text, at) * 1000 +
    digit(text, at + 1) * 100 +
    digit(text, at + 2) * 10 +
    digit(text, at + 3);
  const month = digit(text, at + 5) * 10 + digit(text, at + 6);
  const day = digit(text, at + 8) * 10 + digit(text, at + 9);
  const hour = digit(text, at + 11) * 10 + digit(text, at + 12);
  return daysFromCivil(year, month, day) + (hour >= 16 ? 1 : 0);
}

/** YYYY-MM-DD → day number, and back. */
export const dayOf = dayNumber;
export const dateOf = fromDayNumber;

/** The first instant of a center date, as stored (ISO UTC). */
export function centerDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}
