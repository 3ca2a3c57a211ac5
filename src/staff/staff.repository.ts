import type { Database } from '../db/database';
import type { Role } from './staff.schema';

export interface StaffRecord {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly active: boolean;
  readonly roles: readonly Role[];
  readonly studioIds: readonly number[];
}

export async function countStaff(db: Database): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findStaffByUsername(
  db: Database,
  username: string,
): Promise<StaffRecord | null> {
  const row = await db
    .selectFrom('staff')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  return row ? withMemberships(db, row) : null;
}

export async function findStaffById(db: Database, id: number): Promise<StaffRecord | null> {
  const row = await db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? withMemberships(db, row) : null;
}

export interface NewStaff {
  readonly username: string;
  readonly displayName: string;
  readonly passwordHash: string;
  readonly roles: readonly Role[];
  readonly studioIds: readonly number[];
  readonly createdAt: string;
}

export async function insertStaff(db: Database, staff: NewStaff): Promise<number> {
  const { id } = await db
    .insertInto('staff')
    .values({
      username: staff.username,
      displayName: staff.displayName,
      passwordHash: staff.passwordHash,
      createdAt: staff.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staffRoles')
    .values(staff.roles.map((role) => ({ staffId: id, role })))
    .execute();
  if (staff.studioIds.length > 0) {
    await db
      .insertInto('staffStudios')
      .values(staff.studioIds.map((studioId) => ({ staffId: id, studioId })))
      .execute();
  }
  return id;
}

async function withMemberships(
  db: Database,
  row: { id: number; username: string; displayName: string; passwordHash: string; active: number },
): Promise<StaffRecord> {
  const roles = await db
    .selectFrom('staffRoles')
    .select('role')
    .where('staffId', '=', row.id)
    .execute();
  const studios = await db
    .selectFrom('staffStudios')
    .select('studioId')
    .where('staffId', '=', row.id)
    .execute();
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    passwordHash: row.passwordHash,
    active: row.active === 1,
    roles: roles.map((r) => r.role as Role),
    studioIds: studios.map((s) => s.studioId),
  };
}

export interface StaffSummary {
  readonly id: number;
  readonly displayName: string;
  readonly active: boolean;
  readonly roles: readonly Role[];
  readonly studioIds: readonly number[];
}

/** Everyone, with roles and studios (no password hashes). */
export async function listStaff(db: Database): Promise<StaffSummary[]> {
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'displayName', 'active'])
    .orderBy('id')
    .execute();
  const roles = await db.selectFrom('staffRoles').select(['staffId', 'role']).execute();
  const studios = await db.selectFrom('staffStudios').select(['staffId', 'studioId']).execute();
  return staff.map((s) => ({
    id: s.id,
    displayName: s.displayName,
    active: s.active === 1,
    roles: roles.filter((r) => r.staffId === s.id).map((r) => r.role as Role),
    studioIds: studios.filter((r) => r.staffId === s.id).map((r) => r.studioId),
  }));
}
