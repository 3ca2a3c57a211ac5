import type { Database } from '../db/database';
import type { StudioKind } from '../studios/studio.schema';

export interface StudioRow {
  readonly id: number;
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly kind: StudioKind;
  readonly numberCode: string;
  readonly numberWord: string;
  readonly deadlineAmount: number;
  readonly deadlineUnit: string;
  readonly committeeName: string;
  readonly sortOrder: number;
  readonly active: boolean;
  readonly version: number;
}

export interface RoomRow {
  readonly id: number;
  readonly studioId: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly capacity: number;
  readonly active: boolean;
}

/** Every studio with every room, inactive ones included (the settings screen shows them all). */
export async function listStudiosForAdmin(db: Database) {
  const studios = await db.selectFrom('studios').selectAll().orderBy('sortOrder').execute();
  const rooms = await db.selectFrom('rooms').selectAll().orderBy('id').execute();
  return studios.map((s) => ({
    ...toStudio(s),
    rooms: rooms.filter((r) => r.studioId === s.id).map(toRoom),
  }));
}

function toStudio(s: {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  numberCode: string;
  numberWord: string;
  deadlineAmount: number;
  deadlineUnit: string;
  committeeName: string;
  sortOrder: number;
  active: number;
  version: number;
}): StudioRow {
  return { ...s, kind: s.kind as StudioKind, active: s.active === 1 };
}

function toRoom(r: {
  id: number;
  studioId: number;
  nameZh: string;
  nameEn: string;
  capacity: number;
  active: number;
}): RoomRow {
  return { ...r, active: r.active === 1 };
}

export async function findStudioRow(db: Database, id: number): Promise<StudioRow | null> {
  const row = await db.selectFrom('studios').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toStudio(row);
}

/** Another studio already numbering with this code and word (their case numbers would collide). */
export async function numberCodeUsedElsewhere(
  db: Database,
  code: string,
  word: string,
  exceptId: number | null,
): Promise<boolean> {
  let query = db
    .selectFrom('studios')
    .select('id')
    .where('numberCode', '=', code)
    .where('numberWord', '=', word);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function studioCodeExists(db: Database, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('studios')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

export interface StudioChange {
  readonly nameZh: string;
  readonly nameEn: string;
  readonly committeeName: string;
  readonly numberCode: string;
  readonly numberWord: string;
  readonly deadlineAmount: number;
  readonly deadlineUnit: string;
  readonly active: boolean;
}

/** Optimistic update; false when the version moved on. */
export async function updateStudio(
  db: Database,
  id: number,
  version: number,
  change: StudioChange,
): Promise<boolean> {
  const result = await db
    .updateTable('studios')
    .set((eb) => ({ ...change, active: change.active ? 1 : 0, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertStudio(
  db: Database,
  studio: Omit<StudioChange, 'active'> & { code: string; kind: StudioKind },
): Promise<number> {
  const last = await db
    .selectFrom('studios')
    .select((eb) => eb.fn.max('sortOrder').as('n'))
    .executeTakeFirst();
  const { id } = await db
    .insertInto('studios')
    .values({ ...studio, sortOrder: Number(last?.n ?? 0) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findRoomRow(db: Database, id: number): Promise<RoomRow | null> {
  const row = await db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toRoom(row);
}

export async function insertRoom(
  db: Database,
  room: { studioId: number; nameZh: string; nameEn: string; capacity: number },
): Promise<number> {
  const { id } = await db
    .insertInto('rooms')
    .values(room)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateRoom(
  db: Database,
  id: number,
  room: { studioId: number; nameZh: string; nameEn: string; capacity: number; active: boolean },
): Promise<void> {
  await db
    .updateTable('rooms')
    .set({ ...room, active: room.active ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}
