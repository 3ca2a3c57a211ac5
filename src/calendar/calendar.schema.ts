import { z } from '../shared/zod-messages';
import { yearOf } from './iso-date';
import { CALENDAR_DAY_KINDS, isIsoDate, isWeekend } from './working-calendar';

/**
 * Inputs of the calendar methods; browser-safe, so the settings form validates with the same
 * rules the core enforces.
 */

/** A real calendar date: 2026-02-30 and 2026-2-3 are refused. */
export const isoDateSchema = z.string().refine(isIsoDate, { error: 'validation.date' });

/** Years the center can plan in; wide enough for old cases, narrow enough to catch typos. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;
export const calendarYearSchema = z.int32().min(FIRST_YEAR).max(LAST_YEAR);

export const calendarListSchema = z.object({ year: calendarYearSchema });

export const calendarSetSchema = z
  .object({
    date: isoDateSchema,
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: z.string().trim().min(1).max(50),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.date)) return; // already reported
    const year = yearOf(v.date);
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      // 0226-10-01 is a real date but surely a typo for 2026.
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'validation.date' });
    }
    // A make-up working day on a Monday–Friday changes nothing; it is almost surely a wrong date.
    if (v.kind === 'workday' && !isWeekend(v.date)) {
      ctx.addIssue({
        code: 'custom',
        path: ['date'],
        message: 'validation.calendar.workdayOnWeekday',
      });
    }
  });
export type CalendarSetInput = z.input<typeof calendarSetSchema>;

export const calendarRemoveSchema = z.object({ date: isoDateSchema });
