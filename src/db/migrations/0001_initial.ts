import type { Kysely } from 'kysely';
import { withId } from './helpers';

/** Studios, rooms, staff, parties, cases with their parties and timeline, numbering, audit. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('studios'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number_code', 'text', (c) => c.notNull())
    .addColumn('number_word', 'text', (c) => c.notNull())
    .addColumn('deadline_amount', 'integer', (c) => c.notNull())
    .addColumn('deadline_unit', 'text', (c) => c.notNull())
    .addColumn('committee_name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, db.schema.createTable('rooms'))
    .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await withId(db, db.schema.createTable('staff'))
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('staff_roles')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('staff_roles_pk', ['staff_id', 'role'])
    .execute();

  await db.schema
    .createTable('staff_studios')
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
    .addPrimaryKeyConstraint('staff_studios_pk', ['staff_id', 'studio_id'])
    .execute();

  await withId(db, db.schema.createTable('parties'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text')
    .addColumn('id_number', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('occupation', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('legal_representative', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // A person or organization is stored once (DESIGN §4): unique where the number is known.
  await db.schema
    .createIndex('parties_id_number_uq')
    .on('parties')
    .column('id_number')
    .unique()
    .where('id_number', 'is not', null)
    .execute();
  await db.schema
    .createIndex('parties_credit_code_uq')
    .on('parties')
    .column('credit_code')
    .unique()
    .where('credit_code', 'is not', null)
    .execute();
  await db.schema.createIndex('parties_phone_ix').on('parties').column('phone').execute();
  await db.schema.createIndex('parties_name_ix').on('parties').column('name').execute();

  await withId(db, db.schema.createTable('cases'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
    .addColumn('number_year', 'integer', (c) => c.notNull())
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('requests', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('registered_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('cases_studio_status_ix')
    .on('cases')
    .columns(['studio_id', 'status', 'registered_at'])
    .execute();
  await db.schema.createIndex('cases_registered_ix').on('cases').column('registered_at').execute();

  await withId(db, db.schema.createTable('case_parties'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('party_id', 'integer', (c) => c.notNull().references('parties.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_parties_case_ix')
    .on('case_parties')
    .column('case_id')
    .execute();
  await db.schema
    .createIndex('case_parties_party_ix')
    .on('case_parties')
    .column('party_id')
    .execute();

  await withId(db, db.schema.createTable('case_events'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case_ix').on('case_events').column('case_id').execute();

  // Gap-free numbering: the counter moves in the same transaction as the row that uses it.
  await db.schema
    .createTable('number_sequences')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'number_sequences',
    'case_events',
    'case_parties',
    'cases',
    'parties',
    'staff_studios',
    'staff_roles',
    'staff',
    'rooms',
    'studios',
    'settings',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
