import type { Database } from '../db/database';
import type { SignMethod } from './document.schema';

export interface AgreementVersionRow {
  readonly id: number;
  readonly caseId: number;
  readonly versionNo: number;
  readonly content: string;
  readonly revision: number;
  readonly createdAt: string;
  readonly createdBy: number;
  readonly updatedAt: string;
  readonly printedAt: string | null;
  readonly documentId: number | null;
  readonly effectiveOn: string | null;
}

const versionColumns = [
  'id',
  'caseId',
  'versionNo',
  'content',
  'revision',
  'createdAt',
  'createdBy',
  'updatedAt',
  'printedAt',
  'documentId',
  'effectiveOn',
] as const;

export async function listAgreementVersions(
  db: Database,
  caseId: number,
): Promise<AgreementVersionRow[]> {
  return db
    .selectFrom('agreementVersions')
    .select(versionColumns)
    .where('caseId', '=', caseId)
    .orderBy('versionNo')
    .execute();
}

export async function findAgreementVersion(
  db: Database,
  id: number,
): Promise<AgreementVersionRow | null> {
  const row = await db
    .selectFrom('agreementVersions')
    .select(versionColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertAgreementVersion(
  db: Database,
  v: { caseId: number; content: string; at: string; staffId: number },
): Promise<{ id: number; versionNo: number }> {
  const last = await db
    .selectFrom('agreementVersions')
    .select((eb) => eb.fn.max('versionNo').as('n'))
    .where('caseId', '=', v.caseId)
    .executeTakeFirst();
  const versionNo = Number(last?.n ?? 0) + 1;
  const { id } = await db
    .insertInto('agreementVersions')
    .values({
      caseId: v.caseId,
      versionNo,
      content: v.content,
      createdAt: v.at,
      createdBy: v.staffId,
      updatedAt: v.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, versionNo };
}

/** Overwrites a draft at the revision the editor loaded; false when it moved on or was printed. */
export async function updateDraftContent(
  db: Database,
  id: number,
  revision: number,
  content: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('agreementVersions')
    .set({ content, updatedAt: at, revision: revision + 1 })
    .where('id', '=', id)
    .where('revision', '=', revision)
    .where('printedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Printing freezes the version: from now on its content never changes. */
export async function markPrinted(
  db: Database,
  id: number,
  documentId: number,
  at: string,
  staffId: number,
): Promise<void> {
  await db
    .updateTable('agreementVersions')
    .set({ printedAt: at, printedBy: staffId, documentId })
    .where('id', '=', id)
    .where('printedAt', 'is', null)
    .execute();
}

export async function setVersionEffective(db: Database, id: number, on: string): Promise<void> {
  await db.updateTable('agreementVersions').set({ effectiveOn: on }).where('id', '=', id).execute();
}

export interface SignatureRow {
  readonly signer: string;
  readonly partyId: number | null;
  readonly method: SignMethod;
  readonly signedOn: string;
  readonly recordedAt: string;
  readonly recordedByName: string | null;
}

export async function listSignatures(db: Database, versionId: number): Promise<SignatureRow[]> {
  const rows = await db
    .selectFrom('agreementSignatures')
    .leftJoin('staff', 'staff.id', 'agreementSignatures.recordedBy')
    .select([
      'agreementSignatures.signer',
      'agreementSignatures.partyId',
      'agreementSignatures.method',
      'agreementSignatures.signedOn',
      'agreementSignatures.recordedAt',
      'staff.displayName as recordedByName',
    ])
    .where('agreementSignatures.versionId', '=', versionId)
    .orderBy('agreementSignatures.id')
    .execute();
  return rows.map((r) => ({ ...r, method: r.method as SignMethod }));
}

/** One row per signer: recording a signer again corrects the method or the date. */
export async function upsertSignature(
  db: Database,
  s: {
    versionId: number;
    signer: string;
    partyId: number | null;
    method: SignMethod;
    signedOn: string;
    at: string;
    staffId: number;
  },
): Promise<void> {
  const existing = await db
    .selectFrom('agreementSignatures')
    .select('id')
    .where('versionId', '=', s.versionId)
    .where('signer', '=', s.signer)
    .executeTakeFirst();
  const values = {
    partyId: s.partyId,
    method: s.method,
    signedOn: s.signedOn,
    recordedAt: s.at,
    recordedBy: s.staffId,
  };
  if (existing === undefined) {
    await db
      .insertInto('agreementSignatures')
      .values({ versionId: s.versionId, signer: s.signer, ...values })
      .execute();
  } else {
    await db.updateTable('agreementSignatures').set(values).where('id', '=', existing.id).execute();
  }
}

export async function listScans(db: Database, versionId: number) {
  return db
    .selectFrom('agreementScans')
    .leftJoin('staff', 'staff.id', 'agreementScans.attachedBy')
    .select([
      'agreementScans.id',
      'agreementScans.fileName',
      'agreementScans.mime',
      'agreementScans.size',
      'agreementScans.sha256',
      'agreementScans.attachedAt',
      'staff.displayName as attachedByName',
    ])
    .where('agreementScans.versionId', '=', versionId)
    .orderBy('agreementScans.id')
    .execute();
}

export async function insertScan(
  db: Database,
  scan: {
    versionId: number;
    fileName: string;
    mime: string;
    sha256: string;
    bytes: Uint8Array;
    at: string;
    staffId: number;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('agreementScans')
    .values({
      versionId: scan.versionId,
      fileName: scan.fileName,
      mime: scan.mime,
      size: scan.bytes.byteLength,
      sha256: scan.sha256,
      bytes: Buffer.from(scan.bytes),
      attachedAt: scan.at,
      attachedBy: scan.staffId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function readScan(db: Database, id: number) {
  const row = await db
    .selectFrom('agreementScans')
    .innerJoin('agreementVersions', 'agreementVersions.id', 'agreementScans.versionId')
    .select([
      'agreementScans.fileName',
      'agreementScans.mime',
      'agreementScans.bytes',
      'agreementScans.sha256',
      'agreementVersions.caseId',
    ])
    .where('agreementScans.id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The agreement took effect: the case carries the date, so the judicial-confirmation window
 * (src/cases/confirmation-window.ts) runs from it. A case change like any other: new version.
 */
export async function setCaseAgreementEffectiveOn(
  db: Database,
  caseId: number,
  effectiveOn: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('cases')
    .set((eb) => ({
      agreementEffectiveOn: effectiveOn,
      updatedAt: at,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', caseId)
    .execute();
}

/** Agreements waiting for the clerk: drafts not yet printed, printed ones not yet in effect. */
export async function listAgreementQueue(db: Database, studioIds: readonly number[] | undefined) {
  let query = db
    .selectFrom('agreementVersions as v')
    .innerJoin('cases', 'cases.id', 'v.caseId')
    .select([
      'v.id as versionId',
      'v.caseId',
      'v.versionNo',
      'v.printedAt',
      'v.updatedAt',
      'cases.number as caseNumber',
      'cases.studioId',
    ])
    .where('v.effectiveOn', 'is', null)
    // Only each case's latest version: an older draft is superseded.
    .where(({ eb, selectFrom }) =>
      eb(
        'v.versionNo',
        '=',
        selectFrom('agreementVersions as w')
          .select((x) => x.fn.max('w.versionNo').as('m'))
          .whereRef('w.caseId', '=', 'v.caseId'),
      ),
    );
  if (studioIds !== undefined) query = query.where('cases.studioId', 'in', [...studioIds, -1]);
  return query.orderBy('v.updatedAt', 'desc').limit(200).execute();
}

export async function countSignatures(db: Database, versionIds: readonly number[]) {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('agreementSignatures')
    .select(['versionId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('versionId', 'in', versionIds)
    .groupBy('versionId')
    .execute();
}
