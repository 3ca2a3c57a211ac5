import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../../src/calendar/working-calendar';
import {
  computeDeadline,
  daysLeft,
  isDeadlineUnit,
  toDeadlineRule,
  urgency,
  type DeadlineChange,
  type DeadlineRule,
} from '../../../src/cases/deadline';
import { official2026, packageEntries } from '../calendar/official-schedule';

const cal = official2026();

/** The default studio rules (migration 0002_default_studios). */
const RULES = {
  medical: { amount: 30, unit: 'working_days' },
  judicial: { amount: 15, unit: 'calendar_days' },
  court: { amount: 30, unit: 'calendar_days' },
  township: { amount: 1, unit: 'months' },
  labour: { amount: 15, unit: 'calendar_days' },
} as const satisfies Record<string, DeadlineRule>;

const ACCEPTED = '2026-03-10'; // a Tuesday

function due(
  rule: DeadlineRule,
  acceptedOn = ACCEPTED,
  changes: DeadlineChange[] = [],
  today = acceptedOn,
) {
  return computeDeadline(cal, rule, acceptedOn, changes, today);
}

const pause = (onDate: string): DeadlineChange => ({ kind: 'pause', onDate });
const resume = (onDate: string): DeadlineChange => ({ kind: 'resume', onDate });
const extension = (onDate: string, days: number): DeadlineChange => ({
  kind: 'extension',
  onDate,
  days,
});

