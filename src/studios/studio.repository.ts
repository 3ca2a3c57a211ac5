import type { Database } from '../db/database';
import type { StudioKind } from './studio.schema';

export interface Room {
  readonly id: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly capacity: number;
}

export interface Studio {
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
  readonly active: boolean;
  readonly rooms: readonly Room[];
}

export async function listStudios(db: Database): Promise<Studio[]> {
  const studios = await db.selectFrom('studios').selectAll().orderBy('sortOrder').execute();
  const rooms = await db
    .selectFrom('rooms')
    .select(['id', 'studioId', 'nameZh', 'nameEn', 'capacity'])
    .where('active', '=', 1)
    .orderBy('id')
    .execute();
  return studios.map((s) => ({
    id: s.id,
    code: s.code,
    nameZh: s.nameZh,
    nameEn: s.nameEn,
    kind: s.kind as StudioKind,
    numberCode: s.numberCode,
    numberWord: s.numberWord,
    deadlineAmount: s.deadlineAmount,
    deadlineUnit: s.deadlineUnit,
    committeeName: s.committeeName,
    active: s.active === 1,
    rooms: rooms
      .filter((r) => r.studioId === s.id)
      .map(({ id, nameZh, nameEn, capacity }) => ({ id, nameZh, nameEn, capacity })),
  }));
}

export async function findActiveStudio(db: Database, id: number) {
  return db
    .selectFrom('studios')
    .select(['id', 'code', 'nameZh', 'nameEn', 'numberCode', 'numberWord'])
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/** The first active studio of a kind (judicial confirmation, the speedy court). */
export async function findActiveStudioByKind(db: Database, kind: StudioKind) {
  return db
    .selectFrom('studios')
    .select(['id', 'code', 'nameZh', 'nameEn', 'numberCode', 'numberWord'])
    .where('kind', '=', kind)
    .where('active', '=', 1)
    .orderBy('sortOrder')
    .executeTakeFirst();
}

export async function findStudioDeadlineRule(db: Database, studioId: number) {
  return db
    .selectFrom('studios')
    .select(['deadlineAmount', 'deadlineUnit'])
    .where('id', '=', studioId)
    .executeTakeFirstOrThrow();
}
