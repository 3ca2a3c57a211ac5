import { defineMethod } from '../api/method';
import { assertStudioAccess, seesAllStudios } from '../cases/case-access';
import { confirmationWindow } from '../cases/confirmation-window';
import { loadWorkingCalendar } from '../calendar/calendar.repository';
import { centerDate } from '../shared/center-time';
import { missingSigners } from './agreement-effect';
import {
  countSignatures,
  listAgreementQueue,
  listAgreementVersions,
  listScans,
  listSignatures,
} from './agreement.repository';
import {
  agreementModel,
  parseContent,
  printAgreement,
  saveAgreement,
  signAgreement,
} from './agreement.service';
import { headerOf, loadCaseFacts } from './case-facts';
import { AGREEMENT_ROLES, assertAgreementAccess } from './document-access';
import { documentRenderer } from './document-runtime';
import {
  agreementPreviewSchema,
  agreementVersionSchema,
  attachScanSchema,
  caseIdInput,
  documentIdSchema,
  saveAgreementSchema,
  signAgreementSchema,
} from './document.schema';
import { attachScan, loadScan } from './scan.service';
import { z } from '../shared/zod-messages';

export const agreementMethods = {
  /** The case's agreement: its versions with their signatures and scans, and its effect. */
  'agreements/get': defineMethod({
    input: caseIdInput,
    access: 'signedIn',
    write: false,
    summary: 'Versions of a case’s agreement, signatures, scans, effective date and window',
    handler: async (ctx, input) => {
      const facts = await loadCaseFacts(ctx.db, input.caseId);
      const caller = ctx.caller();
      assertStudioAccess(caller, facts.case.studioId);
      const c = facts.case;
      const versions = await listAgreementVersions(ctx.db, c.id);
      // The studio's mediators and clerks draft, print and record signatures; others read.
      const member =
        caller.studioIds.includes(c.studioId) &&
        caller.roles.some((r) => r === 'mediator' || r === 'clerk');
      const editable =
        member &&
        (c.status === 'accepted' ||
          c.status === 'in_mediation' ||
          (c.status === 'concluded' && c.outcome === 'written_agreement')) &&
        versions.every((v) => v.effectiveOn === null);
      return {
        caseNumber: c.number,
        caseVersion: c.version,
        canEdit: editable,
        canSign: member,
        parties: facts.parties.map((p) => ({
          partyId: p.partyId,
          role: p.role,
          kind: p.kind,
          name: p.name,
          legalRepresentative: p.legalRepresentative,
        })),
        effectiveOn: c.agreementEffectiveOn,
        confirmationWindow:
          c.agreementEffectiveOn === null
            ? null
            : confirmationWindow(
                c.agreementEffectiveOn,
                centerDate(ctx.now),
                await loadWorkingCalendar(ctx.db),
              ),
        versions: await Promise.all(
          versions.map(async (v) => {
            const content = parseContent(v);
            const signatures = await listSignatures(ctx.db, v.id);
            return {
              id: v.id,
              versionNo: v.versionNo,
              revision: v.revision,
              content,
              createdAt: v.createdAt,
              updatedAt: v.updatedAt,
              printedAt: v.printedAt,
              documentId: v.documentId,
              effectiveOn: v.effectiveOn,
              signatures,
              missingSigners: missingSigners(
                content.parties.map((p) => p.partyId),
                signatures,
              ),
              scans: await listScans(ctx.db, v.id),
            };
          }),
        ),
      };
    },
  }),

  'agreements/save': defineMethod({
    input: saveAgreementSchema,
    access: AGREEMENT_ROLES,
    write: true,
    summary: 'Save the agreement: a new version, or over a draft (never over a printed version)',
    handler: (ctx, input) => saveAgreement(ctx, input),
  }),

  /** The editor's live preview: the same words the paper will carry, without storing anything. */
  'agreements/preview': defineMethod({
    input: agreementPreviewSchema,
    access: AGREEMENT_ROLES,
    write: false,
    summary: 'The agreement as the document model the PDF is drawn from (for the live preview)',
    handler: async (ctx, input) => {
      const facts = await loadCaseFacts(ctx.db, input.caseId);
      assertAgreementAccess(ctx.caller(), facts.case.studioId);
      const versions = await listAgreementVersions(ctx.db, input.caseId);
      const next = (versions.at(-1)?.versionNo ?? 0) + 1;
      return { header: headerOf(facts), model: agreementModel(facts, input.content, next) };
    },
  }),

  /** A draft PDF (marked 草稿, no verification code): not stored, not for signing. */
  'agreements/previewPdf': defineMethod({
    input: agreementPreviewSchema,
    access: AGREEMENT_ROLES,
    write: false,
    summary: 'Render the unsaved agreement as a draft PDF, one copy, without storing it',
    handler: async (ctx, input) => {
      const facts = await loadCaseFacts(ctx.db, input.caseId);
      assertAgreementAccess(ctx.caller(), facts.case.studioId);
      const versions = await listAgreementVersions(ctx.db, input.caseId);
      const next = (versions.at(-1)?.versionNo ?? 0) + 1;
      const pdf = await documentRenderer().render({
        model: agreementModel(facts, input.content, next),
        frame: {
          header: headerOf(facts),
          code: 'DRAFT000',
          copies: 1,
          createdAt: ctx.now.toISOString(),
          draft: true,
        },
      });
      return {
        pages: pdf.pages,
        missing: pdf.missing,
        fileName: `${facts.case.number}-协议草稿.pdf`,
        dataBase64: Buffer.from(pdf.bytes).toString('base64'),
      };
    },
  }),

  'agreements/print': defineMethod({
    input: agreementVersionSchema,
    access: AGREEMENT_ROLES,
    write: true,
    summary: 'Print a version in N+1 marked copies; printing freezes it, reprints reuse the bytes',
    handler: (ctx, input) => printAgreement(ctx, input.versionId),
  }),

  'agreements/sign': defineMethod({
    input: signAgreementSchema,
    access: AGREEMENT_ROLES,
    write: true,
    summary: 'Record a party’s signature/seal/fingerprint, the mediator’s signature or the seal',
    handler: (ctx, input) => signAgreement(ctx, input),
  }),

  'agreements/attachScan': defineMethod({
    input: attachScanSchema,
    access: AGREEMENT_ROLES,
    write: true,
    summary: 'Attach the scanned signed copy (PDF, JPEG or PNG by content, 5 MB at most)',
    handler: (ctx, input) => attachScan(ctx, input),
  }),

  'agreements/scan': defineMethod({
    input: documentIdSchema,
    access: [...AGREEMENT_ROLES, 'director'],
    write: false,
    summary: 'A stored scan of a signed agreement, base64',
    handler: (ctx, input) => loadScan(ctx, input.id),
  }),

  /** The clerk's print queue: drafts to print, printed agreements waiting for signatures. */
  'agreements/queue': defineMethod({
    input: z.object({}),
    access: 'signedIn',
    write: false,
    summary: 'Agreements not yet in effect: drafts to print and printed ones missing signatures',
    handler: async (ctx) => {
      const caller = ctx.caller();
      const rows = await listAgreementQueue(
        ctx.db,
        seesAllStudios(caller) ? undefined : caller.studioIds,
      );
      const counts = await countSignatures(
        ctx.db,
        rows.map((r) => r.versionId),
      );
      return rows.map((r) => ({
        ...r,
        state: r.printedAt === null ? ('toPrint' as const) : ('toSign' as const),
        signatures: Number(counts.find((n) => n.versionId === r.versionId)?.n ?? 0),
      }));
    },
  }),
};
