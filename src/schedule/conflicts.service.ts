import type { Caller } from '../api/method';
import { AppError } from '../api/result';
import { findCalendarDay } from '../calendar/calendar.repository';
import { createWorkingCalendar, type CalendarEntry } from '../calendar/working-calendar';
import type { Database } from '../db/database';
import { LOCALES, type Locale } from '../shared/messages';
import { getSetting } from '../settings/settings.repository';
import { findOccupants, type Booking, type Occupant } from './occupancy.repository';
import { partyNames, staffNames } from './references.repository';
import { maySee } from './session-access';
import { listSessions } from './session-list.repository';
import { conflictResourceLabels, sessionKindLabels, warningText } from './session.labels';
import type { ConflictResource, SessionKind, SessionWarning } from './session.schema';
import { sessionWarnings, type Interval } from './session-rules';
import { centerWallTime } from './session-time.schema';
import { parseWorkingHours, type WorkingPeriod } from './working-hours';

export async function loadWorkingHours(db: Database): Promise<readonly WorkingPeriod[]> {
  return parseWorkingHours(await getSetting(db, 'schedule.workingHours'));
}

/** One hard conflict, named so the person booking knows what is in the way. */
export interface Conflict {
  readonly resource: ConflictResource;
  readonly resourceId: number;
  readonly resourceName: string;
  readonly session: {
    readonly id: number;
    readonly kind: SessionKind;
    readonly start: string;
    readonly end: string;
    readonly roomNameZh: string;
    readonly roomNameEn: string;
    /** Shown only when the caller sees the other session's studio. */
    readonly caseNumber: string | null;
  };
}

export async function describeOccupants(
  db: Database,
  occupants: readonly Occupant[],
  caller: Caller,
): Promise<Conflict[]> {
  if (occupants.length === 0) return [];
  const ids = [...new Set(occupants.map((o) => o.sessionId))];
  const sessions = new Map(
    (await listSessions(db, { sessionIds: ids })).map((s) => [s.id, s] as const),
  );
  const staff = await staffNames(
    db,
    occupants.filter((o) => o.resource === 'staff').map((o) => o.resourceId),
  );
  const parties = await partyNames(
    db,
    occupants.filter((o) => o.resource === 'party').map((o) => o.resourceId),
  );
  const conflicts: Conflict[] = [];
  for (const o of occupants) {
    const s = sessions.get(o.sessionId);
    if (s === undefined) continue;
    const resourceName =
      o.resource === 'room'
        ? s.roomNameZh
        : ((o.resource === 'staff' ? staff : parties).get(o.resourceId) ?? `#${o.resourceId}`);
    conflicts.push({
      resource: o.resource,
      resourceId: o.resourceId,
      resourceName,
      session: {
        id: s.id,
        kind: s.kind,
        start: s.startsAt,
        end: s.endsAt,
        roomNameZh: s.roomNameZh,
        roomNameEn: s.roomNameEn,
        caseNumber: maySee(caller, s.studioId) ? s.caseNumber : null,
      },
    });
  }
  return conflicts;
}

const perLocale = (text: (locale: Locale) => string) =>
  Object.fromEntries(LOCALES.map((l) => [l, text(l)])) as Record<Locale, string>;

/**
 * CONFLICT naming what is taken and the other session, in one sentence (the form's live check
 * has already shown the same conflicts field by field).
 */
export function conflictError(c: Conflict): AppError {
  const { date, time: from } = centerWallTime(c.session.start);
  const to = centerWallTime(c.session.end).time;
  return new AppError('CONFLICT', 'error.session.conflict', undefined, {
    who: perLocale((l) => {
      const name = c.resource === 'room' ? roomName(c, l) : c.resourceName;
      return l === 'zh-CN'
        ? `${conflictResourceLabels[c.resource][l]}“${name}”`
        : `${conflictResourceLabels[c.resource][l]} “${name}”`;
    }),
    other: perLocale((l) =>
      [
        `#${c.session.id}`,
        sessionKindLabels[c.session.kind][l],
        `${date} ${from}–${to}`,
        roomName(c, l),
        ...(c.session.caseNumber === null ? [] : [c.session.caseNumber]),
      ].join(l === 'zh-CN' ? '，' : ', '),
    ),
  });
}

const roomName = (c: Conflict, l: Locale) =>
  l === 'zh-CN' ? c.session.roomNameZh : c.session.roomNameEn;

/** Refuses the booking with CONFLICT when anything it needs is taken at that time. */
export async function assertFree(
  db: Database,
  booking: Booking,
  caller: Caller,
  excludeSessionId?: number,
): Promise<void> {
  const occupants = await findOccupants(db, { ...booking, excludeSessionId });
  const first = (await describeOccupants(db, occupants.slice(0, 1), caller))[0];
  if (first !== undefined) throw conflictError(first);
}

/**
 * The warnings of one range. Only the calendar entries of the dates it touches are read: a
 * date's own entry is all that decides whether it is a working day.
 */
export async function warningsFor(
  db: Database,
  range: Interval,
  now: Date,
): Promise<SessionWarning[]> {
  const entries: CalendarEntry[] = [];
  for (const date of new Set([
    centerWallTime(range.start).date,
    centerWallTime(range.end - 1).date,
  ])) {
    const entry = await findCalendarDay(db, date);
    if (entry !== undefined) entries.push(entry);
  }
  return sessionWarnings(
    range,
    now.getTime(),
    createWorkingCalendar(entries),
    await loadWorkingHours(db),
  );
}

/**
 * Warnings go ahead only when the caller has seen and accepted them; otherwise the save is
 * refused (nothing written) with the warnings named, and the form asks for the confirmation.
 */
export function assertAccepted(warnings: readonly SessionWarning[], accepted: boolean): void {
  if (warnings.length === 0 || accepted) return;
  throw new AppError(
    'VALIDATION',
    'error.session.warnings',
    { acceptWarnings: 'validation.session.confirmWarnings' },
    {
      warnings: perLocale((l) =>
        warnings.map((w) => warningText(w, l)).join(l === 'zh-CN' ? '；' : '; '),
      ),
    },
  );
}
