import { SqliteAdapter, sql } from 'kysely';
import type { Database } from '../db/database';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';

/** Appends one row; call inside the write's transaction so the chain and the write commit together. */
export async function appendAudit(db: Database, content: AuditContent): Promise<void> {
  const last = await db
    .selectFrom('auditLog')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto('auditLog')
    .values({ ...content, prevHash, hash: auditHash(prevHash, content) })
    .execute();
}

/**
 * Appends one row in a transaction of its own, for the few calls whose work is not a database
 * write of the usual kind (a backup copied by another connection, a restore) and must not hold
 * the app's connection while it runs.
 */
export async function appendAuditAlone(db: Database, content: AuditContent): Promise<void> {
  await db.transaction().execute((trx) => appendAudit(trx, content));
}

export async function countAudit(db: Database): Promise<number> {
  const row = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface AuditRow extends AuditContent {
  readonly id: number;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * The rows after `afterId` in id order, for walking the chain a page at a time. Raw SQL without
 * the CamelCase plugin: the chain walk reads every row of the log, and mapping each row's keys
 * cost more than reading it.
 */
export async function auditRowsAfter(
  db: Database,
  afterId: number,
  limit: number,
): Promise<AuditRow[]> {
  const { rows } = await sql<AuditRow>`
    select id, at, staff_id as "staffId", method, entity, entity_id as "entityId",
      before, after, prev_hash as "prevHash", hash
    from audit_log where id > ${afterId} order by id limit ${limit}`.execute(db.withoutPlugins());
  return rows;
}

/**
 * SQLite's AUTOINCREMENT hands out ids without gaps (a rolled-back insert takes its id back),
 * so a gap means deleted rows. PostgreSQL identities skip ids on rollback: no such promise.
 */
export function auditIdsAreGapFree(db: Database): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/**
 * The highest audit id SQLite ever handed out (AUTOINCREMENT keeps it in sqlite_sequence even
 * when the row is deleted), so rows cut off the end of the log still show. Null elsewhere.
 */
export async function highestIssuedAuditId(db: Database): Promise<number | null> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return null;
  const { rows } = await sql<{ seq: number }>`
    select seq from sqlite_sequence where name = 'audit_log'`.execute(db);
  return rows[0] === undefined ? null : Number(rows[0].seq);
}

export interface AuditFilter {
  /** Inclusive ISO instant bounds. */
  readonly fromAt?: string;
  readonly toAt?: string;
  readonly staffId?: number;
  readonly method?: string;
  readonly entity?: string;
  readonly entityId?: string;
  /** Keyset cursor: rows with a smaller id (newest first). */
  readonly beforeId?: number;
  readonly limit: number;
}

export interface AuditListRow {
  readonly id: number;
  readonly at: string;
  readonly staffId: number | null;
  readonly staffName: string | null;
  readonly method: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: string | null;
  readonly after: string | null;
}

/** The log newest first, filtered; one row more than asked tells the caller a next page exists. */
export async function listAudit(db: Database, filter: AuditFilter): Promise<AuditListRow[]> {
  let query = db
    .selectFrom('auditLog')
    .leftJoin('staff', 'staff.id', 'auditLog.staffId')
    .select([
      'auditLog.id',
      'auditLog.at',
      'auditLog.staffId',
      'staff.displayName as staffName',
      'auditLog.method',
      'auditLog.entity',
      'auditLog.entityId',
      'auditLog.before',
      'auditLog.after',
    ]);
  if (filter.fromAt !== undefined) query = query.where('auditLog.at', '>=', filter.fromAt);
  if (filter.toAt !== undefined) query = query.where('auditLog.at', '<=', filter.toAt);
  if (filter.staffId !== undefined) query = query.where('auditLog.staffId', '=', filter.staffId);
  if (filter.method !== undefined) query = query.where('auditLog.method', '=', filter.method);
  if (filter.entity !== undefined) query = query.where('auditLog.entity', '=', filter.entity);
  if (filter.entityId !== undefined) {
    query = query.where('auditLog.entityId', '=', filter.entityId);
  }
  if (filter.beforeId !== undefined) query = query.where('auditLog.id', '<', filter.beforeId);
  return query.orderBy('auditLog.id', 'desc').limit(filter.limit).execute();
}

/** The methods and entities that occur in the log, for the filter lists. */
export async function auditFacets(db: Database) {
  const methods = await db
    .selectFrom('auditLog')
    .select('method')
    .distinct()
    .orderBy('method')
    .execute();
  const entities = await db
    .selectFrom('auditLog')
    .select('entity')
    .distinct()
    .orderBy('entity')
    .execute();
  return { methods: methods.map((m) => m.method), entities: entities.map((e) => e.entity) };
}
