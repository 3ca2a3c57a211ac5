import { defineMethod } from '../api/method';
import { GENESIS_HASH } from '../audit/audit-hash';
import type { Database } from '../db/database';
import { auditHashAt, auditTip, entitiesWritten } from './change-marker.repository';
import { CHANGE_MARKER, syncChangesSchema, type ChangeReport } from './sync.schema';

/** Enough of the hash to tell two histories apart; the marker stays short on the wire. */
const HASH_CHARS = 16;

/**
 * Beyond this many writes since the last poll the kinds are not listed (the window was asleep,
 * or the center is busy): "anything" costs the caller one full refresh, listing would cost a
 * scan that grows with the gap.
 */
export const MAX_LISTED_WRITES = 500;

/**
 * Audit rows that record someone looking, not something changing (revealing a masked ID number):
 * they move the marker (the audit log itself grew) but name no changed record.
 */
const ACCESS_ONLY_METHODS: readonly string[] = ['parties/reveal'];

function markerOf(id: number, hash: string): string {
  return `${id}:${hash.slice(0, HASH_CHARS)}`;
}

async function changedSince(
  db: Database,
  since: string,
  tipId: number,
): Promise<ChangeReport['changed']> {
  const match = CHANGE_MARKER.exec(since);
  if (match === null) return null;
  const sinceId = Number(match[1]);
  if (sinceId > tipId || tipId - sinceId > MAX_LISTED_WRITES) return null;
  const hash = sinceId === 0 ? GENESIS_HASH : await auditHashAt(db, sinceId);
  // Another history under the same ids (a restore, another server): everything is different.
  if (hash === null || hash.slice(0, HASH_CHARS) !== match[2]) return null;
  return entitiesWritten(db, sinceId, tipId, ACCESS_ONLY_METHODS);
}

/**
 * What the renderer polls every few seconds to see other workstations' work without a refresh.
 * Passive for the idle lock (src/staff/session-guard.ts): polling is not someone at the keyboard.
 */
export const syncMethods = {
  'sync/changes': defineMethod({
    input: syncChangesSchema,
    access: 'signedIn',
    write: false,
    summary: 'A cheap marker that moves with every write, and what kinds of records changed since',
    handler: async (ctx, input): Promise<ChangeReport> => {
      const tip = await auditTip(ctx.db);
      const marker = tip === null ? markerOf(0, GENESIS_HASH) : markerOf(tip.id, tip.hash);
      if (input.since === undefined) return { marker, changed: null };
      if (input.since === marker) return { marker, changed: [] };
      return { marker, changed: await changedSince(ctx.db, input.since, tip?.id ?? 0) };
    },
  }),
};
