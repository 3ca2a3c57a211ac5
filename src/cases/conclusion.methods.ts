import { defineMethod } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { addCalendarDays } from '../calendar/working-calendar';
import { centerDate } from '../shared/center-time';
import { rolesFor } from './case-lifecycle';
import {
  archiveSchema,
  concludeSchema,
  recordFollowUpSchema,
  startMediationSchema,
} from './case.schema';
import { findCase } from './case.repository';
import {
  findFollowUp,
  insertFollowUp,
  updateCaseVersioned,
  updateFollowUpVersioned,
} from './lifecycle.repository';
import { loadForAction, recordEvent, step } from './lifecycle.service';

/** Follow-up visits (回访) fall due this many days after conclusion. */
export const FOLLOW_UP_AFTER_DAYS = 15;

export const conclusionMethods = {
  'cases/startMediation': defineMethod({
    input: startMediationSchema,
    access: rolesFor('startMediation'),
    write: true,
    summary: 'Mark an accepted case as in mediation (also done by its first held session)',
    handler: async (ctx, input) => {
      const s = step(ctx);
      await loadForAction(s, input.id, 'startMediation', input.version);
      const at = ctx.now.toISOString();
      const version = await updateCaseVersioned(
        ctx.db,
        input.id,
        input.version,
        { status: 'in_mediation', mediationStartedAt: at },
        at,
      );
      await recordEvent(s, input.id, 'mediationStarted', {});
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { status: 'accepted' },
        after: { status: 'in_mediation' },
      });
      return { id: input.id, version };
    },
  }),

  /** 调解终结 with its outcome; written agreements start the judicial-confirmation window. */
  'cases/conclude': defineMethod({
    input: concludeSchema,
    access: rolesFor('conclude'),
    write: true,
    summary: 'Conclude a case with its outcome; schedules the follow-up visit',
    handler: async (ctx, input) => {
      const s = step(ctx);
      const before = await loadForAction(s, input.id, 'conclude', input.version);
      const at = ctx.now.toISOString();
      const today = centerDate(ctx.now);
      const agreementEffectiveOn =
        input.outcome === 'written_agreement'
          ? // Signatures tracked on the agreement may already have set it (src/documents).
            (input.agreementEffectiveOn ?? before.agreementEffectiveOn ?? today)
          : null;
      // An agreement cannot take effect before the case was accepted, nor in the future.
      const acceptedOn =
        before.acceptedAt === null ? today : centerDate(new Date(before.acceptedAt));
      if (
        agreementEffectiveOn !== null &&
        (agreementEffectiveOn > today || agreementEffectiveOn < acceptedOn)
      ) {
        throw fieldError('agreementEffectiveOn', 'validation.effectiveDateRange');
      }
      const advisedRoute = input.outcome === 'no_agreement' ? (input.advisedRoute ?? null) : null;
      const note = input.note;
      const version = await updateCaseVersioned(
        ctx.db,
        input.id,
        input.version,
        {
          status: 'concluded',
          concludedAt: at,
          outcome: input.outcome,
          outcomeNote: note,
          advisedRoute,
          agreementEffectiveOn,
          deadlinePausedSince: null,
        },
        at,
      );
      await insertFollowUp(ctx.db, input.id, addCalendarDays(today, FOLLOW_UP_AFTER_DAYS));
      await recordEvent(s, input.id, 'concluded', {
        outcome: input.outcome,
        advisedRoute,
        note: input.note,
      });
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { status: before.status },
        after: {
          status: 'concluded',
          outcome: input.outcome,
          advisedRoute,
          agreementEffectiveOn,
          note,
        },
      });
      return { id: input.id, version };
    },
  }),

  'cases/archive': defineMethod({
    input: archiveSchema,
    access: rolesFor('archive'),
    write: true,
    summary: '归档 Archive a concluded case',
    handler: async (ctx, input) => {
      const s = step(ctx);
      await loadForAction(s, input.id, 'archive', input.version);
      const at = ctx.now.toISOString();
      const version = await updateCaseVersioned(
        ctx.db,
        input.id,
        input.version,
        { status: 'archived', archivedAt: at },
        at,
      );
      await recordEvent(s, input.id, 'archived', {});
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { status: 'concluded' },
        after: { status: 'archived' },
      });
      return { id: input.id, version };
    },
  }),

  /** 回访: performance, satisfaction and signs of escalation, by the visitor. */
  'followUps/record': defineMethod({
    input: recordFollowUpSchema,
    access: rolesFor('recordFollowUp'),
    write: true,
    summary: 'Record a follow-up visit of a concluded case',
    handler: async (ctx, input) => {
      const followUp = await findFollowUp(ctx.db, input.followUpId);
      if (followUp === undefined) throw new AppError('NOT_FOUND', 'error.followUpNotFound');
      const c = await findCase(ctx.db, followUp.caseId);
      if (c === null) throw new AppError('NOT_FOUND', 'error.followUpNotFound');
      const s = step(ctx);
      await loadForAction(s, c.id, 'recordFollowUp');
      const patch = {
        visitedAt: ctx.now.toISOString(),
        visitorId: s.caller.staffId,
        performance: input.performance,
        satisfaction: input.satisfaction ?? null,
        escalation: input.escalation ? 1 : 0,
        escalationNote: input.escalationNote,
        note: input.note,
      };
      await updateFollowUpVersioned(ctx.db, input.followUpId, input.version, patch);
      await recordEvent(s, c.id, 'followedUp', {
        performance: input.performance,
        satisfaction: input.satisfaction ?? null,
        escalation: input.escalation,
      });
      await ctx.audit({
        entity: 'followUp',
        entityId: input.followUpId,
        before: { visitedAt: followUp.visitedAt, version: followUp.version },
        after: patch,
      });
      return { id: input.followUpId, version: input.version + 1 };
    },
  }),
};
