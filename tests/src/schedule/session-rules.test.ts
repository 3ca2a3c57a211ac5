import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../src/calendar/working-calendar';
import { overlaps, sessionWarnings } from '../../../src/schedule/session-rules';
import {
  centerInstant,
  centerMinuteOfDay,
  centerWallTime,
  instantSchema,
} from '../../../src/schedule/session-time.schema';
import { DEFAULT_WORKING_HOURS, parseWorkingHours } from '../../../src/schedule/working-hours';

const calendar = createWorkingCalendar([
  { date: '2026-04-06', kind: 'holiday', name: '清明节' },
  { date: '2026-04-04', kind: 'holiday', name: '清明节' }, // a Saturday
  { date: '2026-02-28', kind: 'workday', name: '补春节' }, // a Saturday worked
]);
const NOW = Date.parse('2026-03-10T02:00:00Z'); // Tuesday 10:00 in Beijing
const range = (date: string, from: string, to: string, toDate = date) => ({
  start: Date.parse(centerInstant(date, from)),
  end: Date.parse(centerInstant(toDate, to)),
});
const warn = (r: { start: number; end: number }) =>
  sessionWarnings(r, NOW, calendar, DEFAULT_WORKING_HOURS);

describe('overlap', () => {
  it('is half-open: back-to-back sessions do not clash, one minute of overlap does', () => {
    const nine = range('2026-03-11', '09:00', '10:00');
    expect(overlaps(nine, range('2026-03-11', '10:00', '11:00'))).toBe(false);
    expect(overlaps(nine, range('2026-03-11', '08:00', '09:00'))).toBe(false);
    expect(overlaps(nine, range('2026-03-11', '09:59', '11:00'))).toBe(true);
    expect(overlaps(nine, range('2026-03-11', '08:00', '12:00'))).toBe(true);
    expect(overlaps(nine, range('2026-03-11', '09:15', '09:45'))).toBe(true);
  });
});

describe('warnings', () => {
  it('none inside the morning or the afternoon of a working day', () => {
    expect(warn(range('2026-03-11', '08:30', '12:00'))).toEqual([]);
    expect(warn(range('2026-03-11', '13:30', '17:30'))).toEqual([]);
  });

  it('outside working hours, across the lunch break, before opening or after closing', () => {
    for (const [from, to] of [
      ['08:00', '09:00'],
      ['11:30', '14:00'],
      ['17:00', '18:00'],
      ['12:00', '13:30'],
    ] as const) {
      expect(warn(range('2026-03-11', from, to)), `${from}–${to}`).toEqual([
        { code: 'outsideHours' },
      ]);
    }
  });

  it('weekend, public holiday (also on a weekend), and a make-up working day is none', () => {
    expect(warn(range('2026-03-14', '09:00', '10:00'))).toEqual([
      { code: 'weekend', date: '2026-03-14' },
    ]);
    expect(warn(range('2026-04-06', '09:00', '10:00'))).toEqual([
      { code: 'holiday', date: '2026-04-06', name: '清明节' },
    ]);
    expect(warn(range('2026-04-04', '09:00', '10:00'))).toEqual([
      { code: 'holiday', date: '2026-04-04', name: '清明节' },
    ]);
    expect(warn(range('2026-02-28', '09:00', '10:00'))).toEqual([{ code: 'past' }]);
  });

  it('a session over midnight names both days it touches', () => {
    expect(warn(range('2026-03-13', '20:00', '01:00', '2026-03-14'))).toEqual([
      { code: 'weekend', date: '2026-03-14' },
      { code: 'outsideHours' },
    ]);
  });

  it('the past: a start before now', () => {
    expect(warn(range('2026-03-10', '09:30', '10:30'))).toEqual([{ code: 'past' }]);
    expect(warn(range('2026-03-10', '10:00', '11:00'))).toEqual([]);
  });
});

describe('instants and wall time', () => {
  it('takes UTC instants only, on whole minutes, and gives the canonical form', () => {
    expect(instantSchema.parse('2026-03-11T01:00Z')).toBe('2026-03-11T01:00:00.000Z');
    expect(instantSchema.parse('2026-03-11T01:00:00.000Z')).toBe('2026-03-11T01:00:00.000Z');
    const message = (v: unknown) => instantSchema.safeParse(v).error?.issues[0]?.message;
    expect(message('2026-03-11T09:00:00+08:00')).toBe('validation.session.utcOnly');
    expect(message('2026-03-11T09:00')).toBe('validation.session.utcOnly');
    expect(message('2026-03-11T01:00:01Z')).toBe('validation.session.wholeMinute');
    expect(message('2026-02-29T01:00Z')).toBe('validation.session.instant');
    expect(message('2026-03-11T24:00Z')).toBe('validation.session.instant');
    expect(message('next Tuesday')).toBe('validation.session.instant');
    expect(message(undefined)).toBe('validation.required');
  });

  it('Beijing wall time is UTC+8 whatever the machine’s zone', () => {
    expect(centerInstant('2026-03-11', '09:00')).toBe('2026-03-11T01:00:00.000Z');
    expect(centerInstant('2026-01-01', '07:00')).toBe('2025-12-31T23:00:00.000Z');
    expect(centerWallTime('2025-12-31T23:00:00.000Z')).toEqual({
      date: '2026-01-01',
      time: '07:00',
    });
    expect(centerMinuteOfDay(Date.parse('2026-03-10T16:30:00Z'))).toBe(30);
  });
});

describe('working hours setting', () => {
  it('parses the setting and falls back to the default on nonsense', () => {
    expect(parseWorkingHours('09:00-12:00,14:00-18:00')).toEqual([
      { start: 540, end: 720 },
      { start: 840, end: 1080 },
    ]);
    for (const bad of [null, '', '9-12', '12:00-09:00', '08:00-12:00,11:00-14:00']) {
      expect(parseWorkingHours(bad), String(bad)).toBe(DEFAULT_WORKING_HOURS);
    }
  });
});
