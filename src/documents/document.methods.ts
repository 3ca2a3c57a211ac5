import { defineMethod } from '../api/method';
import { AppError } from '../api/result';
import { assertStudioAccess, seesAllStudios } from '../cases/case-access';
import { findCase } from '../cases/case.repository';
import { agreementMethods } from './agreement.methods';
import { PRINTING_ROLES } from './document-access';
import { documentHost } from './document-runtime';
import { loadPdf } from './document-store';
import { findDocumentByCode, findDocumentMeta, listDocuments } from './document.repository';
import {
  caseIdInput,
  documentIdSchema,
  generateDocumentSchema,
  outputDocumentSchema,
  verifySchema,
} from './document.schema';
import { generateDocument } from './document.service';
import { formatCode } from './verification-code';

/** The file name a saved or downloaded PDF gets: case number, title, verification code. */
function fileNameOf(doc: { title: string; code: string }, caseNumber: string): string {
  const safe = `${caseNumber}-${doc.title}-${formatCode(doc.code)}`.replace(/[\\/:*?"<>|\s]+/g, '');
  return `${safe}.pdf`;
}

async function caseOfDocument(ctx: Parameters<typeof loadPdf>[0], id: number) {
  const meta = await findDocumentMeta(ctx.db, id);
  if (meta === null) throw new AppError('NOT_FOUND', 'error.documentNotFound');
  const c = await findCase(ctx.db, meta.caseId);
  if (c === null) throw new AppError('NOT_FOUND', 'error.documentNotFound');
  assertStudioAccess(ctx.caller(), c.studioId);
  return { meta, caseNumber: c.number };
}

const documentOnlyMethods = {
  /** Fills, renders and stores one document of a case (or hands back the one already printed). */
  'documents/generate': defineMethod({
    input: generateDocumentSchema,
    access: PRINTING_ROLES,
    write: true,
    summary: 'Render a document of a case to PDF (A4, verification code); reprints reuse the bytes',
    handler: (ctx, input) => generateDocument(ctx, input),
  }),

  'documents/list': defineMethod({
    input: caseIdInput,
    access: 'signedIn',
    write: false,
    summary: 'The documents generated for a case, oldest first',
    handler: async (ctx, input) => {
      const c = await findCase(ctx.db, input.caseId);
      if (c === null) {
        throw new AppError('NOT_FOUND', 'error.caseNotFound', undefined, { id: input.caseId });
      }
      assertStudioAccess(ctx.caller(), c.studioId);
      return listDocuments(ctx.db, c.id);
    },
  }),

  /** The stored PDF, base64 (JSON carries it over IPC and HTTP alike). */
  'documents/pdf': defineMethod({
    input: documentIdSchema,
    access: 'signedIn',
    write: false,
    summary: 'The stored PDF of a document, checked against its sha256',
    handler: async (ctx, input) => {
      const { caseNumber } = await caseOfDocument(ctx, input.id);
      const pdf = await loadPdf(ctx, input.id);
      return {
        fileName: fileNameOf(pdf, caseNumber),
        sha256: pdf.sha256,
        dataBase64: Buffer.from(pdf.bytes).toString('base64'),
      };
    },
  }),

  /** A paper copy's code, typed in: which document it is, if any. */
  'documents/verify': defineMethod({
    input: verifySchema,
    access: 'signedIn',
    write: false,
    summary: 'Look a verification code up: the document it belongs to, or found: false',
    handler: async (ctx, input) => {
      const doc = await findDocumentByCode(ctx.db, input.code);
      if (doc === null) return { found: false as const, code: formatCode(input.code) };
      const caller = ctx.caller();
      // Anyone may learn that a paper is genuine; the case itself only within studio scope.
      const visible = seesAllStudios(caller) || caller.studioIds.includes(doc.studioId);
      return {
        found: true as const,
        code: formatCode(doc.code),
        id: visible ? doc.id : null,
        kind: doc.kind,
        title: doc.title,
        pages: doc.pages,
        copies: doc.copies,
        sha256: doc.pdfSha256,
        createdAt: doc.createdAt,
        createdByName: doc.createdByName,
        caseId: visible ? doc.caseId : null,
        caseNumber: visible ? doc.caseNumber : null,
      };
    },
  }),

  /**
   * Print, save or open a stored PDF through the desktop shell. The browser preview has no
   * shell (delivered: false): the renderer downloads the PDF there instead.
   */
  'documents/output': defineMethod({
    input: outputDocumentSchema,
    access: 'signedIn',
    write: false,
    summary: 'Desktop only: system print dialog, save as PDF, or open the last saved PDF',
    handler: async (ctx, input) => {
      const host = documentHost();
      if (host === null) return { delivered: false as const, path: null };
      if (input.action === 'openLastSaved') {
        return { delivered: await host.openLastSaved(), path: null };
      }
      const { caseNumber } = await caseOfDocument(ctx, input.id);
      const pdf = await loadPdf(ctx, input.id);
      const name = fileNameOf(pdf, caseNumber);
      if (input.action === 'print')
        return { delivered: await host.print(pdf.bytes, name), path: null };
      const path = await host.save(pdf.bytes, name);
      return { delivered: path !== null, path };
    },
  }),
};

/** Documents: PDF rendering, agreements, print queue, verification. */
export const documentMethods = {
  ...documentOnlyMethods,
  ...agreementMethods,
};
