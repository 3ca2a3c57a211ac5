import { auditHash, GENESIS_HASH } from '../../src/audit/audit-hash';
import type { Database } from '../../src/db/database';

export interface AuditChainBreak {
  readonly id: number;
  readonly problem: 'prevHash' | 'hash';
}

/** Walks audit_log in id order, recomputing every hash; returns where the chain breaks (if anywhere). */
export async function auditChainBreaks(db: Database): Promise<AuditChainBreak[]> {
  const rows = await db.selectFrom('auditLog').selectAll().orderBy('id').execute();
  const breaks: AuditChainBreak[] = [];
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prev) breaks.push({ id: row.id, problem: 'prevHash' });
    const expected = auditHash(row.prevHash, {
      at: row.at,
      staffId: row.staffId,
      method: row.method,
      entity: row.entity,
      entityId: row.entityId,
      before: row.before,
      after: row.after,
    });
    if (row.hash !== expected) breaks.push({ id: row.id, problem: 'hash' });
    prev = row.hash;
  }
  return breaks;
}
