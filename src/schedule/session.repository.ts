import { sql, type Updateable } from 'kysely';
import { AppError } from '../api/result';
import { isEmbedded, type Database } from '../db/database';
import type { SessionsTable } from '../db/tables';
import type { SessionKind, SessionStatus } from './session.schema';

/** SQL for sessions and who takes part in them. */

export interface SessionRow {
  readonly id: number;
  readonly caseId: number | null;
  readonly caseNumber: string | null;
  readonly studioId: number;
  readonly roomId: number;
  readonly kind: SessionKind;
  readonly status: SessionStatus;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly notes: string;
  readonly record: string | null;
  readonly statusReason: string | null;
  readonly postponedToId: number | null;
  readonly statusAt: string | null;
  readonly statusBy: number | null;
  readonly createdAt: string;
  readonly createdBy: number;
  readonly updatedAt: string;
  readonly version: number;
}

export interface NewSession {
  readonly caseId: number | null;
  readonly caseNumber: string | null;
  readonly studioId: number;
  readonly roomId: number;
  readonly kind: SessionKind;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly notes: string;
  readonly createdAt: string;
  readonly createdBy: number;
}

type RawSession = Omit<SessionRow, 'kind' | 'status'> & { kind: string; status: string };

export function toSessionRow(row: RawSession): SessionRow {
  return { ...row, kind: row.kind as SessionKind, status: row.status as SessionStatus };
}

