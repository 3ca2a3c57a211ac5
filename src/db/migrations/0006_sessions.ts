import { sql, type Kysely } from 'kysely';
import { withId } from './helpers';

/**
 * Sessions (DESIGN §4 "Session"): mediation meetings, hearings, confirmation reviews, counseling,
 * leading cadres' reception slots (领导接访) and follow-up visits, each in a room with staff and
 * the case's parties. Kinds and statuses are copied here as literals: migrations are frozen.
 */
const KINDS = [
  'mediation',
  'hearing',
  'confirmation_review',
  'counseling',
  'leader_reception',
  'follow_up_visit',
];
const STATUSES = ['scheduled', 'held', 'cancelled', 'no_show', 'postponed'];

const quoted = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export async function up(db: Kysely<any>): Promise<void> {
  // Instants are ISO-8601 UTC text of one fixed shape (toISOString), so text order is time order.
  await withId(db, db.schema.createTable('sessions'))
    // Null only for a leader's reception slot nobody has been booked into yet.
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    // The case's number, copied: numbers never change once issued (gap-free, never reused), and
    // a busy calendar week lists a thousand sessions without reading a thousand case rows.
    .addColumn('case_number', 'text')
    .addColumn('studio_id', 'integer', (c) => c.notNull().references('studios.id'))
    .addColumn('room_id', 'integer', (c) => c.notNull().references('rooms.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('scheduled'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('record', 'text') // what happened, when held
    .addColumn('status_reason', 'text') // why cancelled or postponed; a no-show's note
    .addColumn('postponed_to_id', 'integer', (c) => c.references('sessions.id'))
    .addColumn('status_at', 'text')
    .addColumn('status_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('sessions_kind_ck', sql`kind in (${quoted(KINDS)})`)
    .addCheckConstraint('sessions_status_ck', sql`status in (${quoted(STATUSES)})`)
    .addCheckConstraint('sessions_range_ck', sql`ends_at > starts_at`)
    .execute();
  await db.schema
    .createIndex('sessions_studio_start_ix')
    .on('sessions')
    .columns(['studio_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('sessions_room_start_ix')
    .on('sessions')
    .columns(['room_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('sessions_start_ix').on('sessions').column('starts_at').execute();
  await db.schema.createIndex('sessions_case_ix').on('sessions').column('case_id').execute();

  // Who takes part; `attended` is set when the session is held (1/0) or a party fails to come.
  await db.schema
    .createTable('session_staff')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('attended', 'integer')
    .addPrimaryKeyConstraint('session_staff_pk', ['session_id', 'staff_id'])
    .execute();
  await db.schema
    .createIndex('session_staff_staff_ix')
    .on('session_staff')
    .columns(['staff_id', 'session_id'])
    .execute();
  await db.schema
    .createTable('session_parties')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('party_id', 'integer', (c) => c.notNull().references('parties.id'))
    .addColumn('attended', 'integer')
    .addPrimaryKeyConstraint('session_parties_pk', ['session_id', 'party_id'])
    .execute();
  await db.schema
    .createIndex('session_parties_party_ix')
    .on('session_parties')
    .columns(['party_id', 'session_id'])
    .execute();

  // What active (scheduled or held) sessions hold: one row per room, staff member and party, with
  // the session's times copied in. Conflict checks and the free-slot search read only this, one
  // index range per resource; rows leave when a session is cancelled, missed or postponed.
  await db.schema
    .createTable('session_occupancy')
    .addColumn('session_id', 'integer', (c) => c.notNull().references('sessions.id'))
    .addColumn('resource', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_occupancy_pk', ['session_id', 'resource', 'resource_id'])
    .addCheckConstraint(
      'session_occupancy_resource_ck',
      sql`resource in ('room', 'staff', 'party')`,
    )
    .execute();
  await db.schema
    .createIndex('session_occupancy_lookup_ix')
    .on('session_occupancy')
    .columns(['resource', 'resource_id', 'starts_at'])
    .execute();

  // 工作时间: morning and afternoon; outside them a booking is a warning, not a refusal.
  await db
    .insertInto('settings')
    .values({ key: 'schedule.workingHours', value: '08:30-12:00,13:30-17:30' })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', 'schedule.workingHours').execute();
  for (const table of ['session_occupancy', 'session_parties', 'session_staff', 'sessions']) {
    await db.schema.dropTable(table).execute();
  }
}
