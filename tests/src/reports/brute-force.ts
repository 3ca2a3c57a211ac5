import { loadWorkingCalendar } from '../../../src/calendar/calendar.repository';
import {
  computeDeadline,
  type DeadlineChange,
  type DeadlineRule,
} from '../../../src/cases/deadline';
import type { Database } from '../../../src/db/database';
import { centerDate } from '../../../src/shared/center-time';

/**
 * The report's figures counted the slow, obvious way, straight from the tables, for checking
 * src/reports against: every date through Intl (centerDate), every case examined for every
 * figure, transfers undone one by one from the latest, no memo, no packing, no index tables.
 * Written from DESIGN §6 and the notes in src/reports/report.labels.ts, not from rates.ts.
 * Deadlines come from src/cases/deadline.ts, the one definition of a due date.
 */

interface Row {
  id: number;
  studioId: number;
  category: string;
  source: string;
  status: string;
  outcome: string | null;
  registeredAt: string;
  answeredAt: string | null;
  acceptedAt: string | null;
  mediationStartedAt: string | null;
  concludedAt: string | null;
}

export interface World {
  readonly cases: Row[];
  readonly transfers: Map<number, { at: string; from: number; to: number }[]>;
  readonly changes: Map<
    number,
    { kind: string; onDate: string; days: number | null; at: string }[]
  >;
  readonly visits: Map<number, { visitedAt: string; satisfaction: string | null }[]>;
  readonly rules: Map<number, DeadlineRule>;
  readonly calendar: Awaited<ReturnType<typeof loadWorkingCalendar>>;
}

export async function readWorld(db: Database): Promise<World> {
  const cases = await db
    .selectFrom('cases')
    .select([
      'id',
      'studioId',
      'category',
      'source',
      'status',
      'outcome',
      'registeredAt',
      'answeredAt',
      'acceptedAt',
      'mediationStartedAt',
      'concludedAt',
    ])
    .execute();
  const transfers = new Map<number, { at: string; from: number; to: number }[]>();
  const events = await db
    .selectFrom('caseEvents')
    .select(['caseId', 'at', 'data'])
    .where('kind', '=', 'transferred')
    .orderBy('id')
    .execute();
  for (const e of events) {
    const data = JSON.parse(e.data) as { from: number; to: number };
    const list = transfers.get(e.caseId) ?? [];
    list.push({ at: e.at, from: data.from, to: data.to });
    transfers.set(e.caseId, list);
  }
  const changes = new Map<
    number,
    { kind: string; onDate: string; days: number | null; at: string }[]
  >();
  for (const c of await db.selectFrom('caseDeadlineChanges').selectAll().orderBy('id').execute()) {
    const list = changes.get(c.caseId) ?? [];
    list.push(c);
    changes.set(c.caseId, list);
  }
  const visits = new Map<number, { visitedAt: string; satisfaction: string | null }[]>();
  for (const f of await db.selectFrom('followUps').selectAll().execute()) {
    if (f.visitedAt === null) continue;
    const list = visits.get(f.caseId) ?? [];
    list.push({ visitedAt: f.visitedAt, satisfaction: f.satisfaction });
    visits.set(f.caseId, list);
  }
  const rules = new Map<number, DeadlineRule>();
  for (const s of await db.selectFrom('studios').selectAll().execute()) {
    if (s.deadlineAmount > 0) {
      rules.set(s.id, { amount: s.deadlineAmount, unit: s.deadlineUnit as DeadlineRule['unit'] });
    }
  }
  return { cases, transfers, changes, visits, rules, calendar: await loadWorkingCalendar(db) };
}

// Intl is slow; the same instant always has the same date, so each is read once.
const days = new Map<string, string>();
const day = (iso: string) => {
  let d = days.get(iso);
  if (d === undefined) {
    d = centerDate(new Date(iso));
    days.set(iso, d);
  }
  return d;
};

export type Brute = Record<string, number[]>;

/**
 * For one period: the ids each measure counts, by the studio they count for (the key
 * `${measure}@${studio}`) and in total (`${measure}`); likewise `${measure}#category:x`.
 */
