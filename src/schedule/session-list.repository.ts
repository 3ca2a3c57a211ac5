import type { Database } from '../db/database';
import type { StudioKind } from '../studios/studio.schema';
import type { SessionKind, SessionStatus } from './session.schema';
import { MAX_SESSION_MS } from './session-time.schema';
import { toSessionRow, type SessionRow } from './session.repository';

/**
 * Sessions for the calendar views and the case page. A busy studio's week is a thousand
 * sessions, so lists read only what a calendar shows; one session's notes and record are read
 * by findSessionDetail.
 */

interface Place {
  readonly roomNameZh: string;
  readonly roomNameEn: string;
  readonly studioKind: StudioKind;
}

export interface SessionSummary extends Place {
  readonly id: number;
  readonly caseId: number | null;
  readonly caseNumber: string | null;
  readonly studioId: number;
  readonly roomId: number;
  readonly kind: SessionKind;
  readonly status: SessionStatus;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly version: number;
  readonly postponedToId: number | null;
}

export type SessionDetail = SessionRow & Place;

export interface SessionFilter {
  /** Overlapping [fromAt, toAt) (ISO instants). */
  readonly fromAt?: string;
  readonly toAt?: string;
  /** Only these studios (the caller's, unless they see the whole center). */
  readonly visibleStudioIds?: readonly number[];
  readonly studioId?: number;
  readonly roomId?: number;
  readonly staffId?: number;
  readonly caseId?: number;
  readonly sessionId?: number;
  readonly sessionIds?: readonly number[];
  readonly statuses?: readonly SessionStatus[];
}

/** Names of the rooms and kinds of the studios these sessions are in (looked up, not joined). */
async function placesOf(db: Database, rows: readonly { roomId: number; studioId: number }[]) {
  const roomIds = [...new Set(rows.map((r) => r.roomId))];
  const studioIds = [...new Set(rows.map((r) => r.studioId))];
  const rooms = new Map(
    (
      await db
        .selectFrom('rooms')
        .select(['id', 'nameZh', 'nameEn'])
        .where('id', 'in', [...roomIds, -1])
        .execute()
    ).map((r) => [r.id, r]),
  );
  const kinds = new Map(
    (
      await db
        .selectFrom('studios')
        .select(['id', 'kind'])
        .where('id', 'in', [...studioIds, -1])
        .execute()
    ).map((s) => [s.id, s.kind]),
  );
  return (r: { roomId: number; studioId: number }) => ({
    roomNameZh: rooms.get(r.roomId)?.nameZh ?? '',
    roomNameEn: rooms.get(r.roomId)?.nameEn ?? '',
    studioKind: (kinds.get(r.studioId) ?? 'mediation') as StudioKind,
  });
}

export async function listSessions(db: Database, f: SessionFilter): Promise<SessionSummary[]> {
  // Sessions alone (the case number is the session's own copy): joined to rooms, SQLite would
  // walk every room's index instead of the studio's.
  let query = db
    .selectFrom('sessions')
    .select([
      'sessions.id',
      'sessions.caseId',
      'sessions.caseNumber',
      'sessions.studioId',
      'sessions.roomId',
      'sessions.kind',
      'sessions.status',
      'sessions.startsAt',
      'sessions.endsAt',
      'sessions.version',
      'sessions.postponedToId',
    ]);
  if (f.fromAt !== undefined) {
    // A session began at most a day before it ends: this bound keeps the scan on the index.
    const earliest = new Date(Date.parse(f.fromAt) - MAX_SESSION_MS).toISOString();
    query = query.where('sessions.startsAt', '>', earliest).where('sessions.endsAt', '>', f.fromAt);
  }
  if (f.toAt !== undefined) query = query.where('sessions.startsAt', '<', f.toAt);
  if (f.visibleStudioIds !== undefined) {
    query = query.where('sessions.studioId', 'in', [...f.visibleStudioIds, -1]);
  }
  if (f.studioId !== undefined) query = query.where('sessions.studioId', '=', f.studioId);
  if (f.roomId !== undefined) query = query.where('sessions.roomId', '=', f.roomId);
  if (f.caseId !== undefined) query = query.where('sessions.caseId', '=', f.caseId);
  if (f.sessionId !== undefined) query = query.where('sessions.id', '=', f.sessionId);
  if (f.sessionIds !== undefined) query = query.where('sessions.id', 'in', [...f.sessionIds, -1]);
  if (f.statuses !== undefined) {
    query = query.where('sessions.status', 'in', [...f.statuses, '-']);
  }
  const { staffId } = f;
  if (staffId !== undefined) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('sessionStaff')
          .select('sessionStaff.staffId')
          .whereRef('sessionStaff.sessionId', '=', 'sessions.id')
          .where('sessionStaff.staffId', '=', staffId),
      ),
    );
  }
  const rows = await query.orderBy('sessions.startsAt').orderBy('sessions.id').execute();
  if (rows.length === 0) return [];
  const place = await placesOf(db, rows);
  return rows.map((r) => ({
    ...r,
    ...place(r),
    kind: r.kind as SessionKind,
    status: r.status as SessionStatus,
  }));
}

/** One session with everything it has: notes, record, reasons, who changed it when. */
export async function findSessionDetail(db: Database, id: number): Promise<SessionDetail | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return null;
  const place = await placesOf(db, [row]);
  return { ...toSessionRow(row), ...place(row) };
}
