import { afterEach, describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addMonths,
  calendarDaysBetween,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  isWeekend,
  weekday,
  yearOf,
} from '../../../src/calendar/iso-date';

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '0001-01-01'])(
    'accepts %s',
    (d) => expect(isIsoDate(d)).toBe(true),
  );
  it.each([
    '2026-02-29', // not a leap year
    '2026-02-30',
    '1900-02-29', // century, not divisible by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '20260105',
    '2026-01-05T00:00',
    ' 2026-01-05',
    '',
  ])('refuses %j', (d) => expect(isIsoDate(d)).toBe(false));
});

describe('calendar-day arithmetic', () => {
  it('adds and subtracts days across month, year and leap-day boundaries', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-03-10', 0)).toBe('2026-03-10');
    expect(addCalendarDays('2026-03-01', 15)).toBe('2026-03-16');
    expect(addCalendarDays('1969-12-31', 1)).toBe('1970-01-01');
  });

  it('counts signed days between two dates', () => {
    expect(calendarDaysBetween('2026-03-01', '2026-03-16')).toBe(15);
    expect(calendarDaysBetween('2026-03-16', '2026-03-01')).toBe(-15);
    expect(calendarDaysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(calendarDaysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(calendarDaysBetween('2026-05-05', '2026-05-05')).toBe(0);
  });

  it('knows the weekday (0 Sunday … 6 Saturday)', () => {
    expect(weekday('2026-01-01')).toBe(4); // Thursday
    expect(weekday('2026-10-10')).toBe(6);
    expect(weekday('2026-09-20')).toBe(0);
    expect(weekday('1969-12-28')).toBe(0); // before the epoch too
    expect(isWeekend('2026-02-14')).toBe(true);
    expect(isWeekend('2026-02-16')).toBe(false);
    expect(yearOf('2027-06-01')).toBe(2027);
  });

  it('round-trips day numbers and refuses what has no YYYY-MM-DD form', () => {
    expect(fromDayNumber(dayNumber('2026-03-10'))).toBe('2026-03-10');
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => addCalendarDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => fromDayNumber(0.5)).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('keeps the day of the month', () => {
    expect(addMonths('2026-03-10', 1)).toBe('2026-04-10');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15');
    expect(addMonths('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('does not carry the clamp into later months (each call starts from its own date)', () => {
    expect(addMonths('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonths(addMonths('2026-01-31', 1), 1)).toBe('2026-03-28');
  });
});

describe('independence from the machine time zone', () => {
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(['Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/London'])(
    'gives the same answers in %s',
    (zone) => {
      process.env.TZ = zone;
      expect(addCalendarDays('2026-03-08', 1)).toBe('2026-03-09'); // US DST starts that night
      expect(addCalendarDays('2026-03-29', 1)).toBe('2026-03-30'); // EU DST
      expect(weekday('2026-03-09')).toBe(1);
      expect(calendarDaysBetween('2026-03-01', '2026-04-01')).toBe(31);
      expect(addMonths('2026-10-31', 1)).toBe('2026-11-30');
    },
  );
});
