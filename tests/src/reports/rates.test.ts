import { describe, expect, it } from 'vitest';
import { dateOf } from '../../../src/reports/center-day';
import { formatRate } from '../../../src/reports/report.labels';
import { MEASURES, type Measure } from '../../../src/reports/report.schema';
import type { CaseFacts } from '../../../src/reports/case-facts';
import * as rates from '../../../src/reports/rates';
import { responseDueOn, type RateSession, type Window } from '../../../src/reports/rates';
import { tally } from '../../../src/reports/tally';
import { dayOf } from '../../../src/reports/center-day';
import { FAMILY, LABOUR, MEDICAL, NO_RULE, fact, session, table, window } from './facts';

// Each case here is a table of one row (facts.ts): the functions asked about its row 0.
const respondedInTime = (s: RateSession, f: CaseFacts) => rates.respondedInTime(s, f, 0);
const concludedOnTime = (s: RateSession, f: CaseFacts) => rates.concludedOnTime(s, f, 0);
const deadlineAt = (s: RateSession, f: CaseFacts, day: number) => rates.deadlineAt(s, f, 0, day);
const overdueAt = (s: RateSession, f: CaseFacts, day: number) => rates.overdueAt(s, f, 0, day);
const stateAt = (f: CaseFacts, day: number) => rates.stateAt(f, 0, day);
const studioAt = (f: CaseFacts, day: number) => rates.studioAt(f, 0, day);

/** The measures a case counts for in a window, by name. */
function measures(s: RateSession, f: CaseFacts, w: Window): Measure[] {
  const out: Measure[] = [];
  rates.classify(s, f, 0, w, { add: (m: number) => out.push(MEASURES[m] as Measure) });
  return out;
}

const MARCH = window('2026-03-01', '2026-03-31');
const APRIL = window('2026-04-01', '2026-04-30');

/** Every figure of one window over some cases. */
function figuresOf(facts: CaseFacts[], w: Window, s: RateSession = session()) {
  return tally(
    s,
    table(facts),
    { current: w, previous: w, months: [], studios: null },
    w.cutoff ?? w.to,
  ).current;
}

describe('response rate: answered within the limit after the day of registration', () => {
  const s = session();
  const registeredMonday = (answered: string | undefined, status: FactSpecStatus = 'accepted') =>
    fact({
      status,
      registered: '2026-03-02',
      ...(status === 'accepted' ? { accepted: answered } : { answered }),
    });
  type FactSpecStatus = 'accepted' | 'declined' | 'referred' | 'registered';

  it('the next working day is in time, the one after is late', () => {
    expect(dateOf(responseDueOn(s, dayOf('2026-03-02')))).toBe('2026-03-03');
    expect(respondedInTime(s, registeredMonday('2026-03-02'))).toBe(true);
    expect(respondedInTime(s, registeredMonday('2026-03-03'))).toBe(true);
    expect(respondedInTime(s, registeredMonday('2026-03-04'))).toBe(false);
  });

  it('skips the weekend, public holidays, and counts a make-up working Saturday', () => {
    // Friday → Monday.
    expect(dateOf(responseDueOn(s, dayOf('2026-03-06')))).toBe('2026-03-09');
    // Thursday 04-30 → over the May holiday (05-01…05-05) to Wednesday 05-06.
    expect(dateOf(responseDueOn(s, dayOf('2026-04-30')))).toBe('2026-05-06');
    // Friday 05-08 → Saturday 05-09 is a working day: Monday is already late.
    expect(dateOf(responseDueOn(s, dayOf('2026-05-08')))).toBe('2026-05-09');
    // Registered on a Sunday: the first working day after it.
    expect(dateOf(responseDueOn(s, dayOf('2026-03-08')))).toBe('2026-03-09');
  });

  it('declining and referring are answers; a case not yet answered is not in time', () => {
    expect(respondedInTime(s, registeredMonday('2026-03-03', 'declined'))).toBe(true);
    expect(respondedInTime(s, registeredMonday('2026-03-03', 'referred'))).toBe(true);
    expect(respondedInTime(s, registeredMonday('2026-03-05', 'declined'))).toBe(false);
    expect(respondedInTime(s, registeredMonday(undefined, 'registered'))).toBe(false);
  });

  it('the limit is a setting: two working days', () => {
    const two = session(2);
    expect(respondedInTime(two, registeredMonday('2026-03-04'))).toBe(true);
    expect(respondedInTime(two, registeredMonday('2026-03-05'))).toBe(false);
  });

  it('a case registered on the last day of March and answered in April counts in March', () => {
    const late = fact({ status: 'accepted', registered: '2026-03-31', accepted: '2026-04-01' });
    expect(measures(s, late, MARCH)).toEqual(
      expect.arrayContaining(['registered', 'respondedInTime']),
    );
    expect(measures(s, late, APRIL)).not.toContain('registered');
    expect(measures(s, late, APRIL)).toContain('accepted');
    const march = figuresOf([late], MARCH);
    expect(march.rates.response).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(figuresOf([late], APRIL).rates.response.value).toBeNull();
  });
});

