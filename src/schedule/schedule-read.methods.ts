import { defineMethod } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { addCalendarDays } from '../calendar/working-calendar';
import { assertStudioAccess } from '../cases/case-access';
import { findCase } from '../cases/case.repository';
import { z } from '../shared/zod-messages';
import { checkRoom, checkStaff } from './booking.service';
import { describeOccupants, loadWorkingHours, warningsFor } from './conflicts.service';
import { findFreeSlots } from './free-slots';
import { busyRanges, findOccupants } from './occupancy.repository';
import { findStudioKind, listStudioRooms } from './references.repository';
import { ARRANGERS, assertMay, mayArrange, maySee, visibleStudioIds } from './session-access';
import { findSessionDetail, listSessions } from './session-list.repository';
import { findPostponedFrom, listParticipants, listPeopleNames } from './session.repository';
import {
  caseSessionsSchema,
  checkConflictsSchema,
  listSessionsSchema,
  nextFreeSlotsSchema,
  sessionIdSchema,
} from './session.schema';
import {
  centerDayStart,
  centerInstant,
  centerMinuteOfDay,
  centerWallTime,
  DAY_MS,
  MINUTE_MS,
  minutesLabel,
} from './session-time.schema';
import { sessionDetailView, sessionSummaryViews } from './session-view';

