/** The center keeps China Standard Time, whatever the machine's time zone. */
export const CENTER_TIME_ZONE = 'Asia/Shanghai';

/** The center's calendar date of an instant, as YYYY-MM-DD. */
export function centerDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CENTER_TIME_ZONE }).format(at);
}
