import type { z } from 'zod';
import type { DatabaseSwitchboard } from '../app/database-choice';
import type { Database } from '../db/database';
import type { Locale } from '../shared/messages';
import type { Role } from '../staff/staff.schema';

/** The signed-in staff member on whose behalf a call runs. */
export interface Caller {
  readonly staffId: number;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly studioIds: readonly number[];
}

/** Per window (Electron) or per browser (preview): who is signed in and in which language. */
export interface SessionState {
  caller: Caller | null;
  locale: Locale;
}

export interface AuditEntry {
  readonly entity: string;
  readonly entityId: string | number | null;
  readonly before?: unknown;
  readonly after?: unknown;
  /** Who acted, when not the signed-in caller (first-start setup: the account being created). */
  readonly actorId?: number;
}

export interface HandlerContext {
  /** The database, or for write methods the transaction every write of the call runs in. */
  readonly db: Database;
  readonly session: SessionState;
  readonly now: Date;
  /** The signed-in caller; the dispatcher guarantees one for non-public methods. */
  caller(): Caller;
  /** Appends to the hash-chained audit log inside the call's transaction. */
  audit(entry: AuditEntry): Promise<void>;
  /** Runs once the call's writes are committed (e.g. signing the window in), never on rollback. */
  afterCommit(effect: () => void): void;
  /** The core's database switch (Settings → Database); null where the host offers none. */
  readonly database: DatabaseSwitchboard | null;
}

/**
 * Who may call: anyone (`public`, e.g. sign-in), anyone signed in, or holders of one of the roles.
 */
export type Access = 'public' | 'signedIn' | readonly Role[];

export interface MethodDef<S extends z.ZodType, O> {
  readonly input: S;
  readonly access: Access;
  /** Write methods run in one immediate transaction and must leave at least one audit row. */
  readonly write: boolean;
  readonly summary: string;
  readonly handler: (ctx: HandlerContext, input: z.output<S>) => Promise<O>;
}

/** Declares one API method; the contract is a map of these. */
export function defineMethod<S extends z.ZodType, O>(def: MethodDef<S, O>): MethodDef<S, O> {
  return def;
}
