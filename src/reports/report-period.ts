import { addCalendarDays, addMonths, calendarDaysBetween } from '../calendar/iso-date';

/**
 * Report periods: ranges of center dates (Asia/Shanghai, inclusive at both ends). A range that is
 * exactly one calendar month, quarter or year is recognized as such, so that its "previous
 * period" is the previous month, quarter or year (February beside January, not "the 28 days
 * before"); any other range is custom, and its previous period is the same number of days just
 * before it. Pure and browser-safe.
 */

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface ReportPeriod {
  readonly kind: PeriodKind;
  /** First day, YYYY-MM-DD. */
  readonly from: string;
  /** Last day, YYYY-MM-DD, inclusive. */
  readonly to: string;
}

export interface MonthWindow {
  /** YYYY-MM */
  readonly month: string;
  readonly from: string;
  readonly to: string;
}

/** The trend shows at least the twelve months up to the period's last month. */
export const TREND_MONTHS = 12;

const pad = (n: number) => String(n).padStart(2, '0');

export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

export function monthEnd(date: string): string {
  return addCalendarDays(addMonths(monthStart(date), 1), -1);
}

function quarterStart(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-${pad(month - ((month - 1) % 3))}-01`;
}

/** The kind of a range: whole month, quarter or year, else custom. */
export function periodKind(from: string, to: string): PeriodKind {
  if (from !== monthStart(from)) return 'custom';
  if (to === monthEnd(from)) return 'month';
  if (from === quarterStart(from) && to === monthEnd(addMonths(from, 2))) return 'quarter';
  if (from.slice(5) === '01-01' && to === `${from.slice(0, 4)}-12-31`) return 'year';
  return 'custom';
}

export function resolvePeriod(from: string, to: string): ReportPeriod {
  return { kind: periodKind(from, to), from, to };
}

/** The month, quarter or year containing `date`. */
export function periodContaining(kind: Exclude<PeriodKind, 'custom'>, date: string): ReportPeriod {
  const from =
    kind === 'month'
      ? monthStart(date)
      : kind === 'quarter'
        ? quarterStart(date)
        : `${date.slice(0, 4)}-01-01`;
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  return { kind, from, to: addCalendarDays(addMonths(from, months), -1) };
}

/** The period just before: the previous month, quarter or year, or as many days just before. */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  if (p.kind === 'custom') {
    const days = calendarDaysBetween(p.from, p.to) + 1;
    return {
      kind: 'custom',
      from: addCalendarDays(p.from, -days),
      to: addCalendarDays(p.from, -1),
    };
  }
  return periodContaining(p.kind, addCalendarDays(p.from, -1));
}

/**
 * The last day a report on the period can speak of: its last day, or today while it runs; null
 * for a period that has not begun.
 */
export function cutoffOf(p: ReportPeriod, today: string): string | null {
  if (p.from > today) return null;
  return p.to < today ? p.to : today;
}

/**
 * The months of the trend chart: the twelve months up to the period's last month (all the
 * period's months when it is longer), without the months that have not begun.
 */
export function trendMonths(p: ReportPeriod, today: string): MonthWindow[] {
  const last = monthStart(p.to < today ? p.to : today);
  const periodFirst = monthStart(p.from);
  const twelveBack = addMonths(last, -(TREND_MONTHS - 1));
  let month = periodFirst < twelveBack ? periodFirst : twelveBack;
  const months: MonthWindow[] = [];
  while (month <= last) {
    months.push({ month: month.slice(0, 7), from: month, to: monthEnd(month) });
    month = addMonths(month, 1);
  }
  return months;
}
