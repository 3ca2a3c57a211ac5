import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  readonly at: string;
  readonly staffId: number | null;
  readonly method: string;
  readonly entity: string;
  readonly entityId: string | null;
  readonly before: string | null;
  readonly after: string | null;
}

/** Each row's hash covers the previous row's hash and its own content, so an edit breaks the chain. */
export function auditHash(prevHash: string, row: AuditContent): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        prevHash,
        row.at,
        row.staffId,
        row.method,
        row.entity,
        row.entityId,
        row.before,
        row.after,
      ]),
    )
    .digest('hex');
}
