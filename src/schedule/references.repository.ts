import type { Database } from '../db/database';
import type { StudioKind } from '../studios/studio.schema';

/** Lookups a booking needs about its room, staff, case and parties. */

export interface RoomRef {
  readonly id: number;
  readonly studioId: number;
  readonly studioKind: StudioKind;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly active: boolean;
}

export async function findRoom(db: Database, id: number): Promise<RoomRef | null> {
  const row = await db
    .selectFrom('rooms')
    .innerJoin('studios', 'studios.id', 'rooms.studioId')
    .select([
      'rooms.id',
      'rooms.studioId',
      'studios.kind as studioKind',
      'rooms.nameZh',
      'rooms.nameEn',
      'rooms.active',
    ])
    .where('rooms.id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return null;
  return { ...row, studioKind: row.studioKind as StudioKind, active: row.active === 1 };
}

/** Active rooms of a studio, in their order. */
export async function listStudioRooms(db: Database, studioId: number) {
  return db
    .selectFrom('rooms')
    .select(['id', 'nameZh', 'nameEn'])
    .where('studioId', '=', studioId)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
}

export async function findStudioKind(db: Database, studioId: number): Promise<StudioKind | null> {
  const row = await db
    .selectFrom('studios')
    .select('kind')
    .where('id', '=', studioId)
    .executeTakeFirst();
  return row === undefined ? null : (row.kind as StudioKind);
}

/** The ids among `ids` that are active staff accounts. */
export async function activeStaffIds(db: Database, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function casePartyIds(db: Database, caseId: number): Promise<Set<number>> {
  const rows = await db
    .selectFrom('caseParties')
    .select('partyId')
    .where('caseId', '=', caseId)
    .execute();
  return new Set(rows.map((r) => r.partyId));
}

export async function staffNames(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'displayName'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function partyNames(db: Database, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .selectFrom('parties')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
