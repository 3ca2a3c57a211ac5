import { sql } from 'kysely';
import type { Database } from '../../../src/db/database';

const ACTIVE = sql`('scheduled', 'held')`;

/**
 * Pairs of active sessions that overlap in time and share a room, a staff member or a party,
 * computed from the sessions and their people (not from the occupancy table the checks use).
 */
export async function doubleBookings(db: Database): Promise<string[]> {
  const { rows: rooms } = await sql<{ a: number; b: number }>`
    select a.id as a, b.id as b from sessions a join sessions b
      on a.id < b.id and a.room_id = b.room_id
     and a.starts_at < b.ends_at and b.starts_at < a.ends_at
    where a.status in ${ACTIVE} and b.status in ${ACTIVE}`.execute(db);
  const shared = async (table: 'session_staff' | 'session_parties', column: string) =>
    (
      await sql<{ a: number; b: number; who: number }>`
        select a.id as a, b.id as b, pa.${sql.ref(column)} as who
        from sessions a
        join ${sql.table(table)} pa on pa.session_id = a.id
        join ${sql.table(table)} pb on pb.${sql.ref(column)} = pa.${sql.ref(column)}
        join sessions b on b.id = pb.session_id and a.id < b.id
        where a.status in ${ACTIVE} and b.status in ${ACTIVE}
          and a.starts_at < b.ends_at and b.starts_at < a.ends_at`.execute(db)
    ).rows;
  return [
    ...rooms.map((r) => `room: #${r.a} and #${r.b}`),
    ...(await shared('session_staff', 'staff_id')).map((r) => `staff ${r.who}: #${r.a}/#${r.b}`),
    ...(await shared('session_parties', 'party_id')).map((r) => `party ${r.who}: #${r.a}/#${r.b}`),
  ];
}

/** The occupancy table says exactly what the active sessions hold, nothing more or less. */
export async function occupancyDrift(db: Database): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`
    with expected as (
      select id as session_id, 'room' as resource, room_id as resource_id, starts_at, ends_at
        from sessions where status in ${ACTIVE}
      union all
      select s.id, 'staff', ss.staff_id, s.starts_at, s.ends_at
        from sessions s join session_staff ss on ss.session_id = s.id where s.status in ${ACTIVE}
      union all
      select s.id, 'party', sp.party_id, s.starts_at, s.ends_at
        from sessions s join session_parties sp on sp.session_id = s.id where s.status in ${ACTIVE}
    ),
    actual as (select session_id, resource, resource_id, starts_at, ends_at from session_occupancy)
    select 'missing ' || session_id || ' ' || resource || ' ' || resource_id as row
      from (select * from expected except select * from actual) as missing
    union all
    select 'extra ' || session_id || ' ' || resource || ' ' || resource_id
      from (select * from actual except select * from expected) as extra`.execute(db);
  return rows.map((r) => r.row);
}
