import type { QueryKey } from '@tanstack/react-query';

/**
 * Which cached reads a change elsewhere can have made out of date. Queries are keyed by method
 * first (hooks.ts: `[method, input]`); the change report names the kinds of records written
 * (audit entities). When in doubt, a read is refreshed: a needless refresh costs one request,
 * a missed one shows a colleague stale work.
 */

/** Records that every screen depends on: names, rooms, deadlines (calendar), permissions. */
const SHAPES_EVERYTHING: ReadonlySet<string> = new Set([
  'staff',
  'studio',
  'room',
  'settings',
  'calendar_day',
  'database',
]);

/** The day's work: cases and what hangs off them. */
const CASE_WORK: ReadonlySet<string> = new Set([
  'case',
  'party',
  'session',
  'document',
  'agreementVersion',
  'agreementSignature',
  'agreementScan',
  'followUp',
]);

/** A backup made: only the backups list shows it. */
const BACKUP = 'backup';

/** Reads of configuration alone, which case work never changes. */
const CONFIGURATION_READS: ReadonlySet<string> = new Set([
  'auth/status',
  'staff/list',
  'staff/accounts',
  'studios/list',
  'studios/listAll',
  'settings/get',
  'settings/workHours',
  'schedule/workingHours',
  'calendar/list',
  'backups/list',
]);

/**
 * Never refreshed from outside: drawn from what is being typed (the agreement preview), or a
 * check the user asked for once (a backup file's verdict).
 */
const NEVER: ReadonlySet<string> = new Set(['agreements/preview', 'backups/check', 'sync/changes']);

/**
 * Whether the read under `key` may show something different after `changed` (null: anything
 * may have changed; empty: the audit log grew but no record changed, e.g. a number revealed).
 */
export function isAffected(key: QueryKey, changed: readonly string[] | null): boolean {
  const method = typeof key[0] === 'string' ? key[0] : '';
  if (NEVER.has(method)) return false;
  // Every write adds to the audit log, so its screens follow every move of the marker.
  if (method.startsWith('audit/')) return true;
  if (changed === null) return true;
  const unknown = (entity: string) =>
    !SHAPES_EVERYTHING.has(entity) && !CASE_WORK.has(entity) && entity !== BACKUP;
  if (changed.some((e) => SHAPES_EVERYTHING.has(e) || unknown(e))) return true;
  if (method === 'backups/list') return changed.includes(BACKUP);
  if (CONFIGURATION_READS.has(method)) return false;
  return changed.some((e) => CASE_WORK.has(e));
}
