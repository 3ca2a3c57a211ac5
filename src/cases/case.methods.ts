import { defineMethod } from '../api/method';
import { AppError } from '../api/result';
import { searchParties } from '../parties/party.repository';
import { partySearchSchema } from '../parties/party.schema';
import { maskIdNumber, maskPhone } from '../shared/china-ids';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { centerDate } from '../shared/center-time';
import { assertStudioAccess, seesAllStudios } from './case-access';
import { describeDeadline } from './case-deadline.service';
import { allowedActions } from './case-lifecycle';
import {
  listCaseLinks,
  listDeadlineChanges,
  listFollowUps,
  listMediators,
} from './lifecycle.repository';
import { confirmationWindow } from './confirmation-window';
import {
  findCase,
  listCaseEvents,
  listCaseParties,
  listCases,
  listCasesOfParty,
  type CasePartyRow,
} from './case.repository';
import { caseIdSchema, intakeSchema, queueSchema } from './case.schema';
import { registerCase } from './intake.service';

/** Lists and the case page show personal numbers masked (DESIGN §7); revealing is its own action. */
function partyView(p: CasePartyRow) {
  return {
    partyId: p.partyId,
    role: p.role,
    representsPartyId: p.representsPartyId,
    agentAuthority: p.agentAuthority,
    kind: p.kind,
    name: p.name,
    sex: p.sex,
    idNumber: p.idNumber === null ? null : maskIdNumber(p.idNumber),
    creditCode: p.creditCode,
    legalRepresentative: p.legalRepresentative,
    phone: p.phone === null ? null : maskPhone(p.phone),
    address: p.address,
  };
}

export const caseMethods = {
  /** 登记 register a dispute with its parties (reception). */
  'cases/register': defineMethod({
    input: intakeSchema,
    access: ['reception'],
    write: true,
    summary: 'Register a dispute with two or more parties; returns its id and number',
    handler: async (ctx, input) => {
      const { partyIds, ...registered } = await registerCase(ctx.db, ctx.caller(), input, ctx.now);
      await ctx.audit({
        entity: 'case',
        entityId: registered.id,
        after: { ...registered, ...input, partyIds, parties: undefined },
      });
      return registered;
    },
  }),

  /** A studio's queue (or the whole center's, for those who see it). */
  'cases/queue': defineMethod({
    input: queueSchema,
    access: 'signedIn',
    write: false,
    summary: 'Cases of a studio (or all visible studios), newest first',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      if (input.studioId !== undefined) assertStudioAccess(caller, input.studioId);
      const studioIds =
        input.studioId !== undefined
          ? [input.studioId]
          : seesAllStudios(caller)
            ? undefined
            : caller.studioIds;
      const rows = await listCases(ctx.db, { studioIds, status: input.status, limit: input.limit });
      const parties = await listCaseParties(
        ctx.db,
        rows.map((r) => r.id),
      );
      return rows.map((r) => ({
        id: r.id,
        number: r.number,
        studioId: r.studioId,
        status: r.status,
        category: r.category,
        source: r.source,
        riskLevel: r.riskLevel,
        registeredAt: r.registeredAt,
        summary: r.summary.length > 80 ? `${r.summary.slice(0, 80)}…` : r.summary,
        parties: parties
          .filter((p) => p.caseId === r.id)
          .map((p) => ({ name: p.name, role: p.role })),
      }));
    },
  }),

  'cases/get': defineMethod({
    input: caseIdSchema,
    access: 'signedIn',
    write: false,
    summary: 'One case: parties, mediators, deadline, links, follow-ups, timeline, allowed actions',
    handler: async (ctx, input) => {
      const c = await findCase(ctx.db, input.id);
      if (c === null)
        throw new AppError('NOT_FOUND', 'error.caseNotFound', undefined, { id: input.id });
      const caller = ctx.caller();
      assertStudioAccess(caller, c.studioId);
      const parties = await listCaseParties(ctx.db, [c.id]);
      const today = centerDate(ctx.now);
      return {
        ...c,
        parties: parties.map(partyView),
        mediators: (await listMediators(ctx.db, [c.id])).map((m) => ({
          staffId: m.staffId,
          displayName: m.displayName,
        })),
        deadline: await describeDeadline(ctx.db, c, ctx.now),
        deadlineChanges: await listDeadlineChanges(ctx.db, c.id),
        confirmationWindow:
          c.agreementEffectiveOn === null
            ? null
            : confirmationWindow(c.agreementEffectiveOn, today, await loadWorkingCalendar(ctx.db)),
        links: await listCaseLinks(ctx.db, c.id),
        followUps: await listFollowUps(ctx.db, c.id),
        events: await listCaseEvents(ctx.db, c.id),
        allowedActions: allowedActions(c.status, caller, c.studioId, {
          deadlinePaused: c.deadlinePausedSince !== null,
          outcome: c.outcome,
        }),
      };
    },
  }),

  /** Find-or-create at intake: stored parties matching an ID, phone or name, with earlier cases. */
  'parties/search': defineMethod({
    input: partySearchSchema,
    access: ['reception', 'mediator', 'director', 'admin'],
    write: false,
    summary: 'Stored parties by resident ID, credit code, phone or name prefix, with their cases',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      // Earlier cases are listed where the caller may see them (DESIGN §7 studio scope).
      const visible = (studioId: number) =>
        seesAllStudios(caller) || caller.studioIds.includes(studioId);
      const matches = await searchParties(ctx.db, input.q);
      return Promise.all(
        matches.map(async (m) => ({
          id: m.id,
          kind: m.kind,
          name: m.name,
          sex: m.sex,
          idNumber: m.idNumber === null ? null : maskIdNumber(m.idNumber),
          creditCode: m.creditCode,
          legalRepresentative: m.legalRepresentative,
          phone: m.phone === null ? null : maskPhone(m.phone),
          address: m.address,
          cases: (await listCasesOfParty(ctx.db, m.id)).filter((c) => visible(c.studioId)),
        })),
      );
    },
  }),
};
