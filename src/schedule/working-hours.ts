/**
 * 工作时间: the periods of a working day (minutes after the center's midnight), morning and
 * afternoon by default. Stored as the setting `schedule.workingHours`, e.g.
 * `08:30-12:00,13:30-17:30`. Pure and browser-safe.
 */
export interface WorkingPeriod {
  readonly start: number;
  readonly end: number;
}

export const DEFAULT_WORKING_HOURS: readonly WorkingPeriod[] = [
  { start: 8 * 60 + 30, end: 12 * 60 },
  { start: 13 * 60 + 30, end: 17 * 60 + 30 },
];

const PERIOD = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Parses the setting; a value that does not parse (hand-edited, half-written) falls back to the
 * default rather than leaving the center with no working hours at all.
 */
export function parseWorkingHours(value: string | null): readonly WorkingPeriod[] {
  if (value === null) return DEFAULT_WORKING_HOURS;
  const periods: WorkingPeriod[] = [];
  for (const part of value.split(',')) {
    const match = PERIOD.exec(part.trim());
    if (match === null) return DEFAULT_WORKING_HOURS;
    const start = Number(match[1]) * 60 + Number(match[2]);
    const end = Number(match[3]) * 60 + Number(match[4]);
    if (end <= start) return DEFAULT_WORKING_HOURS;
    periods.push({ start, end });
  }
  periods.sort((a, b) => a.start - b.start);
  const overlapping = periods.some((p, i) => i > 0 && p.start < (periods[i - 1]?.end ?? 0));
  return periods.length === 0 || overlapping ? DEFAULT_WORKING_HOURS : periods;
}
