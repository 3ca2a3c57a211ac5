import { defineMethod } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { centerDate } from '../shared/center-time';
import { listStaff } from '../staff/staff.repository';
import { findActiveStudio, findActiveStudioByKind } from '../studios/studio.repository';
import { rolesFor } from './case-lifecycle';
import { confirmationWindow } from './confirmation-window';
import { createNumberedCase } from './case-creation';
import { refreshDeadline } from './case-deadline.service';
import { listCaseParties } from './case.repository';
import { assignMediatorsSchema, openLinkedSchema, transferSchema } from './case.schema';
import {
  insertCaseLink,
  listCaseLinks,
  listMediators,
  replaceMediators,
  updateCaseVersioned,
} from './lifecycle.repository';
import { loadForAction, recordEvent, step } from './lifecycle.service';

export const routingMethods = {
  /** Same state, other studio, with the reason kept in the timeline. */
  'cases/transfer': defineMethod({
    input: transferSchema,
    access: rolesFor('transfer'),
    write: true,
    summary: 'Transfer an open case to another studio, with the reason',
    handler: async (ctx, input) => {
      const s = step(ctx);
      const before = await loadForAction(s, input.id, 'transfer', input.version);
      const studio = await findActiveStudio(ctx.db, input.studioId);
      if (studio === undefined) throw fieldError('studioId', 'validation.studio.unknown');
      if (studio.id === before.studioId) throw fieldError('studioId', 'validation.studio.same');
      const at = ctx.now.toISOString();
      const version = await updateCaseVersioned(
        ctx.db,
        input.id,
        input.version,
        { studioId: studio.id },
        at,
      );
      // The old studio's mediators do not follow the case; the new studio assigns its own.
      const clearedMediators = (await listMediators(ctx.db, [input.id])).map((m) => m.staffId);
      await replaceMediators(ctx.db, input.id, [], at);
      await refreshDeadline(ctx.db, input.id, ctx.now);
      await recordEvent(s, input.id, 'transferred', {
        from: before.studioId,
        to: studio.id,
        reason: input.reason,
      });
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { studioId: before.studioId, mediators: clearedMediators },
        after: { studioId: studio.id, mediators: [], reason: input.reason },
      });
      return { id: input.id, version };
    },
  }),

  'cases/assignMediators': defineMethod({
    input: assignMediatorsSchema,
    access: rolesFor('assignMediators'),
    write: true,
    summary: "Set the case's mediators (active mediators of its studio)",
    handler: async (ctx, input) => {
      const s = step(ctx);
      const before = await loadForAction(s, input.id, 'assignMediators', input.version);
      const staffIds = [...new Set(input.staffIds)];
      const eligible = new Set(
        (await listStaff(ctx.db))
          .filter(
            (m) =>
              m.active && m.roles.includes('mediator') && m.studioIds.includes(before.studioId),
          )
          .map((m) => m.id),
      );
      if (staffIds.some((id) => !eligible.has(id))) {
        throw fieldError('staffIds', 'validation.staff.notMediator');
      }
      const at = ctx.now.toISOString();
      const previous = (await listMediators(ctx.db, [input.id])).map((m) => m.staffId);
      const version = await updateCaseVersioned(ctx.db, input.id, input.version, {}, at);
      await replaceMediators(ctx.db, input.id, staffIds, at);
      await recordEvent(s, input.id, 'mediatorsAssigned', { staffIds });
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { mediators: previous },
        after: { mediators: staffIds },
      });
      return { id: input.id, version };
    },
  }),

  /**
   * A linked case in another studio: the joint application for judicial confirmation (after a
   * written agreement) or the referral to the speedy court (after a failed mediation).
   */
  'cases/openLinked': defineMethod({
    input: openLinkedSchema,
    access: rolesFor('openLinked'),
    write: true,
    summary: 'Open a judicial-confirmation or speedy-court case linked to a concluded one',
    handler: async (ctx, input) => {
      const s = step(ctx);
      const source = await loadForAction(s, input.id, 'openLinked', input.version);
      const existing = (await listCaseLinks(ctx.db, source.id)).find(
        (l) => l.direction === 'to' && l.kind === input.kind,
      );
      if (existing !== undefined) {
        throw new AppError('CONFLICT', 'error.linkExists', undefined, { number: existing.number });
      }
      const today = centerDate(ctx.now);
      let window: ReturnType<typeof confirmationWindow> | null = null;
      if (input.kind === 'judicial_confirmation') {
        if (source.outcome !== 'written_agreement') {
          throw new AppError('INVALID_TRANSITION', 'error.linkNeedsAgreement');
        }
        window = confirmationWindow(
          source.agreementEffectiveOn ?? today,
          today,
          await loadWorkingCalendar(ctx.db),
        );
        // The court accepts joint applications only within the window (民事诉讼法 第205条).
        if (window.state === 'past') {
          throw new AppError('INVALID_TRANSITION', 'error.confirmationWindowPast', undefined, {
            date: window.endsOn,
          });
        }
      } else if (source.outcome !== 'no_agreement' && source.outcome !== 'refused') {
        throw new AppError('INVALID_TRANSITION', 'error.linkNeedsFailure');
      }
      const studio = await findActiveStudioByKind(
        ctx.db,
        input.kind === 'judicial_confirmation' ? 'judicial_confirmation' : 'court',
      );
      if (studio === undefined) throw fieldError('kind', 'validation.studio.unknown');
      const parties = await listCaseParties(ctx.db, [source.id]);
      const created = await createNumberedCase(ctx.db, s.caller, studio, ctx.now, {
        fields: {
          category: source.category,
          source: source.source,
          riskLevel: source.riskLevel,
          summary: input.summary || source.summary,
          requests: source.requests,
          amountFen: source.amountFen,
        },
        parties: parties.map((p) => ({
          partyId: p.partyId,
          role: p.role,
          representsPartyId: p.representsPartyId,
          authority: p.agentAuthority,
        })),
        event: { linkedFrom: source.number },
      });
      const at = ctx.now.toISOString();
      await insertCaseLink(ctx.db, {
        fromCaseId: source.id,
        toCaseId: created.id,
        kind: input.kind,
        at,
      });
      await recordEvent(s, source.id, 'linkedCaseOpened', {
        kind: input.kind,
        number: created.number,
      });
      await ctx.audit({
        entity: 'case',
        entityId: created.id,
        after: { ...created, linkedFrom: source.id, kind: input.kind },
      });
      return { ...created, window };
    },
  }),
};
