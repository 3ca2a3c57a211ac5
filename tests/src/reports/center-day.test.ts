import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/calendar/iso-date';
import {
  centerDayOfInstant,
  centerDayStart,
  dateOf,
  daysFromCivil,
} from '../../../src/reports/center-day';
import { centerDate } from '../../../src/shared/center-time';

const instants = fc
  .date({
    min: new Date('1992-01-01T00:00:00Z'),
    max: new Date('2099-12-31T23:59:59Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString());

describe('center days from stored instants', () => {
  it('agree with the Intl reading of Asia/Shanghai for any instant', () => {
    fc.assert(
      fc.property(instants, (iso) => {
        expect(dateOf(centerDayOfInstant(iso))).toBe(centerDate(new Date(iso)));
      }),
      { numRuns: 5000 },
    );
  });

  it('turn at 16:00 UTC, midnight at the center', () => {
    expect(dateOf(centerDayOfInstant('2026-03-09T15:59:59.999Z'))).toBe('2026-03-09');
    expect(dateOf(centerDayOfInstant('2026-03-09T16:00:00.000Z'))).toBe('2026-03-10');
    expect(dateOf(centerDayOfInstant('2026-12-31T16:00:00.000Z'))).toBe('2027-01-01');
    expect(dateOf(centerDayOfInstant('2028-02-28T16:30:00.000Z'))).toBe('2028-02-29');
    // The packed reading: only the first 13 characters, anywhere in a longer text.
    expect(dateOf(centerDayOfInstant('x|2026-03-09T17', 2))).toBe('2026-03-10');
    expect(centerDayStart('2026-03-10')).toBe('2026-03-09T16:00:00.000Z');
  });

  it('count days by arithmetic as iso-date does by Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -40_000, max: 60_000 }), (n) => {
        const date = dateOf(n);
        const [y, m, d] = date.split('-').map(Number) as [number, number, number];
        expect(daysFromCivil(y, m, d)).toBe(n);
        expect(dayNumber(date)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });
});
