import type { HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { statusLabels } from '../cases/case.labels';
import { insertCaseEvent } from '../cases/case.repository';
import { centerDate } from '../shared/center-time';
import { effectiveOn, missingSigners, partySigner } from './agreement-effect';
import {
  findAgreementVersion,
  insertAgreementVersion,
  listAgreementVersions,
  listSignatures,
  markPrinted,
  setCaseAgreementEffectiveOn,
  setVersionEffective,
  updateDraftContent,
  upsertSignature,
  type AgreementVersionRow,
} from './agreement.repository';
import { headerOf, loadCaseFacts, type CaseFacts } from './case-facts';
import { assertAgreementAccess } from './document-access';
import { storeDocument, type StoredDocument } from './document-store';
import type { DocModel } from './doc-model';
import { agreementContentSchema, type AgreementContent, type Signer } from './document.schema';
import { agreement, type AgreementParty } from './kinds/agreement';

/** A written agreement is drafted while the case is open, or after it concluded with one. */
function assertAgreementState(facts: CaseFacts): void {
  const c = facts.case;
  const open = c.status === 'accepted' || c.status === 'in_mediation';
  const concludedWithAgreement = c.status === 'concluded' && c.outcome === 'written_agreement';
  if (!open && !concludedWithAgreement) {
    throw new AppError('INVALID_TRANSITION', 'error.agreementCaseState', undefined, {
      status: statusLabels[c.status],
    });
  }
}

/** Every party named in the agreement must be a party of the case. */
export function agreementParties(
  facts: CaseFacts,
  content: AgreementContent,
  path = 'content.parties',
): AgreementParty[] {
  return content.parties.map((p, i) => {
    const found = facts.parties.find((f) => f.partyId === p.partyId);
    if (found === undefined) {
      throw fieldError(`${path}.${i}.partyId`, 'validation.agreement.partyNotInCase');
    }
    return { facts: found, agent: p.agent };
  });
}

export function parseContent(version: AgreementVersionRow): AgreementContent {
  return agreementContentSchema.parse(JSON.parse(version.content));
}

/** The agreement as paper: the same model feeds the PDF and the editor's preview. */
export function agreementModel(
  facts: CaseFacts,
  content: AgreementContent,
  versionNo: number,
): DocModel {
  return agreement(facts, content, agreementParties(facts, content), versionNo);
}

async function loadVersion(ctx: HandlerContext, versionId: number) {
  const version = await findAgreementVersion(ctx.db, versionId);
  if (version === null) throw new AppError('NOT_FOUND', 'error.agreementNotFound');
  const facts = await loadCaseFacts(ctx.db, version.caseId);
  assertAgreementAccess(ctx.caller(), facts.case.studioId);
  return { version, facts };
}

/**
 * 保存: without a version, a new version; with one, over that draft at the revision the editor
 * loaded. A printed version never changes (a correction is a new version), and once a version
 * is in effect the agreement is closed: a changed agreement is a new mediation.
 */
export async function saveAgreement(
  ctx: HandlerContext,
  input: { caseId: number; versionId?: number; revision?: number; content: AgreementContent },
) {
  const facts = await loadCaseFacts(ctx.db, input.caseId);
  assertAgreementAccess(ctx.caller(), facts.case.studioId);
  assertAgreementState(facts);
  agreementParties(facts, input.content);
  const versions = await listAgreementVersions(ctx.db, input.caseId);
  if (versions.some((v) => v.effectiveOn !== null)) {
    throw new AppError('CONFLICT', 'error.agreementEffective');
  }
  const content = JSON.stringify(input.content);
  const at = ctx.now.toISOString();
  if (input.versionId === undefined) {
    const created = await insertAgreementVersion(ctx.db, {
      caseId: input.caseId,
      content,
      at,
      staffId: ctx.caller().staffId,
    });
    await ctx.audit({
      entity: 'agreementVersion',
      entityId: created.id,
      after: { caseId: input.caseId, versionNo: created.versionNo, content: input.content },
    });
    return { versionId: created.id, versionNo: created.versionNo, revision: 1 };
  }
  const current = versions.find((v) => v.id === input.versionId);
  if (current === undefined) throw new AppError('NOT_FOUND', 'error.agreementNotFound');
  if (current.printedAt !== null) {
    throw new AppError('CONFLICT', 'error.agreementPrinted', undefined, {
      version: current.versionNo,
    });
  }
  if (input.revision === undefined) throw fieldError('revision', 'validation.required');
  if (!(await updateDraftContent(ctx.db, current.id, input.revision, content, at))) {
    throw new AppError('STALE', 'error.agreementStale', undefined, { version: current.versionNo });
  }
  await ctx.audit({
    entity: 'agreementVersion',
    entityId: current.id,
    before: { revision: current.revision, content: JSON.parse(current.content) as unknown },
    after: { revision: input.revision + 1, content: input.content },
  });
  return { versionId: current.id, versionNo: current.versionNo, revision: input.revision + 1 };
}

/**
 * 打印: renders the version in its N copies (第k份 共N份) and freezes it. Printing it again
 * hands back the same stored bytes.
 */
export async function printAgreement(
  ctx: HandlerContext,
  versionId: number,
  caseId?: number,
): Promise<StoredDocument> {
  const { version, facts } = await loadVersion(ctx, versionId);
  if (caseId !== undefined && caseId !== version.caseId) {
    throw fieldError('versionId', 'validation.agreement.otherCase');
  }
  if (version.printedAt === null) assertAgreementState(facts);
  const content = parseContent(version);
  const stored = await storeDocument(ctx, {
    kind: 'agreement',
    caseId: version.caseId,
    header: headerOf(facts),
    copies: content.copies,
    model: agreementModel(facts, content, version.versionNo),
  });
  if (version.printedAt === null) {
    await markPrinted(ctx.db, version.id, stored.id, ctx.now.toISOString(), ctx.caller().staffId);
    await ctx.audit({
      entity: 'agreementVersion',
      entityId: version.id,
      before: { printedAt: null },
      after: { printedAt: ctx.now.toISOString(), documentId: stored.id },
    });
  }
  return stored;
}

function signerKey(signer: Signer): string {
  return signer.kind === 'party' ? partySigner(signer.partyId) : signer.kind;
}

/**
 * Records a signature, seal or fingerprint on the printed version. When the last one is in,
 * the agreement takes effect on that day and the case carries the date.
 */
export async function signAgreement(
  ctx: HandlerContext,
  input: { versionId: number; signer: Signer; signedOn: string },
) {
  const { version, facts } = await loadVersion(ctx, input.versionId);
  if (version.printedAt === null) throw new AppError('CONFLICT', 'error.agreementNotPrinted');
  if (version.effectiveOn !== null) throw new AppError('CONFLICT', 'error.agreementEffective');
  const content = parseContent(version);
  const partyIds = content.parties.map((p) => p.partyId);
  if (input.signer.kind === 'party' && !partyIds.includes(input.signer.partyId)) {
    throw fieldError('signer.partyId', 'validation.signature.partyNotInAgreement');
  }
  const printedOn = centerDate(new Date(version.printedAt));
  const today = centerDate(ctx.now);
  if (input.signedOn < printedOn || input.signedOn > today) {
    throw fieldError('signedOn', 'validation.signature.date');
  }
  const signer = signerKey(input.signer);
  await upsertSignature(ctx.db, {
    versionId: version.id,
    signer,
    partyId: input.signer.kind === 'party' ? input.signer.partyId : null,
    // The mediator signs; the committee seals.
    method:
      input.signer.kind === 'party'
        ? input.signer.method
        : input.signer.kind === 'committee'
          ? 'sealed'
          : 'signed',
    signedOn: input.signedOn,
    at: ctx.now.toISOString(),
    staffId: ctx.caller().staffId,
  });
  const signatures = await listSignatures(ctx.db, version.id);
  const effective = effectiveOn(partyIds, signatures);
  await ctx.audit({
    entity: 'agreementSignature',
    entityId: version.id,
    after: { signer, signedOn: input.signedOn, effectiveOn: effective },
  });
  if (effective !== null) {
    const at = ctx.now.toISOString();
    await setVersionEffective(ctx.db, version.id, effective);
    await setCaseAgreementEffectiveOn(ctx.db, version.caseId, effective, at);
    await insertCaseEvent(ctx.db, {
      caseId: version.caseId,
      at,
      staffId: ctx.caller().staffId,
      kind: 'agreementEffective',
      data: { versionNo: version.versionNo, effectiveOn: effective },
    });
    await ctx.audit({
      entity: 'case',
      entityId: version.caseId,
      before: { agreementEffectiveOn: facts.case.agreementEffectiveOn },
      after: { agreementEffectiveOn: effective },
    });
  }
  return { effectiveOn: effective, missing: missingSigners(partyIds, signatures) };
}
