import dayjs from 'dayjs';
import { centerInstant, centerWallTime } from '../../src/schedule/session-time.schema';

/**
 * The calendar shows the center's wall time (Beijing), whatever the machine's time zone: the
 * @mantine/schedule views take naive `YYYY-MM-DD HH:mm:ss` strings, made here from UTC instants.
 */
export function toCalendar(iso: string): string {
  const { date, time } = centerWallTime(iso);
  return `${date} ${time}:00`;
}

export function fromCalendar(value: string): string {
  return centerInstant(value.slice(0, 10), value.slice(11, 16));
}

/** The current center wall time, for the calendar's "now" line. */
export function centerNow(): string {
  return toCalendar(new Date().toISOString());
}

/** Monday to Sunday of the week of `date`. */
export function weekOf(date: string): { from: string; to: string } {
  const d = dayjs(date);
  const monday = d.subtract((d.day() + 6) % 7, 'day');
  return { from: monday.format('YYYY-MM-DD'), to: monday.add(6, 'day').format('YYYY-MM-DD') };
}

/** "3月11日 周三 09:00–10:00" / "Wed 11 Mar 09:00–10:00" in the interface language. */
export function formatRange(start: string, end: string, lang: string): string {
  const from = centerWallTime(start);
  const to = centerWallTime(end);
  const day = dayjs(from.date).format(lang === 'en' ? 'ddd D MMM' : 'M月D日 ddd');
  const toDay =
    to.date === from.date ? '' : `${dayjs(to.date).format(lang === 'en' ? 'D MMM' : 'M月D日')} `;
  return `${day} ${from.time}–${toDay}${to.time}`;
}
