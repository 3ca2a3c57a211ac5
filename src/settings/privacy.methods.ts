import { defineMethod } from '../api/method';
import { AppError } from '../api/result';
import { assertStudioAccess } from '../cases/case-access';
import { findCase, listCaseParties } from '../cases/case.repository';
import { REVEAL_ROLES, revealSchema } from './settings.schema';

/**
 * Personal numbers are masked in lists and on the case page (DESIGN §7); seeing one whole is an
 * explicit act of someone who works the case, and the audit log records who saw which number of
 * whom (never the number itself). Admin alone has no business need and is not among the roles.
 * Counseling notes have their own rule (counselors only), kept by the sessions feature.
 */
export const privacyMethods = {
  'parties/reveal': defineMethod({
    input: revealSchema,
    access: REVEAL_ROLES,
    write: true,
    summary: "Show one party's full resident ID or phone number on a case (recorded in the audit)",
    handler: async (ctx, input) => {
      const found = await findCase(ctx.db, input.caseId);
      if (found === null) {
        throw new AppError('NOT_FOUND', 'error.caseNotFound', undefined, { id: input.caseId });
      }
      assertStudioAccess(ctx.caller(), found.studioId);
      const party = (await listCaseParties(ctx.db, [found.id])).find(
        (p) => p.partyId === input.partyId,
      );
      if (party === undefined) throw new AppError('NOT_FOUND', 'error.partyNotInCase');
      const value = input.field === 'idNumber' ? party.idNumber : party.phone;
      await ctx.audit({
        entity: 'party',
        entityId: party.partyId,
        after: { revealed: input.field, caseId: found.id, caseNumber: found.number },
      });
      return { partyId: party.partyId, field: input.field, value };
    },
  }),
};
