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
    .orderBy('role')
    .execute();
  const studios = await db
    .selectFrom('staffStudios')
    .select('studioId')
    .where('staffId', '=', row.id)
    .orderBy('studioId')
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
  const roles = await db
    .selectFrom('staffRoles')
    .select(['staffId', 'role'])
    .orderBy('staffId')
    .orderBy('role')
    .execute();
  const studios = await db
    .selectFrom('staffStudios')
    .select(['staffId', 'studioId'])
    .orderBy('staffId')
    .orderBy('studioId')
    .execute();
  return staff.map((s) => ({
    id: s.id,
    displayName: s.displayName,
    active: s.active === 1,
    roles: roles.filter((r) => r.staffId === s.id).map((r) => r.role as Role),
    studioIds: studios.filter((r) => r.staffId === s.id).map((r) => r.studioId),
  }));
}

export interface StaffAccount extends StaffSummary {
  readonly username: string;
  readonly createdAt: string;
  readonly version: number;
}

/** Settings → Staff: every account with its username and version (still no password hashes). */
export async function listStaffAccounts(db: Database): Promise<StaffAccount[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'username', 'displayName', 'active', 'createdAt', 'version'])
    .orderBy('id')
    .execute();
  const summaries = new Map((await listStaff(db)).map((s) => [s.id, s]));
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    active: r.active === 1,
    createdAt: r.createdAt,
    version: r.version,
    roles: summaries.get(r.id)?.roles ?? [],
    studioIds: summaries.get(r.id)?.studioIds ?? [],
  }));
}

export async function findStaffVersion(db: Database, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('staff')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.version ?? null;
}

/**
 * Optimistic update of name, roles and studios: only when the stored version is `version`.
 * Returns false (and changes nothing) when someone else saved first.
 */
export async function updateStaff(
  db: Database,
  change: {
    id: number;
    version: number;
    displayName: string;
    roles: readonly Role[];
    studioIds: readonly number[];
  },
): Promise<boolean> {
  const updated = await db
    .updateTable('staff')
    .set((eb) => ({ displayName: change.displayName, version: eb('version', '+', 1) }))
    .where('id', '=', change.id)
    .where('version', '=', change.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await db.deleteFrom('staffRoles').where('staffId', '=', change.id).execute();
  await db
    .insertInto('staffRoles')
    .values(change.roles.map((role) => ({ staffId: change.id, role })))
    .execute();
  await db.deleteFrom('staffStudios').where('staffId', '=', change.id).execute();
  if (change.studioIds.length > 0) {
    await db
      .insertInto('staffStudios')
      .values(change.studioIds.map((studioId) => ({ staffId: change.id, studioId })))
      .execute();
  }
  return true;
}

export async function setStaffActive(
  db: Database,
  id: number,
  version: number,
  active: boolean,
): Promise<boolean> {
  const updated = await db
    .updateTable('staff')
    .set((eb) => ({ active: active ? 1 : 0, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

export async function setPasswordHash(db: Database, id: number, passwordHash: string) {
  await db
    .updateTable('staff')
    .set((eb) => ({ passwordHash, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Active accounts holding the admin role, other than `exceptId`. */
export async function countOtherActiveAdmins(db: Database, exceptId: number): Promise<number> {
  const row = await db
    .selectFrom('staff')
    .innerJoin('staffRoles', 'staffRoles.staffId', 'staff.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('staffRoles.role', '=', 'admin')
    .where('staff.active', '=', 1)
    .where('staff.id', '!=', exceptId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