export const scheduleReadMethods = {
  /** The calendar: day view (rooms), week views (studio, staff member, room), agenda. */
  'schedule/list': defineMethod({
    input: listSessionsSchema,
    access: 'signedIn',
    write: false,
    summary: 'Sessions between two center dates, by studio, room or staff member',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      if (input.studioId !== undefined) assertMay(maySee(caller, input.studioId));
      const sessions = await listSessions(ctx.db, {
        fromAt: centerInstant(input.from, '00:00'),
        toAt: new Date(centerDayStart(input.to) + DAY_MS).toISOString(),
        visibleStudioIds: visibleStudioIds(caller),
        studioId: input.studioId,
        roomId: input.roomId,
        staffId: input.staffId,
        statuses: input.statuses,
      });
      // The calendar shows who is invited; the staff of each session are read when it is opened.
      const people = await listPeopleNames(
        ctx.db,
        sessions.map((s) => s.id),
        { withStaff: false },
      );
      return sessionSummaryViews(sessions, people, caller, ctx.now);
    },
  }),

  'schedule/get': defineMethod({
    input: sessionIdSchema,
    access: 'signedIn',
    write: false,
    summary: 'One session with its people, record and postponement links',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await findSessionDetail(ctx.db, input.id);
      if (s === null) {
        throw new AppError('NOT_FOUND', 'error.session.notFound', undefined, { id: input.id });
      }
      assertMay(maySee(caller, s.studioId));
      const view = sessionDetailView(s, await listParticipants(ctx.db, [s.id]), caller, ctx.now);
      return { ...view, postponedFromId: await findPostponedFrom(ctx.db, s.id) };
    },
  }),

  /** The case page's sessions tab: every session of the case, whichever studio holds it. */
  'schedule/ofCase': defineMethod({
    input: caseSessionsSchema,
    access: 'signedIn',
    write: false,
    summary: 'All sessions of a case, in time order',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const c = await findCase(ctx.db, input.caseId);
      if (c === null) {
        throw new AppError('NOT_FOUND', 'error.caseNotFound', undefined, { id: input.caseId });
      }
      assertStudioAccess(caller, c.studioId);
      const sessions = await listSessions(ctx.db, { caseId: c.id });
      const people = await listPeopleNames(
        ctx.db,
        sessions.map((s) => s.id),
        { withStaff: true },
      );
      return sessionSummaryViews(sessions, people, caller, ctx.now);
    },
  }),

  /** Live conflicts and warnings for the session form; writes nothing. */
  'schedule/checkConflicts': defineMethod({
    input: checkConflictsSchema,
    access: ARRANGERS,
    write: false,
    summary: 'Hard conflicts (room, staff, party) and warnings for a planned session',
    handler: async (ctx, input) => {
      const occupants = await findOccupants(ctx.db, {
        roomId: input.roomId,
        staffIds: input.staffIds,
        partyIds: input.partyIds,
        startsAt: input.start,
        endsAt: input.end,
        excludeSessionId: input.sessionId,
      });
      const range = { start: Date.parse(input.start), end: Date.parse(input.end) };
      return {
        conflicts: await describeOccupants(ctx.db, occupants, ctx.caller()),
        warnings: await warningsFor(ctx.db, range, ctx.now),
      };
    },
  }),

  /** 下一个空闲时段 for the chosen people, duration and studio. */
  'schedule/nextFreeSlots': defineMethod({
    input: nextFreeSlotsSchema,
    access: ARRANGERS,
    write: false,
    summary: 'Earliest starts within N working days when all people and a room are free',
    handler: async (ctx, input) => {
      if ((await findStudioKind(ctx.db, input.studioId)) === null) {
        throw fieldError('studioId', 'validation.studio.unknown');
      }
      assertMay(mayArrange(ctx.caller(), input.studioId));
      await checkStaff(ctx.db, input.staffIds);
      const rooms =
        input.roomId === undefined
          ? await listStudioRooms(ctx.db, input.studioId)
          : [await checkRoom(ctx.db, input.roomId, input.studioId)];
      const calendar = await loadWorkingCalendar(ctx.db);
      const periods = await loadWorkingHours(ctx.db);
      const now = ctx.now.getTime();
      const notBefore = Math.max(input.from === undefined ? now : Date.parse(input.from), now);
      // A day whose working hours are already over does not count as one of the N days.
      const today = centerWallTime(notBefore).date;
      const closing = Math.max(...periods.map((p) => p.end));
      const over = centerMinuteOfDay(notBefore) >= closing;
      const days = [calendar.firstWorkingDayFrom(over ? addCalendarDays(today, 1) : today)];
      while (days.length < input.withinWorkingDays) {
        days.push(calendar.addWorkingDays(days.at(-1) ?? '', 1));
      }
      const window = {
        startsAt: new Date(notBefore).toISOString(),
        endsAt: new Date(centerDayStart(days.at(-1) ?? '') + DAY_MS).toISOString(),
      };
      const exclude = input.excludeSessionId;
      const staff = await busyRanges(ctx.db, 'staff', input.staffIds, window, exclude);
      const parties = await busyRanges(ctx.db, 'party', input.partyIds, window, exclude);
      const roomIds = rooms.map((r) => r.id);
      const roomBusy = await busyRanges(ctx.db, 'room', roomIds, window, exclude);
      const slots = findFreeSlots({
        days,
        periods,
        durationMs: input.durationMinutes * MINUTE_MS,
        notBefore,
        people: [...staff.values(), ...parties.values()].flat(),
        rooms: rooms.map((r) => ({ id: r.id, busy: roomBusy.get(r.id) ?? [] })),
        limit: input.limit,
      });
      return slots.map((slot) => {
        const room = rooms.find((r) => r.id === slot.roomId);
        return {
          start: new Date(slot.start).toISOString(),
          end: new Date(slot.end).toISOString(),
          roomId: slot.roomId,
          roomNameZh: room?.nameZh ?? '',
          roomNameEn: room?.nameEn ?? '',
        };
      });
    },
  }),

  'schedule/workingHours': defineMethod({
    input: z.object({}),
    access: 'signedIn',
    write: false,
    summary: "The center's working hours and today's date, for the calendar",
    handler: async (ctx) => ({
      periods: (await loadWorkingHours(ctx.db)).map((p) => ({
        start: minutesLabel(p.start),
        end: minutesLabel(p.end),
      })),
      today: centerWallTime(ctx.now.getTime()).date,
    }),
  }),
};
