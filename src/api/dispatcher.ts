import type { z } from 'zod';
import { appendAudit } from '../audit/audit.repository';
import type { DatabaseSwitchboard } from '../app/database-choice';
import type { Database } from '../db/database';
import { inWriteQueue } from '../db/write-queue';
import type { Caller, HandlerContext, MethodDef, SessionState } from './method';
import { translateDatabaseError } from './database-errors';
import { AppError, type ApiResult } from './result';
import { assertStorableText, localizeError, validationError } from './validation';
import { roleLabels } from '../cases/case.labels';
import { messageText } from '../shared/messages';

type AnyMethod = MethodDef<z.ZodType, unknown>;

export interface DispatcherDeps {
  readonly db: Database;
  readonly methods: Readonly<Record<string, AnyMethod>>;
  readonly session: (sessionKey: string) => SessionState;
  readonly now?: () => Date;
  /** Where unexpected errors are reported (they reach the caller only as INTERNAL). */
  readonly onInternalError?: (method: string, error: unknown) => void;
  /**
   * Runs before the access check of every known method; throws to refuse the call (the core
   * uses it for the idle lock: a locked window gets LOCKED whatever its roles).
   */
  readonly guard?: (session: SessionState, method: string, at: Date) => Promise<void>;
  /** What `database/*` methods use to switch the core's database (absent: they refuse). */
  readonly database?: DatabaseSwitchboard;
}

export type Dispatch = (
  sessionKey: string,
  method: string,
  input: unknown,
) => Promise<ApiResult<unknown>>;

/**
 * The one door into the core: validate the input, check the session and role, run the handler
 * (write methods in one transaction with their audit rows), answer `{ok,value}` or `{ok,error}`.
 * Nothing throws across it.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatch {
  const now = deps.now ?? (() => new Date());
  return async (sessionKey, methodName, input) => {
    const session = deps.session(sessionKey);
    try {
      const method = Object.hasOwn(deps.methods, methodName) ? deps.methods[methodName] : undefined;
      if (method === undefined)
        throw new AppError('NOT_FOUND', 'error.unknownMethod', undefined, { method: methodName });
      const at = now();
      await deps.guard?.(session, methodName, at);
      checkAccess(method, session.caller);
      const parsed = method.input.safeParse(input ?? {});
      if (!parsed.success) throw validationError(parsed.error);
      assertStorableText(parsed.data);
      const value = await run(deps, method, methodName, session, at, parsed.data);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError)
        return { ok: false, error: localizeError(error, session.locale) };
      const known = translateDatabaseError(error);
      if (known !== null) return { ok: false, error: localizeError(known, session.locale) };
      deps.onInternalError?.(methodName, error);
      const message = messageText('error.internal', session.locale);
      return { ok: false, error: { code: 'INTERNAL', message } };
    }
  };
}

function checkAccess(method: AnyMethod, caller: Caller | null): void {
  if (method.access === 'public') return;
  if (caller === null) throw new AppError('UNAUTHENTICATED', 'error.signInFirst');
  if (method.access === 'signedIn') return;
  if (!method.access.some((role) => caller.roles.includes(role))) {
    throw new AppError('FORBIDDEN', 'error.roleNeeded', undefined, {
      roles: {
        'zh-CN': method.access.map((r) => roleLabels[r]['zh-CN']).join('、'),
        en: method.access.map((r) => roleLabels[r].en).join(', '),
      },
    });
  }
}

async function run(
  deps: DispatcherDeps,
  method: AnyMethod,
  methodName: string,
  session: SessionState,
  at: Date,
  input: unknown,
): Promise<unknown> {
  const caller = (): Caller => {
    if (session.caller === null) throw new AppError('UNAUTHENTICATED', 'error.signInFirst');
    return session.caller;
  };
  const db = deps.db;
  const database = deps.database ?? null;
  const effects: (() => void)[] = [];
  const afterCommit = (effect: () => void) => {
    effects.push(effect);
  };
  if (!method.write) {
    const ctx: HandlerContext = {
      db,
      session,
      now: at,
      caller,
      afterCommit,
      database,
      audit: () => Promise.reject(new Error(`${methodName} is not a write method`)),
    };
    const value = await method.handler(ctx, input);
    for (const effect of effects) effect();
    return value;
  }
  const value = await inWriteQueue(db, () =>
    db.transaction().execute(async (trx) => {
      let audited = 0;
      const ctx: HandlerContext = {
        db: trx,
        session,
        now: at,
        caller,
        afterCommit,
        database,
        audit: async (entry) => {
          audited += 1;
          await appendAudit(trx, {
            at: at.toISOString(),
            staffId: entry.actorId ?? session.caller?.staffId ?? null,
            method: methodName,
            entity: entry.entity,
            entityId: entry.entityId === null ? null : String(entry.entityId),
            before: entry.before === undefined ? null : JSON.stringify(entry.before),
            after: entry.after === undefined ? null : JSON.stringify(entry.after),
          });
        },
      };
      const value = await method.handler(ctx, input);
      // Every write leaves a trace: a write method that recorded nothing is a bug, and rolls back.
      if (audited === 0) throw new Error(`${methodName} wrote without an audit row`);
      return value;
    }),
  );
  for (const effect of effects) effect();
  return value;
}
