import dayjs from 'dayjs';

/**
 * The dashboard's state in the URL (`#/reports?from=2026-03-01&to=2026-03-31&studio=1,6`), so
 * Back and a reload return to the same figures. Pure. Presets are the month, quarter or year
 * containing a day; anything else is a custom range.
 */

export type PeriodPreset = 'month' | 'quarter' | 'year' | 'custom';
export type ReportTab = 'dashboard' | 'overdue';

export interface ReportParams {
  readonly from: string;
  readonly to: string;
  readonly studioIds: readonly number[];
  readonly tab: ReportTab;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FORMAT = 'YYYY-MM-DD';

function quarterStart(day: dayjs.Dayjs): dayjs.Dayjs {
  return day.startOf('month').month(day.month() - (day.month() % 3));
}

/** The month, quarter or year containing `date`. */
export function presetPeriod(
  preset: Exclude<PeriodPreset, 'custom'>,
  date: string,
): { from: string; to: string } {
  const day = dayjs(date);
  const start =
    preset === 'month'
      ? day.startOf('month')
      : preset === 'quarter'
        ? quarterStart(day)
        : day.startOf('year');
  const months = preset === 'month' ? 1 : preset === 'quarter' ? 3 : 12;
  return {
    from: start.format(FORMAT),
    to: start.add(months, 'month').subtract(1, 'day').format(FORMAT),
  };
}

/** Which preset a range is, as the core reads it (report-period.ts periodKind). */
export function presetOf(from: string, to: string): PeriodPreset {
  for (const preset of ['month', 'quarter', 'year'] as const) {
    const p = presetPeriod(preset, from);
    if (p.from === from && p.to === to) return preset;
  }
  return 'custom';
}

/** The same kind of period before or after (custom: as many days). */
export function shiftPeriod(from: string, to: string, step: -1 | 1): { from: string; to: string } {
  const preset = presetOf(from, to);
  if (preset !== 'custom') {
    const months = preset === 'month' ? 1 : preset === 'quarter' ? 3 : 12;
    return presetPeriod(
      preset,
      dayjs(from)
        .add(step * months, 'month')
        .format(FORMAT),
    );
  }
  const days = dayjs(to).diff(dayjs(from), 'day') + 1;
  return {
    from: dayjs(from)
      .add(step * days, 'day')
      .format(FORMAT),
    to: dayjs(to)
      .add(step * days, 'day')
      .format(FORMAT),
  };
}

export function defaultParams(today: string): ReportParams {
  return { ...presetPeriod('month', today), studioIds: [], tab: 'dashboard' };
}

export function parseReportParams(search: string, today: string): ReportParams {
  const p = new URLSearchParams(search);
  const fallback = defaultParams(today);
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  const studioIds = (p.get('studio') ?? '')
    .split(',')
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
  return {
    from: valid ? from : fallback.from,
    to: valid ? to : fallback.to,
    studioIds: [...new Set(studioIds)],
    tab: p.get('tab') === 'overdue' ? 'overdue' : 'dashboard',
  };
}

export function serializeReportParams(params: ReportParams): string {
  const p = new URLSearchParams();
  p.set('from', params.from);
  p.set('to', params.to);
  if (params.studioIds.length > 0) p.set('studio', params.studioIds.join(','));
  if (params.tab !== 'dashboard') p.set('tab', params.tab);
  return p.toString();
}
