import type { HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import type { DocFrame, DocModel } from './doc-model';
import { documentRenderer } from './document-runtime';
import {
  findDocumentByHash,
  findDocumentSummary,
  insertDocument,
  isCodeTaken,
  readDocumentPdf,
} from './document.repository';
import type { DocumentKind } from './document.schema';
import { canonicalJson, sha256Hex, verificationCode } from './verification-code';

/** What a stored document answers with. */
export interface StoredDocument {
  readonly id: number;
  readonly code: string;
  readonly title: string;
  readonly pages: number;
  readonly size: number;
  readonly sha256: string;
  /** True when this content was printed before: the stored bytes are handed back unchanged. */
  readonly reused: boolean;
  /** Characters the font cannot draw (printed as empty boxes): to be written in by hand. */
  readonly missing: readonly string[];
}

/** What is hashed: everything the paper says, nothing about when or by whom it was printed. */
interface Content {
  readonly kind: DocumentKind;
  readonly caseId: number;
  readonly header: string;
  readonly copies: number;
  readonly model: DocModel;
}

/** The stored `content` column: the hashed content plus what the render found. */
export interface StoredContent extends Content {
  readonly missing: readonly string[];
}

const MAX_CODE_ATTEMPTS = 6;

/**
 * Renders and stores a document, or hands back the stored one when the same content was
 * printed before: a reprint is byte-for-byte the first print. The verification code comes from
 * the content's hash; the document row keeps the PDF and its sha256.
 */
export async function storeDocument(
  ctx: HandlerContext,
  doc: {
    readonly kind: DocumentKind;
    readonly caseId: number;
    readonly header: string;
    readonly copies: number;
    readonly model: DocModel;
  },
): Promise<StoredDocument> {
  const content: Content = {
    kind: doc.kind,
    caseId: doc.caseId,
    header: doc.header,
    copies: doc.copies,
    model: doc.model,
  };
  const contentHash = sha256Hex(canonicalJson(content));
  const existing = await findDocumentByHash(ctx.db, contentHash);
  if (existing !== null) return reuse(ctx, existing.id);

  let code = verificationCode(contentHash);
  for (let attempt = 1; await isCodeTaken(ctx.db, code); attempt += 1) {
    if (attempt >= MAX_CODE_ATTEMPTS) throw new Error('no free verification code');
    code = verificationCode(contentHash, attempt);
  }
  const createdAt = ctx.now.toISOString();
  const frame: DocFrame = { header: doc.header, code, copies: doc.copies, createdAt };
  const pdf = await documentRenderer().render({ model: doc.model, frame });
  const stored: StoredContent = { ...content, missing: pdf.missing };
  const sha256 = sha256Hex(pdf.bytes);
  const id = await insertDocument(ctx.db, {
    caseId: doc.caseId,
    kind: doc.kind,
    title: doc.model.title,
    code,
    contentHash,
    content: JSON.stringify(stored),
    pdf: pdf.bytes,
    pdfSha256: sha256,
    pages: pdf.pages,
    copies: doc.copies,
    createdAt,
    createdBy: ctx.caller().staffId,
  });
  await ctx.audit({
    entity: 'document',
    entityId: id,
    after: { kind: doc.kind, caseId: doc.caseId, code, sha256, pages: pdf.pages },
  });
  return {
    id,
    code,
    title: doc.model.title,
    pages: pdf.pages,
    size: pdf.bytes.byteLength,
    sha256,
    reused: false,
    missing: pdf.missing,
  };
}

async function reuse(ctx: HandlerContext, id: number): Promise<StoredDocument> {
  const row = await findDocumentSummary(ctx.db, id);
  const stored = JSON.parse(row.content) as StoredContent;
  // A reprint is recorded too: who printed the paper again, and when.
  await ctx.audit({ entity: 'document', entityId: id, after: { reprinted: row.code } });
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    pages: row.pages,
    size: row.pdfSize,
    sha256: row.pdfSha256,
    reused: true,
    missing: stored.missing,
  };
}

/** The stored PDF, checked against its recorded hash before it leaves the database. */
export async function loadPdf(ctx: HandlerContext, id: number) {
  const row = await readDocumentPdf(ctx.db, id);
  if (row === null) throw new AppError('NOT_FOUND', 'error.documentNotFound');
  const bytes = new Uint8Array(row.pdf);
  if (sha256Hex(bytes) !== row.pdfSha256) {
    throw new AppError('CONFLICT', 'error.documentCorrupt');
  }
  return { bytes, title: row.title, code: row.code, sha256: row.pdfSha256 };
}
