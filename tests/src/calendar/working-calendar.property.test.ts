import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, dayNumber, fromDayNumber } from '../../../src/calendar/iso-date';
import {
  createWorkingCalendar,
  type CalendarEntry,
  type WorkingCalendar,
} from '../../../src/calendar/working-calendar';
import { official2026 } from './official-schedule';

// Start dates from mid-2025 to mid-2027, so runs cross into and out of the configured 2026.
const FIRST = dayNumber('2025-06-01');
const LAST = dayNumber('2027-06-30');
const date = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);

/** Random calendars: holidays and make-up days anywhere in the window, weekends or not. */
const entries = fc.array(
  fc.record({
    date,
    kind: fc.constantFrom('holiday' as const, 'workday' as const),
    name: fc.constant('随机'),
  }),
  { maxLength: 80 },
);

/** The slow, obviously right count of working days in (a, b], a ≤ b. */
function naiveBetween(cal: WorkingCalendar, a: string, b: string): number {
  let n = 0;
  for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) {
    if (cal.isWorkingDay(d)) n += 1;
  }
  return n;
}

const real = official2026();

describe('working-day arithmetic (property-based)', () => {
  it('addWorkingDays(d, n) is a working day, n working days after d (real 2026 calendar)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const due = real.addWorkingDays(d, n);
        expect(real.isWorkingDay(due)).toBe(true);
        expect(real.workingDaysBetween(d, due)).toBe(n);
        expect(real.workingDaysBetween(due, d)).toBe(-n);
        // And it is the first such day: one calendar day earlier is one working day short.
        expect(real.workingDaysBetween(d, addCalendarDays(due, -1))).toBe(n - 1);
      }),
    );
  });

  it('the same holds on random calendars, and the count agrees with a day-by-day walk', () => {
    fc.assert(
      fc.property(
        entries,
        date,
        fc.integer({ min: 0, max: 120 }),
        date,
        (list: CalendarEntry[], d, n, other) => {
          const cal = createWorkingCalendar(list);
          const due = cal.addWorkingDays(d, n);
          if (n > 0) expect(cal.isWorkingDay(due)).toBe(true);
          expect(cal.workingDaysBetween(d, due)).toBe(n);
          const [a, b] = d <= other ? [d, other] : [other, d];
          expect(cal.workingDaysBetween(a, b)).toBe(naiveBetween(cal, a, b));
          expect(cal.workingDaysBetween(b, a)).toBe(0 - naiveBetween(cal, a, b));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('going back n working days and forward n again returns to a working start', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 200 }), (d, n) => {
        const start = real.firstWorkingDayFrom(d);
        expect(real.addWorkingDays(real.addWorkingDays(start, -n), n)).toBe(start);
      }),
    );
  });
});
