import { sql, type Kysely } from 'kysely';

/**
 * The working-day calendar (DESIGN §4): public holidays and make-up working days (调休上班),
 * editable by the admin afterwards (calendar/set, calendar/remove).
 *
 * Seeded with the State Council's schedule for 2026 (国务院办公厅关于2026年部分节假日安排的通知,
 * 国办发明电〔2025〕7号), copied as literal rows from chinese-workday 1.16.1 — migrations are
 * frozen and never read a package whose data could change under them. Every day of each break
 * is listed, weekend days included, as published. 2027 is not seeded: no source carried it when
 * this was written, and the admin enters it once published (the API reports the year as not
 * configured until a holiday row exists). Like every migration, this runs once: a database
 * created later still gets only these rows.
 */
const days2026: readonly (readonly [date: string, kind: 'holiday' | 'workday', name: string])[] = [
  ['2026-01-01', 'holiday', '元旦'],
  ['2026-01-02', 'holiday', '元旦'],
  ['2026-01-03', 'holiday', '元旦'],
  ['2026-01-04', 'workday', '补元旦'],
  ['2026-02-14', 'workday', '补春节'],
  ['2026-02-15', 'holiday', '春节'],
  ['2026-02-16', 'holiday', '春节'],
  ['2026-02-17', 'holiday', '春节'],
  ['2026-02-18', 'holiday', '春节'],
  ['2026-02-19', 'holiday', '春节'],
  ['2026-02-20', 'holiday', '春节'],
  ['2026-02-21', 'holiday', '春节'],
  ['2026-02-22', 'holiday', '春节'],
  ['2026-02-23', 'holiday', '春节'],
  ['2026-02-28', 'workday', '补春节'],
  ['2026-04-04', 'holiday', '清明节'],
  ['2026-04-05', 'holiday', '清明节'],
  ['2026-04-06', 'holiday', '清明节'],
  ['2026-05-01', 'holiday', '劳动节'],
  ['2026-05-02', 'holiday', '劳动节'],
  ['2026-05-03', 'holiday', '劳动节'],
  ['2026-05-04', 'holiday', '劳动节'],
  ['2026-05-05', 'holiday', '劳动节'],
  ['2026-05-09', 'workday', '补劳动节'],
  ['2026-06-19', 'holiday', '端午节'],
  ['2026-06-20', 'holiday', '端午节'],
  ['2026-06-21', 'holiday', '端午节'],
  ['2026-09-20', 'workday', '补国庆节'],
  ['2026-09-25', 'holiday', '中秋节'],
  ['2026-09-26', 'holiday', '中秋节'],
  ['2026-09-27', 'holiday', '中秋节'],
  ['2026-10-01', 'holiday', '国庆节'],
  ['2026-10-02', 'holiday', '国庆节'],
  ['2026-10-03', 'holiday', '国庆节'],
  ['2026-10-04', 'holiday', '国庆节'],
  ['2026-10-05', 'holiday', '国庆节'],
  ['2026-10-06', 'holiday', '国庆节'],
  ['2026-10-07', 'holiday', '国庆节'],
  ['2026-10-10', 'workday', '补国庆节'],
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey()) // YYYY-MM-DD
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addCheckConstraint('calendar_days_kind_ck', sql`kind in ('holiday', 'workday')`)
    .execute();
  await db
    .insertInto('calendar_days')
    .values(days2026.map(([date, kind, name]) => ({ date, kind, name })))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_days').execute();
}