describe('completion rate: accepted in the period and concluded since', () => {
  it('counts a case concluded after the period, not one accepted before it', () => {
    const s = session();
    const concludedInApril = fact({
      status: 'concluded',
      outcome: 'written_agreement',
      registered: '2026-03-10',
      accepted: '2026-03-10',
      concluded: '2026-04-20',
    });
    const stillOpen = fact({
      status: 'in_mediation',
      registered: '2026-03-11',
      accepted: '2026-03-11',
      mediation: '2026-03-12',
    });
    const acceptedInFebruary = fact({
      status: 'concluded',
      outcome: 'no_agreement',
      registered: '2026-02-26',
      accepted: '2026-02-27',
      concluded: '2026-03-05',
    });
    const declined = fact({ status: 'declined', registered: '2026-03-12', answered: '2026-03-12' });
    const march = figuresOf([concludedInApril, stillOpen, acceptedInFebruary, declined], MARCH, s);
    expect(march.rates.completion).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(march.counts.acceptedOpen).toBe(1);
    expect(march.counts.declined).toBe(1);
    expect(march.counts.accepted).toBe(2);
    // The February case is concluded in March: in March's success rate, not its completion.
    expect(march.counts.concluded).toBe(1);
    expect(march.rates.success.numerator).toBe(0);
  });
});

