import type { Database } from '../db/database';
import type { DocumentKind } from './document.schema';

/** A party as the papers name them: in full (legal documents carry the resident ID). */
export interface PartyFacts {
  readonly partyId: number;
  readonly role: string;
  readonly kind: 'person' | 'organization';
  readonly name: string;
  readonly sex: string | null;
  readonly idNumber: string | null;
  readonly birthDate: string | null;
  readonly ethnicity: string | null;
  readonly occupation: string | null;
  readonly creditCode: string | null;
  readonly legalRepresentative: string | null;
  readonly phone: string | null;
  readonly address: string | null;
}

export async function listPartyFacts(db: Database, caseId: number): Promise<PartyFacts[]> {
  const rows = await db
    .selectFrom('caseParties')
    .innerJoin('parties', 'parties.id', 'caseParties.partyId')
    .select([
      'caseParties.partyId',
      'caseParties.role',
      'parties.kind',
      'parties.name',
      'parties.sex',
      'parties.idNumber',
      'parties.birthDate',
      'parties.ethnicity',
      'parties.occupation',
      'parties.creditCode',
      'parties.legalRepresentative',
      'parties.phone',
      'parties.address',
    ])
    .where('caseParties.caseId', '=', caseId)
    .orderBy('caseParties.sortOrder')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind === 'organization' ? 'organization' : 'person' }));
}

/** The names printed at the top of the papers: the studio's committee and the center. */
export async function findHeaderFacts(db: Database, studioId: number) {
  const studio = await db
    .selectFrom('studios')
    .select(['nameZh', 'committeeName'])
    .where('id', '=', studioId)
    .executeTakeFirstOrThrow();
  const center = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'center.name')
    .executeTakeFirst();
  return {
    studioName: studio.nameZh,
    committeeName: studio.committeeName,
    centerName: center?.value ?? '',
  };
}

export async function findStaffName(db: Database, staffId: number): Promise<string> {
  const row = await db
    .selectFrom('staff')
    .select('displayName')
    .where('id', '=', staffId)
    .executeTakeFirst();
  return row?.displayName ?? '';
}

export interface DocumentMeta {
  readonly id: number;
  readonly caseId: number;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly code: string;
  readonly pdfSha256: string;
  readonly pdfSize: number;
  readonly pages: number;
  readonly copies: number;
  readonly createdAt: string;
  readonly createdByName: string | null;
}

const metaColumns = [
  'documents.id',
  'documents.caseId',
  'documents.kind',
  'documents.title',
  'documents.code',
  'documents.pdfSha256',
  'documents.pdfSize',
  'documents.pages',
  'documents.copies',
  'documents.createdAt',
  'staff.displayName as createdByName',
] as const;

function toMeta<R extends { kind: string }>(row: R): R & { kind: DocumentKind } {
  return { ...row, kind: row.kind as DocumentKind };
}

export async function listDocuments(db: Database, caseId: number): Promise<DocumentMeta[]> {
  const rows = await db
    .selectFrom('documents')
    .leftJoin('staff', 'staff.id', 'documents.createdBy')
    .select(metaColumns)
    .where('documents.caseId', '=', caseId)
    .orderBy('documents.createdAt')
    .orderBy('documents.id')
    .execute();
  return rows.map(toMeta);
}

export async function findDocumentMeta(db: Database, id: number): Promise<DocumentMeta | null> {
  const row = await db
    .selectFrom('documents')
    .leftJoin('staff', 'staff.id', 'documents.createdBy')
    .select(metaColumns)
    .where('documents.id', '=', id)
    .executeTakeFirst();
  return row === undefined ? null : toMeta(row);
}

export async function findDocumentByCode(db: Database, code: string) {
  const row = await db
    .selectFrom('documents')
    .innerJoin('cases', 'cases.id', 'documents.caseId')
    .leftJoin('staff', 'staff.id', 'documents.createdBy')
    .select([...metaColumns, 'cases.number as caseNumber', 'cases.studioId'])
    .where('documents.code', '=', code)
    .executeTakeFirst();
  return row === undefined ? null : toMeta(row);
}

export async function findDocumentByHash(db: Database, contentHash: string) {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'code'])
    .where('contentHash', '=', contentHash)
    .executeTakeFirst();
  return row ?? null;
}

export async function findDocumentSummary(db: Database, id: number) {
  return db
    .selectFrom('documents')
    .select(['id', 'code', 'title', 'pages', 'pdfSize', 'pdfSha256', 'content'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

export async function isCodeTaken(db: Database, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export async function readDocumentPdf(db: Database, id: number) {
  const row = await db
    .selectFrom('documents')
    .select(['pdf', 'pdfSha256', 'title', 'code'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}

/** The stored content (model and frame) of a case's documents, for the dossier. */
export async function listDocumentContents(db: Database, caseId: number) {
  return db
    .selectFrom('documents')
    .select(['id', 'kind', 'title', 'content', 'pages', 'copies', 'createdAt'])
    .where('caseId', '=', caseId)
    .where('kind', '!=', 'dossier')
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

export interface NewDocument {
  readonly caseId: number;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly code: string;
  readonly contentHash: string;
  readonly content: string;
  readonly pdf: Uint8Array;
  readonly pdfSha256: string;
  readonly pages: number;
  readonly copies: number;
  readonly createdAt: string;
  readonly createdBy: number;
}

export async function insertDocument(db: Database, doc: NewDocument): Promise<number> {
  const { id } = await db
    .insertInto('documents')
    .values({ ...doc, pdf: Buffer.from(doc.pdf), pdfSize: doc.pdf.byteLength })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