export async function insertSession(db: Database, s: NewSession): Promise<number> {
  const { id } = await db
    .insertInto('sessions')
    .values({ ...s, updatedAt: s.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findSession(db: Database, id: number): Promise<SessionRow | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? null : toSessionRow(row);
}

/** Optimistic concurrency, as for cases: a stale save is refused with STALE, never written. */
export async function updateSessionVersioned(
  db: Database,
  id: number,
  version: number,
  patch: Updateable<SessionsTable>,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ ...patch, updatedAt: at, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return version + 1;
  const current = await findSession(db, id);
  if (current === null) {
    throw new AppError('NOT_FOUND', 'error.session.notFound', undefined, { id });
  }
  throw new AppError('STALE', 'error.session.stale', undefined, { version: current.version });
}

export async function replaceParticipants(
  db: Database,
  sessionId: number,
  staffIds: readonly number[],
  partyIds: readonly number[],
): Promise<void> {
  await db.deleteFrom('sessionStaff').where('sessionId', '=', sessionId).execute();
  await db.deleteFrom('sessionParties').where('sessionId', '=', sessionId).execute();
  if (staffIds.length > 0) {
    await db
      .insertInto('sessionStaff')
      .values(staffIds.map((staffId) => ({ sessionId, staffId, attended: null })))
      .execute();
  }
  if (partyIds.length > 0) {
    await db
      .insertInto('sessionParties')
      .values(partyIds.map((partyId) => ({ sessionId, partyId, attended: null })))
      .execute();
  }
}

/** Marks who came (1) and who did not (0) among the session's staff and parties. */
export async function recordAttendance(
  db: Database,
  sessionId: number,
  attended: { staffIds: readonly number[]; partyIds: readonly number[] },
): Promise<void> {
  await db
    .updateTable('sessionStaff')
    .set((eb) => ({
      attended: eb
        .case()
        .when('staffId', 'in', [...attended.staffIds, -1])
        .then(1)
        .else(0)
        .end(),
    }))
    .where('sessionId', '=', sessionId)
    .execute();
  await db
    .updateTable('sessionParties')
    .set((eb) => ({
      attended: eb
        .case()
        .when('partyId', 'in', [...attended.partyIds, -1])
        .then(1)
        .else(0)
        .end(),
    }))
    .where('sessionId', '=', sessionId)
    .execute();
}

export interface StaffInSession {
  readonly sessionId: number;
  readonly id: number;
  readonly displayName: string;
  readonly attended: boolean | null;
}

export interface PartyInSession {
  readonly sessionId: number;
  readonly id: number;
  readonly name: string;
  readonly attended: boolean | null;
}

const flag = (v: number | null) => (v === null ? null : v === 1);

export async function listParticipants(
  db: Database,
  sessionIds: readonly number[],
): Promise<{ staff: StaffInSession[]; parties: PartyInSession[] }> {
  if (sessionIds.length === 0) return { staff: [], parties: [] };
  const staff = await db
    .selectFrom('sessionStaff')
    .innerJoin('staff', 'staff.id', 'sessionStaff.staffId')
    .select(['sessionStaff.sessionId', 'staff.id', 'staff.displayName', 'sessionStaff.attended'])
    .where('sessionStaff.sessionId', 'in', sessionIds)
    .orderBy('sessionStaff.sessionId')
    .orderBy('staff.id')
    .execute();
  const parties = await db
    .selectFrom('sessionParties')
    .innerJoin('parties', 'parties.id', 'sessionParties.partyId')
    .select(['sessionParties.sessionId', 'parties.id', 'parties.name', 'sessionParties.attended'])
    .where('sessionParties.sessionId', 'in', sessionIds)
    .orderBy('sessionParties.sessionId')
    .orderBy('parties.id')
    .execute();
  return {
    staff: staff.map((s) => ({ ...s, attended: flag(s.attended) })),
    parties: parties.map((p) => ({ ...p, attended: flag(p.attended) })),
  };
}

/** The session that was postponed to this one, if any. */
export async function findPostponedFrom(db: Database, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('sessions')
    .select('id')
    .where('postponedToId', '=', id)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Ids of the staff and parties invited to a session. */
export async function participantIds(
  db: Database,
  sessionId: number,
): Promise<{ staffIds: number[]; partyIds: number[] }> {
  const staff = await db
    .selectFrom('sessionStaff')
    .select('staffId')
    .where('sessionId', '=', sessionId)
    .orderBy('staffId')
    .execute();
  const parties = await db
    .selectFrom('sessionParties')
    .select('partyId')
    .where('sessionId', '=', sessionId)
    .orderBy('partyId')
    .execute();
  return { staffIds: staff.map((s) => s.staffId), partyIds: parties.map((p) => p.partyId) };
}

/**
 * Who takes part in many sessions, by name only (the calendar's lists). Staff names are looked
 * up once per person (a few dozen); party names come with their rows.
 */
export async function listPeopleNames(
  db: Database,
  sessionIds: readonly number[],
  options: { readonly withStaff: boolean },
): Promise<{
  staff: { sessionId: number; id: number; displayName: string }[];
  parties: { sessionId: number; id: number; name: string }[];
}> {
  if (sessionIds.length === 0) return { staff: [], parties: [] };
  const staffRows = !options.withStaff
    ? []
    : await db
        .selectFrom('sessionStaff')
        .select(['sessionId', 'staffId'])
        .where('sessionId', 'in', sessionIds)
        .orderBy('sessionId')
        .orderBy('staffId')
        .execute();
  const staffIds = [...new Set(staffRows.map((r) => r.staffId))];
  const names = new Map(
    (
      await db
        .selectFrom('staff')
        .select(['id', 'displayName'])
        .where('id', 'in', [...staffIds, -1])
        .execute()
    ).map((s) => [s.id, s.displayName]),
  );
  const parties = isEmbedded(db)
    ? await db
        .selectFrom('sessionParties')
        .innerJoin('parties', 'parties.id', 'sessionParties.partyId')
        .select(['sessionParties.sessionId', 'parties.id', 'parties.name'])
        .where('sessionParties.sessionId', 'in', sessionIds)
        .orderBy('sessionParties.sessionId')
        .orderBy('sessionParties.partyId')
        .execute()
    : await partyNamesOnServer(db, sessionIds);
  return {
    staff: staffRows.map((r) => ({
      sessionId: r.sessionId,
      id: r.staffId,
      displayName: names.get(r.staffId) ?? '',
    })),
    parties,
  };
}

/**
 * The same rows on PostgreSQL, each name looked up by its key. Joined, the server hashes the
 * whole parties table for a week's thousand rows (20 ms at 30,000 cases, growing with the
 * center's history) because it prices a thousand key lookups above one sequential read; the
 * lookups take 1–2 ms. party_id is a non-null foreign key, so every row has its one name.
 */
async function partyNamesOnServer(
  db: Database,
  sessionIds: readonly number[],
): Promise<{ sessionId: number; id: number; name: string }[]> {
  return db
    .selectFrom('sessionParties')
    .select([
      'sessionParties.sessionId',
      'sessionParties.partyId as id',
      sql<string>`(select ${sql.ref('parties.name')} from ${sql.table('parties')}
        where ${sql.ref('parties.id')} = ${sql.ref('sessionParties.partyId')})`.as('name'),
    ])
    .where('sessionParties.sessionId', 'in', sessionIds)
    .orderBy('sessionParties.sessionId')
    .orderBy('sessionParties.partyId')
    .execute();
}