describe('on-time completion: concluded by the deadline in force on the day of conclusion', () => {
  const s = session();
  const medical = (
    concluded: string,
    changes: NonNullable<Parameters<typeof fact>[0]['changes']> = [],
  ) =>
    fact({
      status: 'concluded',
      outcome: 'written_agreement',
      registered: '2026-03-10',
      accepted: '2026-03-10',
      concluded,
      changes,
    });

  it('on the due date is on time, the day after is late', () => {
    // 30 working days after Tuesday 03-10, past Qingming Monday: Wednesday 04-22.
    expect(deadlineAt(s, medical('2026-04-22'), dayOf('2026-04-22'))).toEqual({
      dueOn: dayOf('2026-04-22'),
      pausedSince: null,
    });
    expect(concludedOnTime(s, medical('2026-04-22'))).toBe(true);
    expect(concludedOnTime(s, medical('2026-04-23'))).toBe(false);
  });

  it('a pause before the due date moves it by the working days paused', () => {
    // Paused 03-20 (Fri) to 03-27 (Fri): five working days stand still → due 04-29.
    const paused = medical('2026-04-29', [
      ['pause', '2026-03-20'],
      ['resume', '2026-03-27'],
    ]);
    expect(dateOf(deadlineAt(s, paused, dayOf('2026-04-29'))?.dueOn ?? 0)).toBe('2026-04-29');
    expect(concludedOnTime(s, paused)).toBe(true);
    expect(
      concludedOnTime(
        s,
        medical('2026-04-30', [
          ['pause', '2026-03-20'],
          ['resume', '2026-03-27'],
        ]),
      ),
    ).toBe(false);
  });

  it('a case concluded while its deadline is paused is on time', () => {
    expect(concludedOnTime(s, medical('2026-05-20', [['pause', '2026-04-01']]))).toBe(true);
  });

  it('a pause that starts after the due date does not rescue the case', () => {
    expect(concludedOnTime(s, medical('2026-05-20', [['pause', '2026-04-24']]))).toBe(false);
  });

  it('an extension lengthens the deadline (working days for a working-day rule)', () => {
    const extended = medical('2026-05-09', [['extension', '2026-04-15', 10]]);
    // Ten working days after 04-22, over the closed 05-01…05-05: the make-up Saturday 05-09.
    expect(dateOf(deadlineAt(s, extended, dayOf('2026-05-09'))?.dueOn ?? 0)).toBe('2026-05-09');
    expect(concludedOnTime(s, extended)).toBe(true);
    expect(concludedOnTime(s, medical('2026-05-11', [['extension', '2026-04-15', 10]]))).toBe(
      false,
    );
  });

  it('changes recorded after the day asked are not yet in force', () => {
    const f = medical('2026-04-23', [['extension', '2026-04-15', 10, '2026-04-24']]);
    expect(concludedOnTime(s, f)).toBe(false);
    expect(dateOf(deadlineAt(s, f, dayOf('2026-04-24'))?.dueOn ?? 0)).toBe('2026-05-09');
  });

  it('calendar-day and month rules end on the next working day', () => {
    // 15 days after Friday 03-20 is Sunday 04-05; Monday 04-06 is Qingming: due Tuesday 04-07.
    const labour = fact({
      studio: LABOUR,
      status: 'concluded',
      outcome: 'no_agreement',
      registered: '2026-03-20',
      accepted: '2026-03-20',
      concluded: '2026-04-07',
    });
    expect(concludedOnTime(s, labour)).toBe(true);
    const family = fact({
      studio: FAMILY,
      status: 'concluded',
      outcome: 'withdrawn',
      registered: '2026-01-31',
      accepted: '2026-01-31',
      concluded: '2026-03-02',
    });
    // One month after 01-31 is 02-28 (Saturday) → Monday 03-02.
    expect(concludedOnTime(s, family)).toBe(true);
  });

  it('a studio without a deadline rule never concludes late', () => {
    const counseling = fact({
      studio: NO_RULE,
      status: 'concluded',
      outcome: 'withdrawn',
      registered: '2026-01-05',
      accepted: '2026-01-05',
      concluded: '2026-12-30',
    });
    expect(deadlineAt(s, counseling, dayOf('2026-12-30'))).toBeNull();
    expect(concludedOnTime(s, counseling)).toBe(true);
  });

  it('a transferred case is held to the rule of the studio that concluded it', () => {
    // Accepted 03-02 by family (one month: 04-02), transferred to labour (15 days: 03-17).
    const f = fact({
      studio: LABOUR,
      status: 'concluded',
      outcome: 'written_agreement',
      registered: '2026-03-02',
      accepted: '2026-03-02',
      concluded: '2026-03-25',
      transfers: [['2026-03-05', FAMILY, LABOUR]],
    });
    expect(concludedOnTime(s, f)).toBe(false);
    // While family held it (before the transfer), its own rule was in force.
    expect(dateOf(deadlineAt(s, f, dayOf('2026-03-04'))?.dueOn ?? 0)).toBe('2026-04-02');
  });
});

