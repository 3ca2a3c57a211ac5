import type { Kysely } from 'kysely';
import { isPostgres, withId } from './helpers';

/**
 * Documents (src/documents): every generated PDF with its verification code, and the mediation
 * agreement's versions, signatures and signed scans.
 *
 * - documents: the PDF bytes as printed (a reprint hands back these bytes), their sha256, and
 *   the content they were drawn from (JSON), whose hash gives the short verification code.
 * - agreement_versions: each saved version of a case's 人民调解协议书; printing freezes one.
 * - agreement_signatures: per printed version, who signed, sealed or put a fingerprint, and when.
 * - agreement_scans: the signed paper, scanned (PDF/JPEG/PNG), with its sha256.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = isPostgres(db) ? 'bytea' : 'blob';

  await withId(db, db.schema.createTable('documents'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('pdf', bytes as 'blob', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_size', 'integer', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('copies', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
    .execute();
  await db.schema
    .createIndex('documents_case_ix')
    .on('documents')
    .columns(['case_id', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('agreement_versions'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('printed_at', 'text')
    .addColumn('printed_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('effective_on', 'text')
    .addUniqueConstraint('agreement_versions_case_no_uq', ['case_id', 'version_no'])
    .execute();

  await withId(db, db.schema.createTable('agreement_signatures'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('agreement_versions.id'))
    // 'party:<id>', 'mediator' or 'committee': one row per signer and version.
    .addColumn('signer', 'text', (c) => c.notNull())
    .addColumn('party_id', 'integer', (c) => c.references('parties.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('signed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addUniqueConstraint('agreement_signatures_uq', ['version_id', 'signer'])
    .execute();

  await withId(db, db.schema.createTable('agreement_scans'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('agreement_versions.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', bytes as 'blob', (c) => c.notNull())
    .addColumn('attached_at', 'text', (c) => c.notNull())
    .addColumn('attached_by', 'integer', (c) => c.notNull().references('staff.id'))
    .execute();
  await db.schema
    .createIndex('agreement_scans_version_ix')
    .on('agreement_scans')
    .column('version_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'agreement_scans',
    'agreement_signatures',
    'agreement_versions',
    'documents',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
