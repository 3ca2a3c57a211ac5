import { getFestival, isAddtionalWorkday, isWorkday } from 'chinese-workday';
import { addCalendarDays } from '../../../src/calendar/iso-date';
import {
  createWorkingCalendar,
  type CalendarEntry,
  type WorkingCalendar,
} from '../../../src/calendar/working-calendar';

/**
 * The State Council's schedule for a year as chinese-workday carries it, read through the
 * package's own API (not copied), so the migration's literal rows can be checked against it.
 */
export function packageEntries(year: number): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addCalendarDays(d, 1)) {
    const name = getFestival(d);
    if (isAddtionalWorkday(d)) entries.push({ date: d, kind: 'workday', name });
    // The package names ordinary days 工作日 and plain weekends 周末; anything else is a break.
    else if (!isWorkday(d) && name !== '周末') entries.push({ date: d, kind: 'holiday', name });
  }
  return entries;
}

/** 2026 as published (国办发明电〔2025〕7号). */
export function official2026(): WorkingCalendar {
  return createWorkingCalendar(packageEntries(2026));
}
