import { isWorkday } from 'chinese-workday';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../src/calendar/iso-date';
import { official2026, packageEntries } from './official-schedule';

/** The 2026 schedule as published (国办发明电〔2025〕7号), through the calendar functions. */
const cal = official2026();

function offDays(from: string, to: string): string[] {
  const off: string[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) if (!cal.isWorkingDay(d)) off.push(d);
  return off;
}

describe('the 2026 State Council schedule', () => {
  it('has the seven breaks and six make-up working days of the notice', () => {
    const entries = packageEntries(2026);
    expect(entries.filter((e) => e.kind === 'holiday')).toHaveLength(33);
    expect(entries.filter((e) => e.kind === 'workday').map((e) => e.date)).toEqual([
      '2026-01-04', // Sunday, for New Year
      '2026-02-14', // Saturday, for the Spring Festival
      '2026-02-28', // Saturday, for the Spring Festival
      '2026-05-09', // Saturday, for Labour Day
      '2026-09-20', // Sunday, for National Day
      '2026-10-10', // Saturday, for National Day
    ]);
  });

  it('National Day: 10-01 to 10-07 off, Sunday 09-20 and Saturday 10-10 worked', () => {
    expect(offDays('2026-09-28', '2026-10-11')).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
      '2026-10-11', // an ordinary Sunday
    ]);
    expect(cal.isWorkingDay('2026-09-20')).toBe(true);
    expect(cal.isWorkingDay('2026-10-10')).toBe(true);
    expect(cal.entryOn('2026-10-01')?.name).toBe('国庆节');
    // The first working day after the last one before the break is the Thursday after it.
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    // Mid-Autumn (09-25 to 09-27) sits just before: 09-20 (Sun) to 09-30 has 8 working days.
    expect(cal.workingDaysBetween('2026-09-19', '2026-09-30')).toBe(8);
  });

  it('Spring Festival: 02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(offDays('2026-02-13', '2026-03-01')).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2026-03-01', // an ordinary Sunday; the Saturday before it is worked
    ]);
    expect(cal.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1)).toBe('2026-02-24');
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24–27, 28
  });

  it('New Year and Labour Day with their make-up days', () => {
    expect(offDays('2025-12-31', '2026-01-05')).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(cal.isWorkingDay('2026-01-04')).toBe(true);
    expect(offDays('2026-04-30', '2026-05-10')).toEqual([
      '2026-05-01',
      '2026-05-02',
      '2026-05-03',
      '2026-05-04',
      '2026-05-05',
      '2026-05-10',
    ]);
  });

  it('has 248 working days: 261 weekdays, 19 of them holidays, plus 6 make-up days', () => {
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
    expect(cal.isYearConfigured(2026)).toBe(true);
    expect(cal.isYearConfigured(2027)).toBe(false);
  });

  it('agrees with chinese-workday on every day of 2026', () => {
    for (let d = '2026-01-01'; d <= '2026-12-31'; d = addCalendarDays(d, 1)) {
      expect(cal.isWorkingDay(d), d).toBe(isWorkday(d));
    }
  });

  it('chinese-workday 1.16.1 carries no 2027 schedule (why 2027 is not seeded)', () => {
    // If a package upgrade brings 2027, a new migration can seed it; this test says when.
    expect(packageEntries(2027)).toEqual([]);
  });
});
