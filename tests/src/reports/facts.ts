import { createWorkingCalendar, type CalendarEntry } from '../../../src/calendar/working-calendar';
import type { CaseStatus, Category, Outcome, Source } from '../../../src/cases/case.schema';
import type { DeadlineRule } from '../../../src/cases/deadline';
import {
  CaseFactsBuilder,
  NEVER,
  type CaseFacts,
  type DeadlineChangeFact,
  type Satisfaction,
} from '../../../src/reports/case-facts';
import { dayOf } from '../../../src/reports/center-day';
import { rateSession, type RateSession, type Window } from '../../../src/reports/rates';

/**
 * Hand-made cases for the report formulas, written with readable dates. 2026: 03-02 is a Monday;
 * a made-up calendar closes Qingming Monday 04-06 and 05-01…05-05, and works Saturday 05-09.
 */
export const CALENDAR_ENTRIES: CalendarEntry[] = [
  { date: '2026-04-06', kind: 'holiday', name: '清明节' },
  { date: '2026-05-01', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-02', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-03', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-04', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-05', kind: 'holiday', name: '劳动节' },
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休' },
];

/** Studio ids of the hand-made center and their rules. */
export const MEDICAL = 1; // 30 working days
export const LABOUR = 2; // 15 calendar days
export const FAMILY = 3; // one month
export const NO_RULE = 4; // a studio without a deadline rule (counseling)

export const RULES = new Map<number, DeadlineRule>([
  [MEDICAL, { amount: 30, unit: 'working_days' }],
  [LABOUR, { amount: 15, unit: 'calendar_days' }],
  [FAMILY, { amount: 1, unit: 'months' }],
]);

export function session(responseLimitDays = 1): RateSession {
  return rateSession({
    calendar: createWorkingCalendar(CALENDAR_ENTRIES),
    rules: RULES,
    responseLimitDays,
  });
}

const day = (d: string | null | undefined) => (d === null || d === undefined ? NEVER : dayOf(d));

export interface FactSpec {
  id?: number;
  studio?: number;
  category?: Category;
  source?: Source;
  status: CaseStatus;
  outcome?: Outcome;
  registered: string;
  answered?: string;
  accepted?: string;
  mediation?: string;
  concluded?: string;
  /** [day, from, to] */
  transfers?: [string, number, number][];
  /** [kind, onDate, days, recorded on (default onDate)] */
  changes?: [DeadlineChangeFact['kind'], string, number?, string?][];
  /** [visited on, rating] */
  visits?: [string, Satisfaction | null][];
}

let nextId = 1;

/** One case, as a table of one row (the functions of rates.ts take a table and a row). */
export function fact(spec: FactSpec): CaseFacts {
  const b = new CaseFactsBuilder(1);
  // An accepted case was answered when it was accepted, as the lifecycle records it.
  const answered = spec.answered ?? spec.accepted;
  const row = b.add({
    id: spec.id ?? nextId++,
    studioId: spec.studio ?? MEDICAL,
    category: spec.category ?? 'medical',
    source: spec.source ?? 'walk_in',
    status: spec.status,
    outcome: spec.outcome ?? null,
    registeredOn: dayOf(spec.registered),
    answeredOn: day(answered),
    acceptedOn: day(spec.accepted),
    mediationOn: day(spec.mediation),
    concludedOn: day(spec.concluded),
  });
  (spec.transfers ?? []).forEach(([on, from, to], i) =>
    b.addTransfer(row, { on: dayOf(on), at: `${on}T0${i}:00:00.000Z`, from, to }),
  );
  for (const [kind, onDate, days, recorded] of spec.changes ?? []) {
    b.addDeadlineChange(row, {
      kind,
      onDate,
      days: days ?? null,
      recordedOn: dayOf(recorded ?? onDate),
    });
  }
  (spec.visits ?? []).forEach(([on, satisfaction], i) =>
    b.addFollowUp(row, { visitedOn: dayOf(on), visitedAt: `${on}T0${i}:00:00.000Z`, satisfaction }),
  );
  return b.build();
}

/** Several cases in one table, in the order given. */
export function table(cases: readonly CaseFacts[]): CaseFacts {
  const b = new CaseFactsBuilder(cases.length);
  for (const t of cases) {
    for (let i = 0; i < t.length; i += 1) {
      const row = b.add(t.row(i));
      const extras = t.extrasOf(i);
      for (const x of extras.transfers) b.addTransfer(row, x);
      for (const x of extras.deadlineChanges) b.addDeadlineChange(row, x);
      for (const x of extras.followUps) b.addFollowUp(row, x);
    }
  }
  return b.build();
}

/** A window from–to whose state is read at `cutoff` (default: its last day). */
export function window(from: string, to: string, cutoff: string | null = to): Window {
  return { from: dayOf(from), to: dayOf(to), cutoff: day(cutoff), withState: true };
}
