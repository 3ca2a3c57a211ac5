import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  unconfiguredYears,
  type CalendarEntry,
} from '../../../src/calendar/working-calendar';

/**
 * A hand-made week (2026-03-09 is a Monday): a holiday on Wednesday the 11th, a make-up working
 * Saturday on the 14th, and two entries that change nothing (a "holiday" on Sunday the 15th, a
 * "workday" on Thursday the 12th).
 */
const entries: CalendarEntry[] = [
  { date: '2026-03-11', kind: 'holiday', name: '测试假日' },
  { date: '2026-03-14', kind: 'workday', name: '测试调休' },
  { date: '2026-03-15', kind: 'holiday', name: '周日假日' },
  { date: '2026-03-12', kind: 'workday', name: '平日上班' },
];
const cal = createWorkingCalendar(entries);

describe('a hand-made calendar', () => {
  it('decides working days: weekdays less holidays, plus make-up weekend days', () => {
    const expected: Record<string, boolean> = {
      '2026-03-07': false, // Saturday
      '2026-03-08': false, // Sunday
      '2026-03-09': true,
      '2026-03-10': true,
      '2026-03-11': false, // holiday
      '2026-03-12': true,
      '2026-03-13': true,
      '2026-03-14': true, // make-up Saturday
      '2026-03-15': false,
      '2026-03-16': true,
    };
    for (const [date, working] of Object.entries(expected)) {
      expect(cal.isWorkingDay(date), date).toBe(working);
    }
  });

  it('adds working days, not counting the start', () => {
    expect(cal.addWorkingDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(cal.addWorkingDays('2026-03-10', 1)).toBe('2026-03-12'); // skips the holiday
    expect(cal.addWorkingDays('2026-03-10', 2)).toBe('2026-03-13');
    expect(cal.addWorkingDays('2026-03-10', 3)).toBe('2026-03-14'); // the make-up Saturday
    expect(cal.addWorkingDays('2026-03-10', 4)).toBe('2026-03-16');
    expect(cal.addWorkingDays('2026-03-11', 1)).toBe('2026-03-12'); // from a holiday
    expect(cal.addWorkingDays('2026-03-15', 1)).toBe('2026-03-16');
    expect(cal.addWorkingDays('2026-03-11', 0)).toBe('2026-03-11');
  });

  it('goes backwards for a negative count', () => {
    expect(cal.addWorkingDays('2026-03-16', -1)).toBe('2026-03-14');
    expect(cal.addWorkingDays('2026-03-16', -2)).toBe('2026-03-13');
    expect(cal.addWorkingDays('2026-03-16', -4)).toBe('2026-03-10');
    expect(cal.addWorkingDays('2026-03-09', -1)).toBe('2026-03-06'); // over a plain weekend
  });

  it('counts working days in (a, b], signed', () => {
    expect(cal.workingDaysBetween('2026-03-10', '2026-03-16')).toBe(4);
    expect(cal.workingDaysBetween('2026-03-16', '2026-03-10')).toBe(-4);
    expect(cal.workingDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-10', '2026-03-11')).toBe(0);
    expect(cal.workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
    expect(cal.workingDaysBetween('2026-03-07', '2026-03-08')).toBe(0);
    // A plain month far from any entry: March 2027 has 23 weekdays.
    expect(cal.workingDaysBetween('2027-02-28', '2027-03-31')).toBe(23);
  });

  it('finds the first working day from a date', () => {
    expect(cal.firstWorkingDayFrom('2026-03-10')).toBe('2026-03-10');
    expect(cal.firstWorkingDayFrom('2026-03-11')).toBe('2026-03-12');
    expect(cal.firstWorkingDayFrom('2026-03-14')).toBe('2026-03-14');
    expect(cal.firstWorkingDayFrom('2026-03-15')).toBe('2026-03-16');
    expect(cal.firstWorkingDayFrom('2026-03-07')).toBe('2026-03-09');
  });

  it('lists its entries in date order and looks one up', () => {
    expect(cal.entries.map((e) => e.date)).toEqual([
      '2026-03-11',
      '2026-03-12',
      '2026-03-14',
      '2026-03-15',
    ]);
    expect(cal.entryOn('2026-03-14')).toEqual({
      date: '2026-03-14',
      kind: 'workday',
      name: '测试调休',
    });
    expect(cal.entryOn('2026-03-13')).toBeUndefined();
  });

  it('counts a year as configured only when it has a holiday', () => {
    expect(cal.isYearConfigured(2026)).toBe(true);
    expect(cal.isYearConfigured(2027)).toBe(false);
    const onlyWorkday = createWorkingCalendar([
      { date: '2027-02-06', kind: 'workday', name: '调休' },
    ]);
    expect(onlyWorkday.isYearConfigured(2027)).toBe(false);
    expect(createWorkingCalendar([]).isYearConfigured(2026)).toBe(false);
  });

  it('names the unconfigured years a span of dates runs through', () => {
    expect(unconfiguredYears(cal, '2026-03-01', '2026-12-31')).toEqual([]);
    expect(unconfiguredYears(cal, '2026-12-10', '2027-01-21')).toEqual([2027]);
    expect(unconfiguredYears(cal, '2028-01-05', '2025-12-01')).toEqual([2025, 2027, 2028]);
  });

  it('treats an unconfigured year as plain Monday to Friday', () => {
    const empty = createWorkingCalendar([]);
    expect(empty.isWorkingDay('2027-10-01')).toBe(true); // a Friday; no schedule entered
    expect(empty.addWorkingDays('2027-10-01', 1)).toBe('2027-10-04');
  });

  it('keeps the later of two entries for one date, as an upsert would', () => {
    const twice = createWorkingCalendar([
      { date: '2026-03-11', kind: 'holiday', name: '旧' },
      { date: '2026-03-11', kind: 'workday', name: '新' },
    ]);
    expect(twice.isWorkingDay('2026-03-11')).toBe(true);
    expect(twice.entries).toHaveLength(1);
    expect(twice.entryOn('2026-03-11')?.name).toBe('新');
  });

  it('refuses malformed dates and fractional counts', () => {
    expect(() =>
      createWorkingCalendar([{ date: '2026-02-30', kind: 'holiday', name: 'x' }]),
    ).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026-3-1')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-10', 1.5)).toThrow(RangeError);
  });
});
