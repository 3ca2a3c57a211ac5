import type { Kysely } from 'kysely';
import { withId } from './helpers';

/**
 * The case lifecycle (DESIGN §4): answers, conclusion, archive, deadlines with pauses and
 * extensions, mediators, links between cases, follow-up visits.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, string][] = [
    ['answered_at', 'text'], // accepted, declined or referred: the "response"
    ['accepted_at', 'text'],
    ['decline_reason', 'text'],
    ['referred_to', 'text'],
    ['referral_reason', 'text'],
    ['mediation_started_at', 'text'],
    ['concluded_at', 'text'],
    ['outcome', 'text'],
    ['outcome_note', 'text'],
    ['advised_route', 'text'], // after no agreement: arbitration, administrative, litigation
    ['agreement_effective_on', 'text'],
    ['archived_at', 'text'],
    ['deadline_on', 'text'], // due date (YYYY-MM-DD), recomputed on every change of its inputs
    ['deadline_paused_since', 'text'],
  ];
  for (const [name, type] of columns) {
    await db.schema
      .alterTable('cases')
      .addColumn(name, type as 'text')
      .execute();
  }
  // 代理人 agents: whom they act for and with which authority (power of attorney).
  await db.schema
    .alterTable('case_parties')
    .addColumn('represents_party_id', 'integer', (c) => c.references('parties.id'))
    .execute();
  await db.schema.alterTable('case_parties').addColumn('agent_authority', 'text').execute();

  await db.schema
    .createIndex('cases_deadline_ix')
    .on('cases')
    .columns(['status', 'deadline_on'])
    .execute();

  await db.schema
    .createTable('case_mediators')
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_mediators_pk', ['case_id', 'staff_id'])
    .execute();
  await db.schema
    .createIndex('case_mediators_staff_ix')
    .on('case_mediators')
    .column('staff_id')
    .execute();

  // 暂停 pause / 恢复 resume / 延长 extension of the deadline, each with its reason.
  await withId(db, db.schema.createTable('case_deadline_changes'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('days', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_deadline_changes_case_ix')
    .on('case_deadline_changes')
    .column('case_id')
    .execute();

  await withId(db, db.schema.createTable('case_links'))
    .addColumn('from_case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('to_case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('case_links_from_ix')
    .on('case_links')
    .column('from_case_id')
    .execute();
  await db.schema.createIndex('case_links_to_ix').on('case_links').column('to_case_id').execute();

  // 回访 follow-up visits after conclusion.
  await withId(db, db.schema.createTable('follow_ups'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('visited_at', 'text')
    .addColumn('visitor_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('performance', 'text')
    .addColumn('satisfaction', 'text')
    .addColumn('escalation', 'integer')
    .addColumn('escalation_note', 'text')
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('follow_ups_case_ix').on('follow_ups').column('case_id').execute();
  await db.schema
    .createIndex('follow_ups_due_ix')
    .on('follow_ups')
    .columns(['visited_at', 'due_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['follow_ups', 'case_links', 'case_deadline_changes', 'case_mediators']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('cases_deadline_ix').execute();
}
