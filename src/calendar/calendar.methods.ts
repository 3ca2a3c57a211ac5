import { defineMethod } from '../api/method';
import { refreshOpenDeadlines } from '../cases/case-deadline.service';
import { AppError } from '../api/result';
import {
  deleteCalendarDay,
  findCalendarDay,
  listCalendarYear,
  upsertCalendarDay,
} from './calendar.repository';
import { calendarListSchema, calendarRemoveSchema, calendarSetSchema } from './calendar.schema';

/** Settings → Calendar: holidays and make-up working days (节假日与调休), year by year. */
export const calendarMethods = {
  'calendar/list': defineMethod({
    input: calendarListSchema,
    access: 'signedIn',
    write: false,
    summary: "A year's holidays and make-up working days, and whether the year is configured",
    handler: async (ctx, input) => {
      const entries = await listCalendarYear(ctx.db, input.year);
      // A year with no holiday is one whose schedule nobody has entered yet (no year has none):
      // deadlines in it fall back to Monday–Friday, and the UI says so.
      const configured = entries.some((e) => e.kind === 'holiday');
      return { year: input.year, configured, entries };
    },
  }),

  'calendar/set': defineMethod({
    input: calendarSetSchema,
    access: ['admin'],
    write: true,
    summary: 'Add or change the holiday or make-up working day on a date',
    handler: async (ctx, input) => {
      const before = await findCalendarDay(ctx.db, input.date);
      const entry = { date: input.date, kind: input.kind, name: input.name };
      await upsertCalendarDay(ctx.db, entry);
      await refreshOpenDeadlines(ctx.db, ctx.now);
      await ctx.audit({ entity: 'calendar_day', entityId: input.date, before, after: entry });
      return entry;
    },
  }),

  'calendar/remove': defineMethod({
    input: calendarRemoveSchema,
    access: ['admin'],
    write: true,
    summary: 'Make a date an ordinary day again',
    handler: async (ctx, input) => {
      const before = await findCalendarDay(ctx.db, input.date);
      if (before === undefined || !(await deleteCalendarDay(ctx.db, input.date))) {
        throw new AppError('NOT_FOUND', 'validation.calendar.notFound', undefined, {
          date: input.date,
        });
      }
      await refreshOpenDeadlines(ctx.db, ctx.now);
      await ctx.audit({ entity: 'calendar_day', entityId: input.date, before });
      return { date: input.date };
    },
  }),
};