export function bruteForce(
  w: World,
  period: { from: string; to: string },
  today: string,
  scope: readonly number[] | null,
): Brute {
  const { from, to } = period;
  const inPeriod = (iso: string | null) => iso !== null && day(iso) >= from && day(iso) <= to;
  const end = to < today ? to : today;
  const started = from <= today;

  const studioAtEnd = (c: Row): number => {
    let studio = c.studioId;
    const moves = [...(w.transfers.get(c.id) ?? [])].reverse();
    for (const t of moves) if (day(t.at) > end) studio = t.from;
    return studio;
  };
  const dueOn = (c: Row, on: string): string | null => {
    if (c.acceptedAt === null || day(c.acceptedAt) > on) return null;
    let studio = c.studioId;
    for (const t of [...(w.transfers.get(c.id) ?? [])].reverse())
      if (day(t.at) > on) studio = t.from;
    const rule = w.rules.get(studio);
    if (rule === undefined) return null;
    const changes: DeadlineChange[] = (w.changes.get(c.id) ?? [])
      .filter((ch) => day(ch.at) <= on)
      .map((ch) => ({ kind: ch.kind as DeadlineChange['kind'], onDate: ch.onDate, days: ch.days }));
    return computeDeadline(w.calendar, rule, day(c.acceptedAt), changes, on).dueOn;
  };

  const out: Brute = {};
  const count = (measure: string, c: Row, studio: number) => {
    for (const key of [
      measure,
      `${measure}@${studio}`,
      `${measure}#category:${c.category}`,
      `${measure}#source:${c.source}`,
    ]) {
      (out[key] ??= []).push(c.id);
    }
  };

  for (const c of w.cases) {
    const studio = studioAtEnd(c);
    if (scope !== null && !scope.includes(studio)) continue;

    if (inPeriod(c.registeredAt)) {
      count('registered', c, studio);
      count(`status.${c.status}`, c, studio);
      const limit = w.calendar.addWorkingDays(day(c.registeredAt), 1);
      const inTime = c.answeredAt !== null && day(c.answeredAt) <= limit;
      count(inTime ? 'respondedInTime' : 'respondedLate', c, studio);
    }
    if (inPeriod(c.acceptedAt)) {
      count('accepted', c, studio);
      count(c.concludedAt !== null ? 'acceptedConcluded' : 'acceptedOpen', c, studio);
    }
    if ((c.status === 'declined' || c.status === 'referred') && inPeriod(c.answeredAt)) {
      count(c.status, c, studio);
    }
    if (inPeriod(c.concludedAt) && c.concludedAt !== null) {
      const concludedOn = day(c.concludedAt);
      count('concluded', c, studio);
      count(`outcome.${c.outcome}`, c, studio);
      const due = dueOn(c, concludedOn);
      count(due === null || concludedOn <= due ? 'concludedOnTime' : 'concludedLate', c, studio);
      const agreed = c.outcome === 'written_agreement' || c.outcome === 'oral_agreement';
      count(agreed ? 'withAgreement' : 'withoutAgreement', c, studio);
      count((w.visits.get(c.id) ?? []).length > 0 ? 'followedUp' : 'notFollowedUp', c, studio);
    }
    const rated = (w.visits.get(c.id) ?? [])
      .filter((v) => v.satisfaction !== null && inPeriod(v.visitedAt))
      .sort((a, b) => (a.visitedAt < b.visitedAt ? 1 : -1));
    const last = rated[0];
    if (last !== undefined) {
      count('rated', c, studio);
      count(last.satisfaction === 'dissatisfied' ? 'dissatisfied' : 'satisfied', c, studio);
    }
    if (started) {
      const registeredBy = day(c.registeredAt) <= end;
      const concludedBy = c.concludedAt !== null && day(c.concludedAt) <= end;
      const closedByAnswer =
        (c.status === 'declined' || c.status === 'referred') &&
        c.answeredAt !== null &&
        day(c.answeredAt) <= end;
      if (registeredBy && !concludedBy && !closedByAnswer) {
        count('openAtEnd', c, studio);
        if (c.mediationStartedAt !== null && day(c.mediationStartedAt) <= end) {
          count('inMediationAtEnd', c, studio);
        }
        const due = dueOn(c, end);
        if (due !== null && due < end) count('overdueAtEnd', c, studio);
      }
    }
  }
  return out;
}

/** The count of a measure (total, or `@studio`, `#category:x`, `#source:x`). */
export function tallyOf(b: Brute, key: string): number {
  return b[key]?.length ?? 0;
}
