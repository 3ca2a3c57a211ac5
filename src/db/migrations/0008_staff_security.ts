import type { Kysely } from 'kysely';

/**
 * Staff and the safety of the record (issue 7): the defaults of the new settings written out,
 * so the admin screens show what is in force, and indexes for the audit log's filters (newest
 * first by id, narrowed by date, person, method or entity).
 */
const defaults: readonly (readonly [key: string, value: string])[] = [
  ['security.idleLockMinutes', '10'],
  ['backup.folder', ''],
  ['backup.keepDaily', '14'],
  ['backup.keepMonthly', '12'],
  [
    'center.workHours',
    JSON.stringify({ start: '08:30', end: '17:30', breakStart: '12:00', breakEnd: '14:00' }),
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [key, value] of defaults) {
    await db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  }
  await db.schema.createIndex('audit_log_at_ix').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_staff_ix').on('audit_log').column('staff_id').execute();
  await db.schema.createIndex('audit_log_method_ix').on('audit_log').column('method').execute();
  await db.schema
    .createIndex('audit_log_entity_ix')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of [
    'audit_log_entity_ix',
    'audit_log_method_ix',
    'audit_log_staff_ix',
    'audit_log_at_ix',
  ]) {
    await db.schema.dropIndex(index).execute();
  }
  await db
    .deleteFrom('settings')
    .where(
      'key',
      'in',
      defaults.map(([key]) => key),
    )
    .execute();
}
