import type { HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { findAgreementVersion, insertScan, readScan } from './agreement.repository';
import { loadCaseFacts } from './case-facts';
import { assertAgreementAccess } from './document-access';
import { MAX_SCAN_BYTES } from './document.schema';
import { sniffScanType } from './scan-file';
import { sha256Hex } from './verification-code';

/** Attaches the scanned signed copy of a printed version, with its hash. */
export async function attachScan(
  ctx: HandlerContext,
  input: { versionId: number; fileName: string; dataBase64: string },
) {
  const version = await findAgreementVersion(ctx.db, input.versionId);
  if (version === null) throw new AppError('NOT_FOUND', 'error.agreementNotFound');
  const facts = await loadCaseFacts(ctx.db, version.caseId);
  assertAgreementAccess(ctx.caller(), facts.case.studioId);
  if (version.printedAt === null) throw new AppError('CONFLICT', 'error.agreementNotPrinted');
  const bytes = new Uint8Array(Buffer.from(input.dataBase64, 'base64'));
  if (bytes.byteLength > MAX_SCAN_BYTES) throw fieldError('dataBase64', 'validation.scan.tooLarge');
  const mime = sniffScanType(bytes);
  if (mime === null) throw fieldError('dataBase64', 'validation.scan.type');
  const sha256 = sha256Hex(bytes);
  const id = await insertScan(ctx.db, {
    versionId: version.id,
    fileName: input.fileName,
    mime,
    sha256,
    bytes,
    at: ctx.now.toISOString(),
    staffId: ctx.caller().staffId,
  });
  await ctx.audit({
    entity: 'agreementScan',
    entityId: id,
    after: {
      versionId: version.id,
      fileName: input.fileName,
      mime,
      size: bytes.byteLength,
      sha256,
    },
  });
  return { id, mime, size: bytes.byteLength, sha256 };
}

export async function loadScan(ctx: HandlerContext, id: number) {
  const scan = await readScan(ctx.db, id);
  if (scan === null) throw new AppError('NOT_FOUND', 'error.scanNotFound');
  const facts = await loadCaseFacts(ctx.db, scan.caseId);
  const caller = ctx.caller();
  if (!caller.roles.includes('director')) assertAgreementAccess(caller, facts.case.studioId);
  return {
    fileName: scan.fileName,
    mime: scan.mime,
    sha256: scan.sha256,
    dataBase64: Buffer.from(scan.bytes).toString('base64'),
  };
}
