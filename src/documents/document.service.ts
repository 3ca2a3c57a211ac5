import type { HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { statusLabels } from '../cases/case.labels';
import { findFollowUp } from '../cases/lifecycle.repository';
import { centerDate } from '../shared/center-time';
import { listAgreementVersions } from './agreement.repository';
import { agreementParties, parseContent, printAgreement } from './agreement.service';
import { headerOf, loadCaseFacts, type CaseFacts } from './case-facts';
import type { DocModel } from './doc-model';
import { documentKindLabels } from './document.labels';
import { assertMayPrint } from './document-access';
import { storeDocument, type StoredContent, type StoredDocument } from './document-store';
import { findStaffName, listDocumentContents } from './document.repository';
import type { DocumentKind, GenerateDocument } from './document.schema';
import { acceptanceReceipt } from './kinds/acceptance-receipt';
import { confirmationApplication } from './kinds/confirmation-application';
import { dossier } from './kinds/dossier';
import { followUpRecord } from './kinds/follow-up-record';
import { mediationRecord } from './kinds/mediation-record';
import { oralAgreement } from './kinds/oral-agreement';
import { sessionNotice } from './kinds/session-notice';
import { TERMINATING_OUTCOMES, terminationNotice } from './kinds/termination-notice';

/** A paper that does not fit the case's state, e.g. a termination notice for an open case. */
function notNow(facts: CaseFacts, kind: DocumentKind): AppError {
  return new AppError('INVALID_TRANSITION', 'error.documentState', undefined, {
    status: statusLabels[facts.case.status],
    document: documentKindLabels[kind],
  });
}

async function buildModel(
  ctx: HandlerContext,
  facts: CaseFacts,
  input: GenerateDocument,
): Promise<DocModel> {
  const c = facts.case;
  const me = ctx.caller().displayName;
  switch (input.kind) {
    case 'acceptance_receipt':
      return acceptanceReceipt(facts);
    case 'session_notice': {
      if (!['registered', 'accepted', 'in_mediation'].includes(c.status)) {
        throw notNow(facts, input.kind);
      }
      const ids = input.partyIds ?? facts.parties.map((p) => p.partyId);
      const addressees = ids.map((id, i) => {
        const party = facts.parties.find((p) => p.partyId === id);
        if (party === undefined) throw fieldError(`partyIds.${i}`, 'validation.party.notInCase');
        return party;
      });
      return sessionNotice(facts, {
        startsAt: input.startsAt,
        place: input.place,
        note: input.note,
        addressees,
        issuedOn: centerDate(ctx.now),
      });
    }
    case 'mediation_record':
      if (!['accepted', 'in_mediation', 'concluded', 'archived'].includes(c.status)) {
        throw notNow(facts, input.kind);
      }
      return mediationRecord(facts, { ...input, recorder: me });
    case 'oral_agreement':
      if (c.outcome !== 'oral_agreement') throw notNow(facts, input.kind);
      return oralAgreement(facts, { ...input, registrar: me });
    case 'confirmation_application':
      return confirmationModel(ctx, facts, input.court);
    case 'termination_notice':
      if (!TERMINATING_OUTCOMES.includes(c.outcome ?? '')) throw notNow(facts, input.kind);
      return terminationNotice(facts);
    case 'follow_up_record': {
      const visit = await findFollowUp(ctx.db, input.followUpId);
      if (visit === undefined || visit.caseId !== c.id) {
        throw fieldError('followUpId', 'validation.followUp.notInCase');
      }
      if (visit.visitedAt === null)
        throw fieldError('followUpId', 'validation.followUp.notVisited');
      return followUpRecord(facts, {
        dueOn: visit.dueOn,
        visitedAt: visit.visitedAt,
        visitorName: visit.visitorId === null ? '' : await findStaffName(ctx.db, visit.visitorId),
        performance: visit.performance,
        satisfaction: visit.satisfaction,
        escalation: visit.escalation === 1,
        escalationNote: visit.escalationNote ?? '',
        note: visit.note ?? '',
      });
    }
    case 'dossier': {
      const stored = await listDocumentContents(ctx.db, c.id);
      return dossier(facts, {
        compiler: me,
        compiledOn: centerDate(ctx.now),
        retention: input.retention,
        sections: stored.map((d) => ({
          model: (JSON.parse(d.content) as StoredContent).model,
          pages: Math.round(d.pages / d.copies),
          createdOn: centerDate(new Date(d.createdAt)),
        })),
      });
    }
    case 'agreement':
      throw new Error('agreements are printed by printAgreement');
  }
}

/** 司法确认申请书: from the version in effect, by all of its parties. */
async function confirmationModel(ctx: HandlerContext, facts: CaseFacts, court: string) {
  const effective = (await listAgreementVersions(ctx.db, facts.case.id)).find(
    (v) => v.effectiveOn !== null,
  );
  if (effective?.effectiveOn == null) {
    throw new AppError('INVALID_TRANSITION', 'error.noEffectiveAgreement');
  }
  const content = parseContent(effective);
  return confirmationApplication(
    facts,
    agreementParties(facts, content),
    { versionNo: effective.versionNo, effectiveOn: effective.effectiveOn },
    court,
  );
}

/** Fills a document from the case, renders it and stores it (or hands back the stored one). */
export async function generateDocument(
  ctx: HandlerContext,
  input: GenerateDocument,
): Promise<StoredDocument> {
  const facts = await loadCaseFacts(ctx.db, input.caseId);
  if (input.kind === 'agreement') return printAgreement(ctx, input.versionId, input.caseId);
  assertMayPrint(ctx.caller(), facts.case.studioId);
  const model = await buildModel(ctx, facts, input);
  return storeDocument(ctx, {
    kind: input.kind,
    caseId: facts.case.id,
    header: headerOf(facts),
    copies: 1,
    model,
  });
}
