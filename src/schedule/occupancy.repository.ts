import type { Database } from '../db/database';
import type { ConflictResource } from './session.schema';
import { MAX_SESSION_MS } from './session-time.schema';
import type { Interval } from './session-rules';

/**
 * session_occupancy: the room, staff and parties each active session holds, with its times.
 * Every query here is one index range per resource: (resource, resource_id, starts_at) with
 * starts_at bounded below by `start − MAX_SESSION_MS`, since nothing that began earlier can
 * still be running (sessions last under a day).
 */

export interface Booking {
  readonly roomId: number;
  readonly staffIds: readonly number[];
  readonly partyIds: readonly number[];
  readonly startsAt: string;
  readonly endsAt: string;
}

export interface Occupant {
  readonly sessionId: number;
  readonly resource: ConflictResource;
  readonly resourceId: number;
}

/** Replaces what a session holds (on booking, moving, editing). */
export async function occupy(db: Database, sessionId: number, b: Booking): Promise<void> {
  await release(db, sessionId);
  const rows = [
    { resource: 'room', resourceId: b.roomId },
    ...b.staffIds.map((resourceId) => ({ resource: 'staff', resourceId })),
    ...b.partyIds.map((resourceId) => ({ resource: 'party', resourceId })),
  ].map((r) => ({ ...r, sessionId, startsAt: b.startsAt, endsAt: b.endsAt }));
  await db.insertInto('sessionOccupancy').values(rows).execute();
}

/** Frees everything a session held (cancelled, missed, postponed). */
export async function release(db: Database, sessionId: number): Promise<void> {
  await db.deleteFrom('sessionOccupancy').where('sessionId', '=', sessionId).execute();
}

const earliestStart = (start: string) => new Date(Date.parse(start) - MAX_SESSION_MS).toISOString();

/**
 * Active sessions overlapping [start, end) that hold the room, any of the staff or any of the
 * parties; `excludeSessionId` (the session being moved) never conflicts with itself.
 */
export async function findOccupants(
  db: Database,
  want: {
    readonly roomId?: number;
    readonly staffIds: readonly number[];
    readonly partyIds: readonly number[];
    readonly startsAt: string;
    readonly endsAt: string;
    readonly excludeSessionId?: number;
  },
): Promise<Occupant[]> {
  const groups: [ConflictResource, readonly number[]][] = [
    ['room', want.roomId === undefined ? [] : [want.roomId]],
    ['staff', want.staffIds],
    ['party', want.partyIds],
  ];
  const found: Occupant[] = [];
  for (const [resource, ids] of groups) {
    if (ids.length === 0) continue;
    let query = db
      .selectFrom('sessionOccupancy')
      .select(['sessionId', 'resourceId'])
      .where('resource', '=', resource)
      .where('resourceId', 'in', ids)
      .where('startsAt', '>', earliestStart(want.startsAt))
      .where('startsAt', '<', want.endsAt)
      .where('endsAt', '>', want.startsAt);
    if (want.excludeSessionId !== undefined) {
      query = query.where('sessionId', '<>', want.excludeSessionId);
    }
    // The first occupant names the conflict: the same one on both engines.
    query = query.orderBy('resourceId').orderBy('startsAt').orderBy('sessionId');
    for (const row of await query.execute()) found.push({ ...row, resource });
  }
  return found;
}

/** Busy ranges of some resources inside a window, by resource id. */
export async function busyRanges(
  db: Database,
  resource: ConflictResource,
  ids: readonly number[],
  window: { readonly startsAt: string; readonly endsAt: string },
  excludeSessionId?: number,
): Promise<Map<number, Interval[]>> {
  const busy = new Map<number, Interval[]>();
  if (ids.length === 0) return busy;
  let query = db
    .selectFrom('sessionOccupancy')
    .select(['resourceId', 'startsAt', 'endsAt'])
    .where('resource', '=', resource)
    .where('resourceId', 'in', ids)
    .where('startsAt', '>', earliestStart(window.startsAt))
    .where('startsAt', '<', window.endsAt)
    .where('endsAt', '>', window.startsAt);
  if (excludeSessionId !== undefined) query = query.where('sessionId', '<>', excludeSessionId);
  for (const row of await query.orderBy('resourceId').orderBy('startsAt').execute()) {
    const list = busy.get(row.resourceId) ?? [];
    list.push({ start: Date.parse(row.startsAt), end: Date.parse(row.endsAt) });
    busy.set(row.resourceId, list);
  }
  return busy;
}
