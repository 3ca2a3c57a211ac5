import { describe, expect, it } from 'vitest';
import {
  cutoffOf,
  periodContaining,
  periodKind,
  previousPeriod,
  resolvePeriod,
  trendMonths,
} from '../../../src/reports/report-period';

describe('report periods', () => {
  it('recognize a whole month, quarter and year; anything else is custom', () => {
    expect(periodKind('2026-02-01', '2026-02-28')).toBe('month');
    expect(periodKind('2028-02-01', '2028-02-29')).toBe('month');
    expect(periodKind('2026-04-01', '2026-06-30')).toBe('quarter');
    expect(periodKind('2026-01-01', '2026-12-31')).toBe('year');
    expect(periodKind('2026-02-01', '2026-04-30')).toBe('custom'); // three months, not a quarter
    expect(periodKind('2026-02-02', '2026-02-28')).toBe('custom');
    expect(periodKind('2026-03-01', '2026-03-30')).toBe('custom');
    expect(periodKind('2026-03-10', '2026-03-10')).toBe('custom');
  });

  it('have as previous period the previous month, quarter, year, or as many days before', () => {
    expect(previousPeriod(resolvePeriod('2026-03-01', '2026-03-31'))).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod(resolvePeriod('2026-01-01', '2026-03-31'))).toEqual({
      kind: 'quarter',
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousPeriod(resolvePeriod('2026-01-01', '2026-12-31'))).toEqual({
      kind: 'year',
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(previousPeriod(resolvePeriod('2026-03-10', '2026-03-16'))).toEqual({
      kind: 'custom',
      from: '2026-03-03',
      to: '2026-03-09',
    });
    expect(periodContaining('quarter', '2026-08-15')).toEqual({
      kind: 'quarter',
      from: '2026-07-01',
      to: '2026-09-30',
    });
  });

  it('are read up to today while they run, and not at all before they begin', () => {
    const march = resolvePeriod('2026-03-01', '2026-03-31');
    expect(cutoffOf(march, '2026-03-10')).toBe('2026-03-10');
    expect(cutoffOf(march, '2026-04-02')).toBe('2026-03-31');
    expect(cutoffOf(march, '2026-02-27')).toBeNull();
  });

  it('trend over the twelve months up to the period (all of a longer one), none ahead of today', () => {
    const year = resolvePeriod('2026-01-01', '2026-12-31');
    const months = trendMonths(year, '2026-03-10');
    expect(months.map((m) => m.month)).toEqual([
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
    ]);
    expect(months.at(-1)).toEqual({ month: '2026-03', from: '2026-03-01', to: '2026-03-31' });
    const long = trendMonths(resolvePeriod('2024-01-15', '2025-12-31'), '2026-03-10');
    expect(long).toHaveLength(24);
    expect(long[0]?.month).toBe('2024-01');
    expect(trendMonths(resolvePeriod('2025-02-01', '2025-02-28'), '2026-03-10').at(-1)?.month).toBe(
      '2025-02',
    );
  });
});
