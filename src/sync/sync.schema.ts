import { z } from '../shared/zod-messages';

/**
 * A change marker: the id of the newest audit row and the start of its chain hash. Every write
 * appends an audit row in its own transaction, and writes commit one at a time on both engines,
 * so the marker moves exactly when something was written. The hash tells one history from
 * another (a restored or different database reusing the same ids).
 */
export const CHANGE_MARKER = /^(\d{1,15}):([0-9a-f]{16})$/;

export const syncChangesSchema = z.object({
  /** The marker of the previous poll; left out on the first one. */
  since: z.string().regex(CHANGE_MARKER).optional(),
});
export type SyncChangesInput = z.input<typeof syncChangesSchema>;

export interface ChangeReport {
  /** Pass back as `since` next time. Opaque to callers: compare for equality only. */
  readonly marker: string;
  /**
   * The kinds of records (audit entities, e.g. `case`, `session`) written since `since`: empty
   * when nothing was; null when it cannot be said cheaply (first poll, a different history, or
   * more writes than are worth listing), which means "assume anything changed".
   */
  readonly changed: readonly string[] | null;
}
