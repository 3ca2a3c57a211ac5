import { verifyAuditChain, type AuditChainReport } from '../audit/audit-verify';
import { migrations } from '../db/migrations';
import {
  appliedMigrations,
  integrityCheck,
  openReadOnly,
  recordCounts,
} from './backup-file.repository';

/**
 * How a file's schema compares with this app's: `same`, `older` (a prefix of our migrations: it
 * is brought up to date after a restore), `newer` (made by a later version), `foreign` (no
 * migration table, or a history this app never had).
 */
export type SchemaFit = 'same' | 'older' | 'newer' | 'foreign';

export interface Inspection {
  /** False when SQLite could not read the file as a database at all. */
  readonly readable: boolean;
  /** `pragma integrity_check`: ['ok'] when sound. */
  readonly integrity: readonly string[];
  readonly schema: { readonly fit: SchemaFit; readonly latest: string | null };
  readonly chain: AuditChainReport | null;
  readonly counts: {
    readonly cases: number;
    readonly staff: number;
    readonly auditRows: number;
  } | null;
}

const UNREADABLE: Inspection = {
  readable: false,
  integrity: [],
  schema: { fit: 'foreign', latest: null },
  chain: null,
  counts: null,
};

export function schemaFit(applied: readonly string[] | null): SchemaFit {
  if (applied === null || applied.length === 0) return 'foreign';
  const known = Object.keys(migrations).sort();
  if (applied.some((name) => !known.includes(name))) return 'newer';
  if (applied.some((name, i) => known[i] !== name)) return 'foreign';
  return applied.length === known.length ? 'same' : 'older';
}

/** Every check a file must pass before it may replace the live database (DESIGN §8). */
export async function inspectDatabaseFile(file: string): Promise<Inspection> {
  const db = openReadOnly(file);
  try {
    let integrity: string[];
    try {
      integrity = await integrityCheck(db);
    } catch (error) {
      // A damaged b-tree can stop the check itself; a file that is no database at all cannot open.
      const code: unknown = error instanceof Error ? Reflect.get(error, 'code') : undefined;
      if (code !== 'SQLITE_CORRUPT') return UNREADABLE;
      integrity = [error instanceof Error ? error.message : String(error)];
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok') {
      return { ...UNREADABLE, readable: true, integrity };
    }
    const applied = await appliedMigrations(db);
    const fit = schemaFit(applied);
    const schema = { fit, latest: applied?.at(-1) ?? null };
    if (fit !== 'same' && fit !== 'older')
      return { ...UNREADABLE, readable: true, integrity, schema };
    return {
      readable: true,
      integrity,
      schema,
      chain: await verifyAuditChain(db),
      counts: await recordCounts(db),
    };
  } finally {
    await db.destroy();
  }
}

export function isRestorable(inspection: Inspection): boolean {
  return (
    inspection.readable &&
    inspection.integrity[0] === 'ok' &&
    (inspection.schema.fit === 'same' || inspection.schema.fit === 'older') &&
    inspection.chain?.ok === true
  );
}
