import type { Caller } from '../api/method';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { assertStudioAccess, seesAllStudios } from '../cases/case-access';
import { isDeadlineUnit, type DeadlineRule } from '../cases/deadline';
import type { Database } from '../db/database';
import { getSetting } from '../settings/settings.repository';
import { listStudios, type Studio } from '../studios/studio.repository';
import {
  DEFAULT_RESPONSE_LIMIT_DAYS,
  dateMemo,
  memoKey,
  rateSession,
  type DateMemo,
  type RateSession,
} from './rates';

/** Settings key of the response limit in working days (absent: DEFAULT_RESPONSE_LIMIT_DAYS). */
export const RESPONSE_LIMIT_SETTING = 'reports.responseLimitWorkingDays';
const MAX_RESPONSE_LIMIT_DAYS = 30;

/**
 * The studios a report covers. Reception, director and admin see the whole center (null, or
 * the studios they ask for); mediators and clerks their own studios, and asking for another
 * studio is refused (FORBIDDEN), as the case list does, rather than quietly answered with
 * nothing.
 */
export function reportScope(
  caller: Caller,
  requested: readonly number[] | undefined,
): number[] | null {
  const asked = requested !== undefined && requested.length > 0 ? [...new Set(requested)] : null;
  if (seesAllStudios(caller)) return asked;
  if (asked === null) return [...caller.studioIds];
  for (const studioId of asked) assertStudioAccess(caller, studioId);
  return asked;
}

export async function responseLimitDays(db: Database): Promise<number> {
  const stored = Number(await getSetting(db, RESPONSE_LIMIT_SETTING));
  return Number.isInteger(stored) && stored >= 1 && stored <= MAX_RESPONSE_LIMIT_DAYS
    ? stored
    : DEFAULT_RESPONSE_LIMIT_DAYS;
}

// Dates that follow from the calendar alone, kept while the calendar and the limit stay as they
// are (memoKey): the next report finds them computed. One per database, as tests run several.
const memos = new WeakMap<Database, { key: string; memo: DateMemo }>();

export interface ReportContext {
  readonly session: RateSession;
  readonly studios: readonly Studio[];
}

/** Calendar, studio rules and response limit as stored now, with the shared date memo. */
export async function loadReportContext(db: Database): Promise<ReportContext> {
  const calendar = await loadWorkingCalendar(db);
  const studios = await listStudios(db);
  const rules = new Map<number, DeadlineRule>();
  for (const s of studios) {
    if (isDeadlineUnit(s.deadlineUnit) && s.deadlineAmount > 0) {
      rules.set(s.id, { amount: s.deadlineAmount, unit: s.deadlineUnit });
    }
  }
  const limit = await responseLimitDays(db);
  const key = memoKey({ calendar, responseLimitDays: limit });
  let cached = memos.get(db);
  if (cached?.key !== key) {
    cached = { key, memo: dateMemo() };
    memos.set(db, cached);
  }
  return {
    session: rateSession({ calendar, rules, responseLimitDays: limit }, cached.memo),
    studios,
  };
}