describe('success, follow-up and satisfaction', () => {
  const s = session();
  const concluded = (
    outcome: Parameters<typeof fact>[0]['outcome'],
    visits: Parameters<typeof fact>[0]['visits'] = [],
  ) =>
    fact({
      status: 'concluded',
      outcome,
      registered: '2026-03-02',
      accepted: '2026-03-02',
      concluded: '2026-03-16',
      visits,
    });

  it('written and oral agreements are successes; no agreement, withdrawn and refused are not', () => {
    const facts = [
      concluded('written_agreement'),
      concluded('oral_agreement'),
      concluded('no_agreement'),
      concluded('withdrawn'),
      concluded('refused'),
    ];
    const march = figuresOf(facts, MARCH, s);
    expect(march.rates.success).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    expect(march.counts['outcome.refused']).toBe(1);
    expect(march.counts.withoutAgreement).toBe(3);
  });

  it('a visit without a rating is a follow-up but not in the satisfaction rate', () => {
    const facts = [
      concluded('written_agreement', [['2026-03-30', null]]),
      concluded('written_agreement', [['2026-03-31', 'basically_satisfied']]),
      concluded('oral_agreement', [['2026-03-31', 'dissatisfied']]),
      concluded('no_agreement'),
    ];
    const march = figuresOf(facts, MARCH, s);
    expect(march.rates.followUp).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
    expect(march.rates.satisfaction).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('a case counts its last rated visit in the period; visits elsewhere count elsewhere', () => {
    const twice = concluded('written_agreement', [
      ['2026-03-20', 'dissatisfied'],
      ['2026-03-28', 'satisfied'],
      ['2026-03-30', null],
      ['2026-04-10', 'dissatisfied'],
    ]);
    expect(figuresOf([twice], MARCH, s).rates.satisfaction).toEqual({
      numerator: 1,
      denominator: 1,
      value: 1,
    });
    // April sees the April visit, though the case was concluded in March.
    const april = figuresOf([twice], APRIL, s);
    expect(april.rates.satisfaction).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(april.counts.concluded).toBe(0);
    expect(april.counts.dissatisfied).toBe(1);
  });

  it('followed up counts visits made after the period too (outcomes as of the report)', () => {
    const visitedInApril = concluded('written_agreement', [['2026-04-02', null]]);
    expect(figuresOf([visitedInApril], MARCH, s).counts.followedUp).toBe(1);
  });
});

describe('empty periods', () => {
  it('count nothing and have no rate, printed as a dash', () => {
    const nothing = figuresOf([], MARCH);
    for (const m of MEASURES) expect(nothing.counts[m]).toBe(0);
    for (const r of Object.values(nothing.rates)) {
      expect(r).toEqual({ numerator: 0, denominator: 0, value: null });
      expect(formatRate(r)).toBe('—');
    }
  });

  it('a period with cases but none concluded has a response rate and no success rate', () => {
    const f = fact({ status: 'registered', registered: '2026-03-02' });
    const march = figuresOf([f], MARCH);
    expect(march.rates.response).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(formatRate(march.rates.response)).toBe('0.0%');
    expect(march.rates.success.value).toBeNull();
    expect(march.rates.completion.value).toBeNull();
  });

  it('a period that has not begun has no state at its end', () => {
    const open = fact({ status: 'accepted', registered: '2026-03-02', accepted: '2026-03-02' });
    const future = window('2026-09-01', '2026-09-30', null);
    expect(measures(session(), open, future)).toEqual([]);
  });
});

describe('transfers: a case counts for the studio holding it at the end of the period', () => {
  const moved = fact({
    studio: FAMILY,
    status: 'in_mediation',
    registered: '2026-03-02',
    accepted: '2026-03-02',
    mediation: '2026-03-03',
    transfers: [
      ['2026-04-10', MEDICAL, LABOUR],
      ['2026-04-20', LABOUR, FAMILY],
    ],
  });

  it('replays the transfers after the day asked', () => {
    expect(studioAt(moved, dayOf('2026-03-31'))).toBe(MEDICAL);
    expect(studioAt(moved, dayOf('2026-04-10'))).toBe(LABOUR);
    expect(studioAt(moved, dayOf('2026-04-15'))).toBe(LABOUR);
    expect(studioAt(moved, dayOf('2026-04-20'))).toBe(FAMILY);
  });

  it('March counts it for the medical studio, by studio adding up to the total', () => {
    const other = fact({ studio: LABOUR, status: 'registered', registered: '2026-03-05' });
    const result = tally(
      session(),
      table([moved, other]),
      { current: MARCH, previous: APRIL, months: [], studios: null },
      dayOf('2026-05-01'),
    );
    expect(result.byStudio.get(MEDICAL)?.counts.registered).toBe(1);
    expect(result.byStudio.get(MEDICAL)?.counts.inMediationAtEnd).toBe(1);
    expect(result.byStudio.get(FAMILY)).toBeUndefined();
    for (const m of MEASURES) {
      const sum = [...result.byStudio.values()].reduce((n, f) => n + f.counts[m], 0);
      expect(sum, m).toBe(result.current.counts[m]);
    }
  });

  it('a studio filter takes the studio of the end of each period', () => {
    const s = session();
    const april = (studios: number[]) =>
      tally(
        s,
        moved,
        { current: APRIL, previous: MARCH, months: [], studios: new Set(studios) },
        dayOf('2026-05-01'),
      );
    expect(april([FAMILY]).current.counts.openAtEnd).toBe(1);
    expect(april([FAMILY]).previous.counts.registered).toBe(0);
    expect(april([MEDICAL]).previous.counts.registered).toBe(1);
    expect(april([LABOUR]).current.counts.openAtEnd).toBe(0);
  });
});

describe('state at the end of the period', () => {
  const s = session();

  it('reads the status the case had then, not now', () => {
    const f = fact({
      status: 'concluded',
      outcome: 'oral_agreement',
      registered: '2026-03-30',
      accepted: '2026-04-01',
      mediation: '2026-04-02',
      concluded: '2026-04-20',
    });
    expect(stateAt(f, dayOf('2026-03-29'))).toBe('notYetRegistered');
    expect(stateAt(f, dayOf('2026-03-31'))).toBe('registered');
    expect(stateAt(f, dayOf('2026-04-01'))).toBe('accepted');
    expect(stateAt(f, dayOf('2026-04-19'))).toBe('in_mediation');
    expect(stateAt(f, dayOf('2026-04-20'))).toBe('concluded');
    const declined = fact({ status: 'declined', registered: '2026-03-31', answered: '2026-04-01' });
    expect(stateAt(declined, dayOf('2026-03-31'))).toBe('registered');
    expect(stateAt(declined, dayOf('2026-04-01'))).toBe('declined');
    expect(measures(s, declined, MARCH)).toContain('openAtEnd');
    expect(measures(s, declined, APRIL)).toEqual(['declined']);
  });

  it('overdue: accepted, not concluded, past the deadline in force then', () => {
    // Labour: accepted Monday 03-02, due Tuesday 03-17.
    const f = fact({
      studio: LABOUR,
      status: 'concluded',
      outcome: 'no_agreement',
      registered: '2026-03-02',
      accepted: '2026-03-02',
      concluded: '2026-04-15',
    });
    expect(overdueAt(s, f, dayOf('2026-03-17'))).toBe(false);
    expect(overdueAt(s, f, dayOf('2026-03-18'))).toBe(true);
    expect(measures(s, f, MARCH)).toEqual(expect.arrayContaining(['openAtEnd', 'overdueAtEnd']));
    // Concluded late in April: not overdue at April's end, but late in the on-time rate.
    expect(measures(s, f, APRIL)).toEqual(expect.arrayContaining(['concluded', 'concludedLate']));
    expect(measures(s, f, APRIL)).not.toContain('overdueAtEnd');
  });

  it('a paused deadline is not overdue while the pause runs; an extension granted later is', () => {
    const paused = fact({
      studio: LABOUR,
      status: 'in_mediation',
      registered: '2026-03-02',
      accepted: '2026-03-02',
      mediation: '2026-03-03',
      changes: [['pause', '2026-03-10']],
    });
    expect(overdueAt(s, paused, dayOf('2026-03-31'))).toBe(false);
    expect(deadlineAt(s, paused, dayOf('2026-03-31'))?.pausedSince).toBe('2026-03-10');
    const extendedInApril = fact({
      studio: LABOUR,
      status: 'in_mediation',
      registered: '2026-03-02',
      accepted: '2026-03-02',
      mediation: '2026-03-03',
      changes: [['extension', '2026-04-02', 30]],
    });
    // At the end of March the extension was not yet granted: overdue then, not after.
    expect(overdueAt(s, extendedInApril, dayOf('2026-03-31'))).toBe(true);
    expect(overdueAt(s, extendedInApril, dayOf('2026-04-02'))).toBe(false);
  });
});
