import { defineMethod } from '../api/method';
import { recordEvent, step } from '../cases/lifecycle.service';
import {
  checkKind,
  checkParties,
  checkRoom,
  checkStaff,
  loadOpenCase,
  loadScheduled,
  rangeOf,
  saveNew,
  type Plan,
} from './booking.service';
import { assertAccepted, assertFree, warningsFor } from './conflicts.service';
import { occupy, release } from './occupancy.repository';
import { ARRANGERS, assertMay, mayArrange } from './session-access';
import {
  createSessionSchema,
  moveSessionSchema,
  postponeSessionSchema,
  updateSessionSchema,
} from './session.schema';
import {
  participantIds,
  replaceParticipants,
  updateSessionVersioned,
  type SessionRow,
} from './session.repository';

const planOf = (s: SessionRow, people: { staffIds: number[]; partyIds: number[] }): Plan => ({
  caseId: s.caseId,
  caseNumber: s.caseNumber,
  studioId: s.studioId,
  roomId: s.roomId,
  kind: s.kind,
  staffIds: people.staffIds,
  partyIds: people.partyIds,
  startsAt: s.startsAt,
  endsAt: s.endsAt,
  notes: s.notes,
});

/**
 * Booking and rescheduling. Each runs in the call's immediate transaction: the conflict check
 * and the write that depends on it cannot be split by another workstation's booking.
 */
