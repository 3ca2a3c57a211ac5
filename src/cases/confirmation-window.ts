import { addCalendarDays, type WorkingCalendar } from '../calendar/working-calendar';

/** Parties may apply jointly for judicial confirmation within 30 days of the agreement taking effect. */
export const CONFIRMATION_WINDOW_DAYS = 30;
/** "Closing in": the case page and the linking action warn this many days before the end. */
export const CONFIRMATION_WARN_DAYS = 5;

/**
 * The window's last day: 30 days after the agreement took effect (that day not counted), moved
 * to the next working day when it falls on a rest day, as periods in law are.
 */
export function confirmationWindow(effectiveOn: string, today: string, calendar: WorkingCalendar) {
  const endsOn = calendar.firstWorkingDayFrom(
    addCalendarDays(effectiveOn, CONFIRMATION_WINDOW_DAYS),
  );
  const warnFrom = addCalendarDays(endsOn, -CONFIRMATION_WARN_DAYS);
  const state = today > endsOn ? 'past' : today >= warnFrom ? 'closing' : 'open';
  return { endsOn, state } as const;
}
