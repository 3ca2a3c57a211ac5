import type { Caller, HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import type { Database } from '../db/database';
import { actionLabels, statusLabels } from './case.labels';
import { canTransition, mayAct, type CaseAction } from './case-lifecycle';
import { findCase, insertCaseEvent, type CaseRow } from './case.repository';

/** What every lifecycle step needs: who, when (instant and the center's date), in which transaction. */
export interface StepContext {
  readonly db: Database;
  readonly caller: Caller;
  readonly now: Date;
}

export function step(ctx: HandlerContext): StepContext {
  return { db: ctx.db, caller: ctx.caller(), now: ctx.now };
}

/**
 * Loads the case for an action and checks, in this order: it exists, the caller may act on its
 * studio, its state allows the action (else INVALID_TRANSITION naming the state), and the
 * version the caller saw is current (else STALE).
 */
export async function loadForAction(
  ctx: StepContext,
  id: number,
  action: CaseAction,
  version?: number,
): Promise<CaseRow> {
  const c = await findCase(ctx.db, id);
  if (c === null) throw new AppError('NOT_FOUND', 'error.caseNotFound', undefined, { id });
  if (!mayAct(ctx.caller, action, c.studioId)) throw new AppError('FORBIDDEN', 'error.studioScope');
  if (!canTransition(c.status, action)) {
    throw new AppError('INVALID_TRANSITION', 'error.invalidTransition', undefined, {
      status: statusLabels[c.status],
      action: actionLabels[action],
    });
  }
  if (version !== undefined && version !== c.version) {
    throw new AppError('STALE', 'error.stale', undefined, { version: c.version });
  }
  return c;
}

/** Every step leaves a line in the case's timeline: who, when, what. */
export async function recordEvent(
  ctx: StepContext,
  caseId: number,
  kind: string,
  data: Record<string, unknown>,
): Promise<void> {
  await insertCaseEvent(ctx.db, {
    caseId,
    at: ctx.now.toISOString(),
    staffId: ctx.caller.staffId,
    kind,
    data,
  });
}
