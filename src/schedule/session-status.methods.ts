import { defineMethod, type HandlerContext } from '../api/method';
import { fieldError } from '../api/validation';
import { canTransition } from '../cases/case-lifecycle';
import { findCase } from '../cases/case.repository';
import type { CaseStatus } from '../cases/case.schema';
import { updateCaseVersioned } from '../cases/lifecycle.repository';
import { recordEvent, step } from '../cases/lifecycle.service';
import { assertStarted, loadScheduled } from './booking.service';
import { release } from './occupancy.repository';
import { ARRANGERS, mayArrange, mayRecord, RECORDERS } from './session-access';
import { cancelSessionSchema, markHeldSchema, noShowSchema } from './session.schema';
import {
  participantIds,
  recordAttendance,
  updateSessionVersioned,
  type SessionRow,
} from './session.repository';

function assertSubset(ids: readonly number[], of: readonly number[], field: string): void {
  if (ids.some((id) => !of.includes(id)))
    throw fieldError(field, 'validation.session.notInSession');
}

/**
 * The first held mediation session of an accepted case starts its mediation (DESIGN §4:
 * accepted → in_mediation, "first session held"): the same transition, versioned update and
 * timeline entry as cases/startMediation, inside this call's transaction. The session's own
 * access rule (the studio's mediator or clerk) has already authorised the caller.
 */
async function startMediationOnFirstHeld(
  ctx: HandlerContext,
  s: SessionRow,
): Promise<CaseStatus | null> {
  if (s.caseId === null) return null;
  const c = await findCase(ctx.db, s.caseId);
  if (c === null) return null;
  if (s.kind !== 'mediation' || !canTransition(c.status, 'startMediation')) return c.status;
  const at = ctx.now.toISOString();
  await updateCaseVersioned(
    ctx.db,
    c.id,
    c.version,
    { status: 'in_mediation', mediationStartedAt: at },
    at,
  );
  await recordEvent(step(ctx), c.id, 'mediationStarted', { sessionId: s.id });
  await ctx.audit({
    entity: 'case',
    entityId: c.id,
    before: { status: c.status },
    after: { status: 'in_mediation', sessionId: s.id },
  });
  return 'in_mediation';
}

/** Recording what happened to a scheduled session: held, cancelled, or someone did not come. */
export const sessionStatusMethods = {
  'schedule/markHeld': defineMethod({
    input: markHeldSchema,
    access: RECORDERS,
    write: true,
    summary: 'Mark a session held with its record and who attended; may start the mediation',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await loadScheduled(ctx.db, input.id, input.version, 'hold', (x) =>
        mayRecord(caller, x.studioId),
      );
      assertStarted(s, ctx.now, 'hold');
      const people = await participantIds(ctx.db, s.id);
      assertSubset(input.attendedStaffIds, people.staffIds, 'attendedStaffIds');
      assertSubset(input.attendedPartyIds, people.partyIds, 'attendedPartyIds');
      const at = ctx.now.toISOString();
      const version = await updateSessionVersioned(
        ctx.db,
        s.id,
        s.version,
        { status: 'held', record: input.record, statusAt: at, statusBy: caller.staffId },
        at,
      );
      const attended = { staffIds: input.attendedStaffIds, partyIds: input.attendedPartyIds };
      await recordAttendance(ctx.db, s.id, attended);
      if (s.caseId !== null) {
        await recordEvent(step(ctx), s.caseId, 'sessionHeld', { sessionId: s.id, kind: s.kind });
      }
      const caseStatus = await startMediationOnFirstHeld(ctx, s);
      await ctx.audit({
        entity: 'session',
        entityId: s.id,
        before: { status: 'scheduled' },
        after: { status: 'held', record: input.record, ...attended },
      });
      return { id: s.id, version, caseStatus };
    },
  }),

  'schedule/cancel': defineMethod({
    input: cancelSessionSchema,
    access: ARRANGERS,
    write: true,
    summary: 'Cancel a scheduled session with the reason; frees its room and people',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await loadScheduled(ctx.db, input.id, input.version, 'cancel', (x) =>
        mayArrange(caller, x.studioId),
      );
      const at = ctx.now.toISOString();
      const version = await updateSessionVersioned(
        ctx.db,
        s.id,
        s.version,
        { status: 'cancelled', statusReason: input.reason, statusAt: at, statusBy: caller.staffId },
        at,
      );
      await release(ctx.db, s.id);
      if (s.caseId !== null) {
        await recordEvent(step(ctx), s.caseId, 'sessionCancelled', {
          sessionId: s.id,
          reason: input.reason,
        });
      }
      await ctx.audit({
        entity: 'session',
        entityId: s.id,
        before: { status: 'scheduled' },
        after: { status: 'cancelled', reason: input.reason },
      });
      return { id: s.id, version };
    },
  }),

  /** 缺席: the session could not be held because these parties did not come. */
  'schedule/markNoShow': defineMethod({
    input: noShowSchema,
    access: RECORDERS,
    write: true,
    summary: 'Record that a session was not held because parties did not come (who)',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const s = await loadScheduled(ctx.db, input.id, input.version, 'noShow', (x) =>
        mayRecord(caller, x.studioId),
      );
      assertStarted(s, ctx.now, 'noShow');
      const people = await participantIds(ctx.db, s.id);
      assertSubset(input.absentPartyIds, people.partyIds, 'absentPartyIds');
      const at = ctx.now.toISOString();
      const version = await updateSessionVersioned(
        ctx.db,
        s.id,
        s.version,
        { status: 'no_show', statusReason: input.note, statusAt: at, statusBy: caller.staffId },
        at,
      );
      const present = people.partyIds.filter((id) => !input.absentPartyIds.includes(id));
      await recordAttendance(ctx.db, s.id, { staffIds: people.staffIds, partyIds: present });
      await release(ctx.db, s.id);
      if (s.caseId !== null) {
        await recordEvent(step(ctx), s.caseId, 'sessionNoShow', {
          sessionId: s.id,
          absentPartyIds: input.absentPartyIds,
        });
      }
      await ctx.audit({
        entity: 'session',
        entityId: s.id,
        before: { status: 'scheduled' },
        after: { status: 'no_show', absentPartyIds: input.absentPartyIds, note: input.note },
      });
      return { id: s.id, version };
    },
  }),
};
