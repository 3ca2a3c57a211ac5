import { daysLeft, urgency, type DeadlineUnit } from '../cases/deadline';
import type { Database } from '../db/database';
import { centerDate } from '../shared/center-time';
import { dateOf, dayOf } from './center-day';
import { loadOpenCaseFacts } from './report-facts.repository';
import { loadReportContext } from './report-context';
import { listReportRows, type ReportCaseRow } from './report-rows.repository';
import { OVERDUE_KINDS, type OverdueKind } from './report.schema';
import { STATUS } from './case-facts';
import { deadlineAt, responseDueOn, studioAt } from './rates';

/**
 * 超期、临期 the open cases past or near a limit today: the case deadline (overdue, due soon, by
 * deadline.ts's working-day count) or, for a case still awaiting its answer, the response limit.
 * The deadline is rates.ts's, so a case overdue here is overdue on the dashboard.
 */

export interface UrgentCase {
  readonly caseId: number;
  readonly kind: OverdueKind;
  /** The day the deadline (or the response limit) ends, YYYY-MM-DD. */
  readonly dueOn: string;
  /** Days left (negative: days over), in the rule's unit; working days for the response. */
  readonly daysLeft: number;
  readonly unit: DeadlineUnit;
  readonly pausedSince: string | null;
}

export interface UrgentRow extends ReportCaseRow {
  readonly urgent: UrgentCase;
}

export interface UrgentPage {
  readonly today: string;
  readonly total: number;
  /** Totals by kind over the whole list, not only this page. */
  readonly counts: Readonly<Record<OverdueKind, number>>;
  readonly items: readonly UrgentRow[];
}

export async function listUrgent(
  db: Database,
  scope: readonly number[] | null,
  kinds: readonly OverdueKind[],
  now: Date,
): Promise<UrgentCase[]> {
  const todayDate = centerDate(now);
  const today = dayOf(todayDate);
  const { session } = await loadReportContext(db);
  const facts = await loadOpenCaseFacts(db, scope);
  const wanted = new Set(kinds);
  const urgent: (UrgentCase & { registeredOn: number })[] = [];
  const keep = (row: number, u: UrgentCase) => {
    if (wanted.has(u.kind)) urgent.push({ ...u, registeredOn: facts.registered[row] ?? 0 });
  };
  for (let row = 0; row < facts.length; row += 1) {
    const caseId = facts.id[row] ?? 0;
    if (facts.status[row] === STATUS.registered) {
      const due = responseDueOn(session, facts.registered[row] ?? 0);
      if (due >= today) continue;
      keep(row, {
        caseId,
        kind: 'response',
        dueOn: dateOf(due),
        daysLeft: -Math.max(1, session.calendar.workingDaysBetween(dateOf(due), todayDate)),
        unit: 'working_days',
        pausedSince: null,
      });
      continue;
    }
    const deadline = deadlineAt(session, facts, row, today);
    const rule = session.rules.get(studioAt(facts, row, today));
    if (deadline === null || rule === undefined) continue;
    const dueOn = dateOf(deadline.dueOn);
    const left = daysLeft(session.calendar, rule.unit, dueOn, todayDate);
    const level = urgency(left);
    if (level === 'ok') continue;
    keep(row, {
      caseId,
      kind: level === 'overdue' ? 'overdue' : 'dueSoon',
      dueOn,
      daysLeft: left,
      unit: rule.unit,
      pausedSince: deadline.pausedSince,
    });
  }
  // Most urgent first: the earliest limit (days left are counted in different units by rule,
  // working days against calendar days, so the date orders them), then the earliest registered.
  urgent.sort(
    (a, b) =>
      a.dueOn.localeCompare(b.dueOn) || a.registeredOn - b.registeredOn || a.caseId - b.caseId,
  );
  return urgent.map(({ registeredOn: _r, ...u }) => u);
}

export async function urgentPage(
  db: Database,
  scope: readonly number[] | null,
  kinds: readonly OverdueKind[] | undefined,
  page: { offset: number; limit: number },
  now: Date,
): Promise<UrgentPage> {
  const all = await listUrgent(db, scope, kinds ?? OVERDUE_KINDS, now);
  const counts = { overdue: 0, dueSoon: 0, response: 0 };
  for (const u of all) counts[u.kind] += 1;
  const slice = all.slice(page.offset, page.offset + page.limit);
  const rows = new Map(
    (
      await listReportRows(
        db,
        slice.map((u) => u.caseId),
      )
    ).map((r) => [r.id, r]),
  );
  return {
    today: centerDate(now),
    total: all.length,
    counts,
    items: slice.flatMap((u) => {
      const row = rows.get(u.caseId);
      return row === undefined ? [] : [{ ...row, urgent: u }];
    }),
  };
}
