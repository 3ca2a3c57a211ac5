import { defineMethod } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { recordEvent, step } from '../cases/lifecycle.service';
import {
  checkParties,
  checkStaff,
  loadOpenCase,
  loadScheduled,
  rangeOf,
  saveNew,
  type Plan,
} from './booking.service';
import { assertAccepted, assertFree, warningsFor } from './conflicts.service';
import { occupy } from './occupancy.repository';
import { findRoom } from './references.repository';
import { ARRANGERS, assertMay, mayArrange } from './session-access';
import { bookReceptionSlotSchema, openReceptionSlotsSchema } from './session.schema';
import type { SessionWarning } from './session.schema';
import { centerInstant, MINUTE_MS } from './session-time.schema';
import { participantIds, replaceParticipants, updateSessionVersioned } from './session.repository';

const warningKey = (w: SessionWarning) => `${w.code}:${'date' in w ? w.date : ''}`;

/**
 * 领导接访: a leading cadre's reception day is a row of open slots (sessions of kind
 * leader_reception with no case yet) in a room of the letters-and-visits studio; reception then
 * books petitioners' cases into them, checked for conflicts like any booking.
 */
export const receptionDayMethods = {
  'schedule/openReceptionSlots': defineMethod({
    input: openReceptionSlotsSchema,
    access: ARRANGERS,
    write: true,
    summary: "Open a leader's reception slots on a date in a letters-and-visits room",
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const room = await findRoom(ctx.db, input.roomId);
      if (room === null || !room.active)
        throw fieldError('roomId', 'validation.session.roomUnknown');
      if (room.studioKind !== 'petition') {
        throw fieldError('roomId', 'validation.session.roomNotPetition');
      }
      assertMay(mayArrange(caller, room.studioId));
      await checkStaff(ctx.db, [input.leaderStaffId], 'leaderStaffId');
      const first = Date.parse(centerInstant(input.date, input.firstStart));
      const plans: Plan[] = Array.from({ length: input.count }, (_, i) => ({
        caseId: null,
        caseNumber: null,
        studioId: room.studioId,
        roomId: room.id,
        kind: 'leader_reception',
        staffIds: [input.leaderStaffId],
        partyIds: [],
        startsAt: new Date(first + i * input.slotMinutes * MINUTE_MS).toISOString(),
        endsAt: new Date(first + (i + 1) * input.slotMinutes * MINUTE_MS).toISOString(),
        notes: input.notes,
      }));
      const warnings = new Map<string, SessionWarning>();
      for (const plan of plans) {
        await assertFree(ctx.db, plan, caller);
        for (const w of await warningsFor(ctx.db, rangeOf(plan), ctx.now)) {
          warnings.set(warningKey(w), w);
        }
      }
      assertAccepted([...warnings.values()], input.acceptWarnings);
      const ids: number[] = [];
      for (const plan of plans) ids.push(await saveNew(ctx, plan));
      await ctx.audit({
        entity: 'session',
        entityId: null,
        after: { receptionDay: input.date, leaderStaffId: input.leaderStaffId, ids },
      });
      return { ids, warnings: [...warnings.values()] };
    },
  }),

  'schedule/bookReceptionSlot': defineMethod({
    input: bookReceptionSlotSchema,
    access: ARRANGERS,
    write: true,
    summary: "Book a petitioner's case into an open leader's reception slot",
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await loadScheduled(ctx.db, input.id, input.version, 'book', (x) =>
        mayArrange(caller, x.studioId),
      );
      if (s.kind !== 'leader_reception') {
        throw new AppError('INVALID_TRANSITION', 'error.session.notReceptionSlot');
      }
      if (s.caseId !== null) throw new AppError('CONFLICT', 'error.session.slotTaken');
      // Petitioners come about matters registered in any studio: any open case may be booked.
      const c = await loadOpenCase(ctx.db, input.caseId);
      await checkParties(ctx.db, c.id, input.partyIds);
      const { staffIds } = await participantIds(ctx.db, s.id);
      const booking = {
        roomId: s.roomId,
        staffIds,
        partyIds: input.partyIds,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
      };
      await assertFree(ctx.db, booking, caller, s.id);
      const at = ctx.now.toISOString();
      const version = await updateSessionVersioned(
        ctx.db,
        s.id,
        s.version,
        { caseId: c.id, caseNumber: c.number },
        at,
      );
      await replaceParticipants(ctx.db, s.id, staffIds, input.partyIds);
      await occupy(ctx.db, s.id, booking);
      await recordEvent(step(ctx), c.id, 'sessionScheduled', {
        sessionId: s.id,
        kind: s.kind,
        start: s.startsAt,
        end: s.endsAt,
      });
      await ctx.audit({
        entity: 'session',
        entityId: s.id,
        before: { caseId: null },
        after: { caseId: c.id, partyIds: input.partyIds },
      });
      return { id: s.id, version };
    },
  }),
};
