import type { Database } from '../db/database';
import {
  CALENDAR_DAY_KINDS,
  createWorkingCalendar,
  type CalendarDayKind,
  type CalendarEntry,
  type WorkingCalendar,
} from './working-calendar';

/**
 * SQL for calendar_days. Deliberately no cache: the table holds ~40 rows a year, one indexed
 * read costs well under a millisecond, and with a PostgreSQL server shared by every workstation
 * (DESIGN §2) an in-process cache would keep serving a holiday another workstation's admin had
 * just changed. Reading through the caller's `db` also means a write method that computes a
 * deadline sees the calendar of its own transaction.
 */

interface CalendarDayRow {
  date: string;
  kind: string;
  name: string;
}

function toEntry(row: CalendarDayRow): CalendarEntry {
  if (!(CALENDAR_DAY_KINDS as readonly string[]).includes(row.kind)) {
    // The table has a CHECK on kind; a row that slips past it is corruption, not input.
    throw new Error(`calendar_days ${row.date} has unknown kind ${row.kind}`);
  }
  return { date: row.date, kind: row.kind as CalendarDayKind, name: row.name };
}

export async function loadCalendarEntries(db: Database): Promise<CalendarEntry[]> {
  const rows = await db.selectFrom('calendarDays').selectAll().orderBy('date').execute();
  return rows.map(toEntry);
}

/** The calendar as stored now: what deadlines are computed on. */
export async function loadWorkingCalendar(db: Database): Promise<WorkingCalendar> {
  return createWorkingCalendar(await loadCalendarEntries(db));
}

export async function listCalendarYear(db: Database, year: number): Promise<CalendarEntry[]> {
  // Dates are YYYY-MM-DD text, so a year is a string range; the primary key index serves it.
  const rows = await db
    .selectFrom('calendarDays')
    .selectAll()
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .orderBy('date')
    .execute();
  return rows.map(toEntry);
}

export async function findCalendarDay(
  db: Database,
  date: string,
): Promise<CalendarEntry | undefined> {
  const row = await db
    .selectFrom('calendarDays')
    .selectAll()
    .where('date', '=', date)
    .executeTakeFirst();
  return row === undefined ? undefined : toEntry(row);
}

/** Inserts or replaces the entry of its date. */
export async function upsertCalendarDay(db: Database, entry: CalendarEntry): Promise<void> {
  await db
    .insertInto('calendarDays')
    .values({ date: entry.date, kind: entry.kind, name: entry.name })
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: entry.kind, name: entry.name }))
    .execute();
}

/** True when a row was deleted. */
export async function deleteCalendarDay(db: Database, date: string): Promise<boolean> {
  const result = await db.deleteFrom('calendarDays').where('date', '=', date).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
