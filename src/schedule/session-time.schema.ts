import { isIsoDate } from '../calendar/iso-date';
import { z } from '../shared/zod-messages';

/**
 * The time values of a session, shared by the core, the forms and the calendar: instants cross
 * the API as UTC (`…Z`), people read and type the center's wall time (China Standard Time).
 * CST is UTC+8 with no daylight saving (none since 1991), so wall time is a fixed shift and
 * these helpers are exact in any machine time zone.
 */
export const CENTER_OFFSET_MS = 8 * 3_600_000;
export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** A session may not last a whole day or more (DESIGN: zero or 24-hour-plus is bad input). */
export const MAX_SESSION_MS = DAY_MS;

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z$/;
/** Looks like a date-time, but written in another zone or none: ambiguous, so refused. */
const ZONED_OR_LOCAL = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?([+-]\d{2}:?\d{2})?$/;

/**
 * An instant as the API takes it: `YYYY-MM-DDTHH:mm[:ss[.sss]]Z`, a real calendar time, on a
 * whole minute. Output is the canonical `toISOString()` form the database stores and compares.
 */
export const instantSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined || issue.input === null
        ? 'validation.required'
        : 'validation.session.instant',
  })
  .transform((value, ctx) => {
    if (!UTC_INSTANT.test(value)) {
      const zoned = ZONED_OR_LOCAL.test(value);
      ctx.addIssue({
        code: 'custom',
        message: zoned ? 'validation.session.utcOnly' : 'validation.session.instant',
      });
      return z.NEVER;
    }
    const at = new Date(value);
    // Date accepts 2026-02-30T10:00Z by rolling over; the round trip catches it.
    const canonical = Number.isNaN(at.getTime()) ? '' : at.toISOString();
    if (canonical.slice(0, 16) !== value.slice(0, 16)) {
      ctx.addIssue({ code: 'custom', message: 'validation.session.instant' });
      return z.NEVER;
    }
    if (at.getTime() % MINUTE_MS !== 0) {
      ctx.addIssue({ code: 'custom', message: 'validation.session.wholeMinute' });
      return z.NEVER;
    }
    return canonical;
  });

/** A center date `YYYY-MM-DD`. */
export const dateSchema = z.string().refine(isIsoDate, { error: 'validation.date' });

/** A wall-clock time `HH:mm` (00:00–23:59). */
export const wallTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'validation.session.time' });

/** The center's date and wall time of an instant (ISO string or epoch ms). */
export function centerWallTime(at: string | number): { date: string; time: string } {
  const shifted = new Date((typeof at === 'number' ? at : Date.parse(at)) + CENTER_OFFSET_MS);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

/** Epoch ms of 00:00 at the center on `date`. */
export function centerDayStart(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`) - CENTER_OFFSET_MS;
}

/** The instant (canonical ISO) of a wall time on a center date. */
export function centerInstant(date: string, time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return new Date(centerDayStart(date) + (h * 60 + m) * MINUTE_MS).toISOString();
}

/** Minutes since the center's midnight of an instant (0–1439). */
export function centerMinuteOfDay(ms: number): number {
  return Math.floor(((((ms + CENTER_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

export function minutesLabel(minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${h}:${m}`;
}
