import type { Database } from '../db/database';
import { auditHash, GENESIS_HASH } from './audit-hash';
import {
  auditIdsAreGapFree,
  auditRowsAfter,
  highestIssuedAuditId,
  type AuditRow,
} from './audit.repository';

/**
 * - `altered`: the row's content no longer matches its own hash.
 * - `missing`: rows before this one are gone (its id does not follow the previous row's, and
 *   SQLite's AUTOINCREMENT never skips an id on its own).
 * - `relinked`: the row does not follow the previous row's hash although no id is missing:
 *   the previous row was rewritten with a recomputed hash, or this row's link was edited.
 * - `missing_tail`: rows after the last one were removed (SQLite had issued higher ids).
 */
export type AuditProblem = 'altered' | 'missing' | 'relinked' | 'missing_tail';

export interface AuditBreak {
  /** The first row that fails (for `missing_tail`: the first id that is gone). */
  readonly id: number;
  readonly problem: AuditProblem;
  /** The last intact row before the break, or null at the start of the log. */
  readonly lastGoodId: number | null;
}

export interface AuditChainReport {
  readonly ok: boolean;
  /** Rows read before the verdict. */
  readonly checked: number;
  readonly lastId: number | null;
  readonly firstBreak: AuditBreak | null;
}

const PAGE = 5000;

function ownHash(row: AuditRow): string {
  return auditHash(row.prevHash, {
    at: row.at,
    staffId: row.staffId,
    method: row.method,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  });
}

/**
 * Walks the whole audit log in id order, recomputing every hash, and stops at the first row that
 * was altered, removed or relinked. Reads page by page, so a long log needs little memory.
 */
export async function verifyAuditChain(db: Database): Promise<AuditChainReport> {
  let prevHash = GENESIS_HASH;
  let prevId: number | null = null;
  let checked = 0;
  const gapFree = auditIdsAreGapFree(db);
  const broken = (id: number, problem: AuditProblem): AuditChainReport => ({
    ok: false,
    checked,
    lastId: prevId,
    firstBreak: { id, problem, lastGoodId: prevId },
  });
  for (;;) {
    const rows = await auditRowsAfter(db, prevId ?? 0, PAGE);
    for (const row of rows) {
      checked += 1;
      if (gapFree && row.id !== (prevId ?? 0) + 1) return broken(row.id, 'missing');
      if (ownHash(row) !== row.hash) return broken(row.id, 'altered');
      // Without gap-free ids a removed row shows only here, as a link that does not match.
      if (row.prevHash !== prevHash) return broken(row.id, gapFree ? 'relinked' : 'missing');
      prevHash = row.hash;
      prevId = row.id;
    }
    if (rows.length < PAGE) break;
  }
  const issued = await highestIssuedAuditId(db);
  if (issued !== null && issued > (prevId ?? 0)) return broken((prevId ?? 0) + 1, 'missing_tail');
  return { ok: true, checked, lastId: prevId, firstBreak: null };
}