export const bookingMethods = {
  'schedule/create': defineMethod({
    input: createSessionSchema,
    access: ARRANGERS,
    write: true,
    summary: 'Book a session of a case: room, staff, parties, times; refuses conflicts (CONFLICT)',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const c = await loadOpenCase(ctx.db, input.caseId);
      assertMay(mayArrange(caller, c.studioId));
      const room = await checkRoom(ctx.db, input.roomId, c.studioId);
      checkKind(input.kind, room);
      await checkStaff(ctx.db, input.staffIds);
      await checkParties(ctx.db, c.id, input.partyIds);
      const plan: Plan = {
        caseId: c.id,
        caseNumber: c.number,
        studioId: c.studioId,
        roomId: room.id,
        kind: input.kind,
        staffIds: input.staffIds,
        partyIds: input.partyIds,
        startsAt: input.start,
        endsAt: input.end,
        notes: input.notes,
      };
      await assertFree(ctx.db, plan, caller);
      const warnings = await warningsFor(ctx.db, rangeOf(plan), ctx.now);
      assertAccepted(warnings, input.acceptWarnings);
      const id = await saveNew(ctx, plan);
      await ctx.audit({ entity: 'session', entityId: id, after: { ...plan, warnings } });
      return { id, version: 1, warnings };
    },
  }),

  'schedule/update': defineMethod({
    input: updateSessionSchema,
    access: ARRANGERS,
    write: true,
    summary: 'Edit a scheduled session (kind, room, people, times, notes)',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await loadScheduled(ctx.db, input.id, input.version, 'edit', (x) =>
        mayArrange(caller, x.studioId),
      );
      const room = await checkRoom(ctx.db, input.roomId, s.studioId);
      checkKind(input.kind, room);
      await checkStaff(ctx.db, input.staffIds);
      await checkParties(ctx.db, s.caseId, input.partyIds);
      const before = planOf(s, await participantIds(ctx.db, s.id));
      const plan: Plan = {
        ...before,
        kind: input.kind,
        roomId: room.id,
        staffIds: input.staffIds,
        partyIds: input.partyIds,
        startsAt: input.start,
        endsAt: input.end,
        notes: input.notes,
      };
      await assertFree(ctx.db, plan, caller, s.id);
      const warnings = await warningsFor(ctx.db, rangeOf(plan), ctx.now);
      assertAccepted(warnings, input.acceptWarnings);
      const version = await updateSessionVersioned(
        ctx.db,
        s.id,
        s.version,
        {
          kind: plan.kind,
          roomId: plan.roomId,
          startsAt: plan.startsAt,
          endsAt: plan.endsAt,
          notes: plan.notes,
        },
        ctx.now.toISOString(),
      );
      await replaceParticipants(ctx.db, s.id, plan.staffIds, plan.partyIds);
      await occupy(ctx.db, s.id, plan);
      await ctx.audit({ entity: 'session', entityId: s.id, before, after: { ...plan, warnings } });
      return { id: s.id, version, warnings };
    },
  }),

  /** Drag to move or resize in the calendar. */
  'schedule/move': defineMethod({
    input: moveSessionSchema,
    access: ARRANGERS,
    write: true,
    summary: 'Move or resize a scheduled session, optionally into another room of its studio',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await loadScheduled(ctx.db, input.id, input.version, 'move', (x) =>
        mayArrange(caller, x.studioId),
      );
      const room = await checkRoom(ctx.db, input.roomId ?? s.roomId, s.studioId);
      const before = planOf(s, await participantIds(ctx.db, s.id));
      const plan: Plan = { ...before, roomId: room.id, startsAt: input.start, endsAt: input.end };
      await assertFree(ctx.db, plan, caller, s.id);
      const warnings = await warningsFor(ctx.db, rangeOf(plan), ctx.now);
      assertAccepted(warnings, input.acceptWarnings);
      const version = await updateSessionVersioned(
        ctx.db,
        s.id,
        s.version,
        { roomId: plan.roomId, startsAt: plan.startsAt, endsAt: plan.endsAt },
        ctx.now.toISOString(),
      );
      await occupy(ctx.db, s.id, plan);
      const moved = { roomId: plan.roomId, startsAt: plan.startsAt, endsAt: plan.endsAt };
      await ctx.audit({
        entity: 'session',
        entityId: s.id,
        before: { roomId: s.roomId, startsAt: s.startsAt, endsAt: s.endsAt },
        after: { ...moved, warnings },
      });
      return { id: s.id, version, warnings };
    },
  }),

  /** 改期: the session is kept as postponed, linked to the new one that replaces it. */
  'schedule/postpone': defineMethod({
    input: postponeSessionSchema,
    access: ARRANGERS,
    write: true,
    summary: 'Postpone a scheduled session to a new time; returns the new session',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await loadScheduled(ctx.db, input.id, input.version, 'postpone', (x) =>
        mayArrange(caller, x.studioId),
      );
      const room = await checkRoom(ctx.db, input.roomId ?? s.roomId, s.studioId);
      const before = planOf(s, await participantIds(ctx.db, s.id));
      const plan: Plan = { ...before, roomId: room.id, startsAt: input.start, endsAt: input.end };
      // The old session gives up its hold first: the new time may overlap the old one.
      await release(ctx.db, s.id);
      await assertFree(ctx.db, plan, caller);
      const warnings = await warningsFor(ctx.db, rangeOf(plan), ctx.now);
      assertAccepted(warnings, input.acceptWarnings);
      const at = ctx.now.toISOString();
      const id = await saveNew(ctx, plan);
      await updateSessionVersioned(
        ctx.db,
        s.id,
        s.version,
        {
          status: 'postponed',
          statusReason: input.reason,
          postponedToId: id,
          statusAt: at,
          statusBy: caller.staffId,
        },
        at,
      );
      if (s.caseId !== null) {
        await recordEvent(step(ctx), s.caseId, 'sessionPostponed', {
          sessionId: s.id,
          to: id,
          reason: input.reason,
        });
      }
      await ctx.audit({
        entity: 'session',
        entityId: s.id,
        before: { status: 'scheduled' },
        after: { status: 'postponed', reason: input.reason, postponedToId: id },
      });
      await ctx.audit({ entity: 'session', entityId: id, after: { ...plan, postponedFrom: s.id } });
      return { id, version: 1, postponedFromId: s.id, warnings };
    },
  }),
};
