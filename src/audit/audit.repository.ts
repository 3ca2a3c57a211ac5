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

export async function countAudit(db: Database): Promise<number> {
  const row = await db
    .selectFrom('auditLog')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
