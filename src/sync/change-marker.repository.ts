import type { Database } from '../db/database';

export interface AuditTip {
  readonly id: number;
  readonly hash: string;
}

/**
 * The newest audit row: `max(id)` (one step down the primary key's b-tree on both engines —
 * SQLite's rowid, PostgreSQL's audit_log_pkey read backward, index only) and that row by its
 * key. Constant cost however long the log grows.
 */
export async function auditTip(db: Database): Promise<AuditTip | null> {
  const row = await db
    .selectFrom('auditLog')
    .select(['id', 'hash'])
    .where('id', '=', (eb) => eb.selectFrom('auditLog').select((m) => m.fn.max('id').as('maxId')))
    .executeTakeFirst();
  return row ?? null;
}

/** The chain hash of one audit row (a primary-key lookup), or null when there is no such row. */
export async function auditHashAt(db: Database, id: number): Promise<string | null> {
  const row = await db
    .selectFrom('auditLog')
    .select('hash')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.hash ?? null;
}

/**
 * The distinct entities of the audit rows with afterId < id <= upToId, leaving out rows written
 * by the given methods. A primary-key range: the caller keeps it short.
 */
export async function entitiesWritten(
  db: Database,
  afterId: number,
  upToId: number,
  exceptMethods: readonly string[],
): Promise<string[]> {
  let query = db
    .selectFrom('auditLog')
    .select('entity')
    .distinct()
    .where('id', '>', afterId)
    .where('id', '<=', upToId);
  if (exceptMethods.length > 0) query = query.where('method', 'not in', exceptMethods);
  const rows = await query.orderBy('entity').execute();
  return rows.map((r) => r.entity);
}