describe('the studio rules, without changes', () => {
  it('count from the day after acceptance', () => {
    // 30 working days after 03-10, skipping Qingming Monday 04-06.
    expect(due(RULES.medical)).toEqual({ dueOn: '2026-04-22', pausedSince: null, pausedDays: 0 });
    expect(due(RULES.judicial).dueOn).toBe('2026-03-25');
    expect(due(RULES.court).dueOn).toBe('2026-04-09');
    expect(due(RULES.township).dueOn).toBe('2026-04-10');
    expect(due(RULES.labour).dueOn).toBe('2026-03-25');
  });

  it('a working-day deadline across National Day and its two make-up days', () => {
    // 09-20 (Sun) and 10-10 (Sat) count; 09-25 and 10-01…07 do not.
    expect(due(RULES.medical, '2026-09-15').dueOn).toBe('2026-11-02');
  });

  it('one month clamps to the end of a shorter month', () => {
    expect(due(RULES.township, '2026-03-31').dueOn).toBe('2026-04-30');
    // 01-31 + 1 month = 02-28, a Saturday but a make-up working day: it stands.
    expect(due(RULES.township, '2026-01-31').dueOn).toBe('2026-02-28');
  });

  it('a calendar-day or month deadline ending on a rest day moves to the next working day', () => {
    expect(due(RULES.judicial, '2026-09-20').dueOn).toBe('2026-10-08'); // 10-05, National Day
    expect(due(RULES.judicial, '2026-09-18').dueOn).toBe('2026-10-08'); // 10-03
    expect(due(RULES.labour, '2026-01-24').dueOn).toBe('2026-02-09'); // 02-08, a Sunday
    expect(due(RULES.township, '2026-01-15').dueOn).toBe('2026-02-24'); // 02-15, Spring Festival
    expect(due(RULES.labour, '2026-01-30').dueOn).toBe('2026-02-14'); // a make-up Saturday stays
  });

  it('crosses the year boundary into an unconfigured year on Monday–Friday alone', () => {
    // 2027-01-01 (a Friday) counts as a working day until the 2027 schedule is entered…
    expect(due(RULES.medical, '2026-12-10').dueOn).toBe('2027-01-21');
    expect(due(RULES.court, '2026-12-15').dueOn).toBe('2027-01-14');
    expect(due(RULES.township, '2026-12-31').dueOn).toBe('2027-02-01'); // 01-31 is a Sunday
    // …and stops counting once it is.
    const with2027 = createWorkingCalendar([
      ...packageEntries(2026),
      { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(computeDeadline(with2027, RULES.medical, '2026-12-10', [], '2026-12-10').dueOn).toBe(
      '2027-01-22',
    );
  });
});

describe('pauses (暂停) and resumptions (恢复)', () => {
  it('a closed pause adds the working days (P, R] to a working-day deadline', () => {
    // 03-20 (Fri) to 03-27 (Fri): 03-23…27 stood still, 5 working days.
    const state = due(
      RULES.medical,
      ACCEPTED,
      [pause('2026-03-20'), resume('2026-03-27')],
      '2026-04-01',
    );
    expect(state).toEqual({ dueOn: '2026-04-29', pausedSince: null, pausedDays: 5 });
  });

  it('a closed pause adds calendar days to a calendar-day or month deadline', () => {
    const changes = [pause('2026-03-12'), resume('2026-03-16')];
    expect(due(RULES.court, ACCEPTED, changes)).toMatchObject({
      dueOn: '2026-04-13',
      pausedDays: 4,
    });
    expect(due(RULES.township, ACCEPTED, changes)).toMatchObject({
      dueOn: '2026-04-14',
      pausedDays: 4,
    });
  });

  it('an open pause counts up to today, so the days left stay the same while it lasts', () => {
    const changes = [pause('2026-03-20')];
    const on25 = due(RULES.medical, ACCEPTED, changes, '2026-03-25');
    expect(on25).toEqual({ dueOn: '2026-04-27', pausedSince: '2026-03-20', pausedDays: 3 });
    const on26 = due(RULES.medical, ACCEPTED, changes, '2026-03-26');
    expect(on26.dueOn).toBe('2026-04-28');
    expect(daysLeft(cal, 'working_days', on25.dueOn, '2026-03-25')).toBe(
      daysLeft(cal, 'working_days', on26.dueOn, '2026-03-26'),
    );
    // Over a weekend nothing moves: Saturday and Sunday are not working days.
    expect(due(RULES.medical, ACCEPTED, changes, '2026-03-22').pausedDays).toBe(0);
    // Paused on the very day it is looked at: nothing has stood still yet.
    expect(due(RULES.medical, ACCEPTED, changes, '2026-03-20').pausedDays).toBe(0);
  });

  it('a pause on a non-working day: only working days after it count', () => {
    // Saturday 03-21 to Tuesday 03-24 stops 03-23 and 03-24, as a pause from Friday would.
    const fromSaturday = due(RULES.medical, ACCEPTED, [pause('2026-03-21'), resume('2026-03-24')]);
    const fromFriday = due(RULES.medical, ACCEPTED, [pause('2026-03-20'), resume('2026-03-24')]);
    expect(fromSaturday.pausedDays).toBe(2);
    expect(fromFriday.pausedDays).toBe(2);
    expect(fromSaturday.dueOn).toBe('2026-04-24');
    // A calendar-day rule counts the weekend days too.
    expect(due(RULES.court, ACCEPTED, [pause('2026-03-21'), resume('2026-03-24')]).pausedDays).toBe(
      3,
    );
    // A pause wholly inside the National Day break stops no working day.
    const golden = due(RULES.medical, '2026-09-15', [pause('2026-10-01'), resume('2026-10-07')]);
    expect(golden).toMatchObject({ dueOn: '2026-11-02', pausedDays: 0 });
  });

  it('a pause that starts after the deadline has passed adds nothing; on the due date it does', () => {
    // Judicial: due 03-25.
    const late = due(RULES.judicial, ACCEPTED, [pause('2026-03-26'), resume('2026-04-10')]);
    expect(late).toMatchObject({ dueOn: '2026-03-25', pausedDays: 0 });
    const stillOpen = due(RULES.judicial, ACCEPTED, [pause('2026-03-26')], '2026-04-10');
    expect(stillOpen).toEqual({ dueOn: '2026-03-25', pausedSince: '2026-03-26', pausedDays: 0 });
    const onTheDay = due(RULES.judicial, ACCEPTED, [pause('2026-03-25'), resume('2026-03-30')]);
    expect(onTheDay).toMatchObject({ dueOn: '2026-03-30', pausedDays: 5 });
  });

  it('several pauses add up; a pause while paused and a resume while running are ignored', () => {
    const changes = [
      pause('2026-03-12'),
      pause('2026-03-13'), // already paused
      resume('2026-03-16'),
      resume('2026-03-17'), // not paused
      pause('2026-03-30'),
      resume('2026-04-01'),
    ];
    // (03-12, 03-16]: 13, 16 = 2; (03-30, 04-01]: 31, 01 = 2.
    expect(due(RULES.medical, ACCEPTED, changes)).toMatchObject({
      dueOn: '2026-04-28',
      pausedDays: 4,
      pausedSince: null,
    });
  });

  it('a pause and resume on the same day stop nothing; changes may come in any order', () => {
    expect(
      due(RULES.medical, ACCEPTED, [pause('2026-03-20'), resume('2026-03-20')]).pausedDays,
    ).toBe(0);
    const inOrder = [pause('2026-03-20'), resume('2026-03-27'), extension('2026-03-30', 2)];
    const shuffled = [inOrder[2], inOrder[1], inOrder[0]].filter((c) => c !== undefined);
    expect(due(RULES.medical, ACCEPTED, shuffled)).toEqual(due(RULES.medical, ACCEPTED, inOrder));
  });
});

describe('extensions (延长)', () => {
  it('extend in the rule’s unit', () => {
    expect(due(RULES.medical, ACCEPTED, [extension('2026-04-01', 5)]).dueOn).toBe('2026-04-29');
    // Judicial confirmation +10 with approval: 03-10 + 25 = 04-04 (Qingming) → 04-07.
    expect(due(RULES.judicial, ACCEPTED, [extension('2026-03-20', 10)]).dueOn).toBe('2026-04-07');
  });

  it('a month rule extends in calendar days', () => {
    expect(due(RULES.township, ACCEPTED, [extension('2026-04-01', 5)]).dueOn).toBe('2026-04-15');
  });

  it('counts even when granted after the due date, and treats a missing day count as none', () => {
    expect(due(RULES.judicial, ACCEPTED, [extension('2026-03-30', 10)]).dueOn).toBe('2026-04-07');
    expect(
      due(RULES.judicial, ACCEPTED, [{ kind: 'extension', onDate: '2026-03-20', days: null }])
        .dueOn,
    ).toBe('2026-03-25');
  });

  it('an extension granted during a pause lets a later pause still count', () => {
    // Judicial, due 03-25; +10 on 03-20 → 04-04 (Qingming) → 04-07; a pause from 04-01 counts.
    const changes = [extension('2026-03-20', 10), pause('2026-04-01'), resume('2026-04-03')];
    expect(due(RULES.judicial, ACCEPTED, changes)).toMatchObject({
      dueOn: '2026-04-07',
      pausedDays: 2,
    });
    // 25 + 2 = 27 days → 04-06 (Qingming Monday) → 04-07: the rest-day rule absorbs it here.
  });

  it('pause, resume, extension and an open pause together', () => {
    const changes = [
      pause('2026-03-20'),
      resume('2026-03-27'), // +5 working days
      extension('2026-04-01', 3), // +3
      pause('2026-04-15'),
    ];
    // Today 04-20 (Mon): (04-15, 04-20] = 16, 17, 20 = 3 more. 30 + 5 + 3 + 3 = 41.
    const state = due(RULES.medical, ACCEPTED, changes, '2026-04-20');
    expect(state).toEqual({
      dueOn: cal.addWorkingDays(ACCEPTED, 41),
      pausedSince: '2026-04-15',
      pausedDays: 8,
    });
    // 04-30 is the 36th; Labour Day 05-01…05 is skipped, the make-up Saturday 05-09 is the 40th.
    expect(state.dueOn).toBe('2026-05-11');
  });
});

describe('days left and urgency', () => {
  it('working days for a working-day rule, 0 on the due date, negative once passed', () => {
    expect(daysLeft(cal, 'working_days', '2026-04-22', '2026-04-16')).toBe(4);
    expect(daysLeft(cal, 'working_days', '2026-04-22', '2026-04-17')).toBe(3);
    expect(daysLeft(cal, 'working_days', '2026-04-22', '2026-04-22')).toBe(0);
    expect(daysLeft(cal, 'working_days', '2026-04-22', '2026-04-23')).toBe(-1);
    expect(daysLeft(cal, 'working_days', '2026-04-22', '2026-04-24')).toBe(-2);
  });

  it('is overdue on the weekend right after a Friday deadline', () => {
    expect(daysLeft(cal, 'working_days', '2026-04-24', '2026-04-25')).toBe(-1); // Saturday
    expect(daysLeft(cal, 'working_days', '2026-04-24', '2026-04-26')).toBe(-1);
    expect(daysLeft(cal, 'working_days', '2026-04-24', '2026-04-27')).toBe(-1);
    expect(daysLeft(cal, 'working_days', '2026-04-24', '2026-04-28')).toBe(-2);
    // Due before National Day: overdue through the break, −2 on the second working day after.
    expect(daysLeft(cal, 'working_days', '2026-09-30', '2026-10-03')).toBe(-1);
    expect(daysLeft(cal, 'working_days', '2026-09-30', '2026-10-09')).toBe(-2);
    // Before a deadline the break does not count: 09-30 → 10-08 is 1 working day.
    expect(daysLeft(cal, 'working_days', '2026-10-08', '2026-09-30')).toBe(1);
  });

  it('calendar days otherwise', () => {
    expect(daysLeft(cal, 'calendar_days', '2026-03-25', '2026-03-20')).toBe(5);
    expect(daysLeft(cal, 'months', '2026-03-25', '2026-03-22')).toBe(3);
    expect(daysLeft(cal, 'calendar_days', '2026-03-25', '2026-03-26')).toBe(-1);
  });

  it('urgency: overdue below 0, due soon up to 3, ok above', () => {
    expect([-5, -1, 0, 1, 3, 4, 30].map(urgency)).toEqual([
      'overdue',
      'overdue',
      'due_soon',
      'due_soon',
      'due_soon',
      'ok',
      'ok',
    ]);
  });
});

describe('rules as stored', () => {
  it('turns studio columns into a typed rule and refuses an unknown unit', () => {
    expect(toDeadlineRule(30, 'working_days')).toEqual(RULES.medical);
    expect(isDeadlineUnit('months')).toBe(true);
    expect(isDeadlineUnit('weeks')).toBe(false);
    expect(() => toDeadlineRule(2, 'weeks')).toThrow(/weeks/);
  });
});
