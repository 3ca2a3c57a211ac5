import { defineMethod, type HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { centerDate } from '../shared/center-time';
import { rolesFor } from './case-lifecycle';
import { refreshDeadline } from './case-deadline.service';
import { extendDeadlineSchema, pauseDeadlineSchema, resumeDeadlineSchema } from './case.schema';
import { insertDeadlineChange, updateCaseVersioned } from './lifecycle.repository';
import { loadForAction, recordEvent, step } from './lifecycle.service';

type Change = 'pause' | 'resume' | 'extension';

/** Records one change of the deadline's course and recomputes the due date from all of them. */
async function changeDeadline(
  ctx: HandlerContext,
  input: { id: number; version: number; reason?: string; days?: number },
  kind: Change,
) {
  const s = step(ctx);
  const action =
    kind === 'pause' ? 'pauseDeadline' : kind === 'resume' ? 'resumeDeadline' : 'extendDeadline';
  const before = await loadForAction(s, input.id, action, input.version);
  if (kind === 'pause' && before.deadlinePausedSince !== null) {
    throw new AppError('INVALID_TRANSITION', 'error.deadlineAlreadyPaused');
  }
  if (kind === 'resume' && before.deadlinePausedSince === null) {
    throw new AppError('INVALID_TRANSITION', 'error.deadlineNotPaused');
  }
  const at = ctx.now.toISOString();
  const version = await updateCaseVersioned(ctx.db, input.id, input.version, {}, at);
  await insertDeadlineChange(ctx.db, {
    caseId: input.id,
    kind,
    onDate: centerDate(ctx.now),
    days: input.days ?? null,
    reason: input.reason ?? '',
    staffId: s.caller.staffId,
    at,
  });
  const after = await refreshDeadline(ctx.db, input.id, ctx.now);
  await recordEvent(s, input.id, `deadline.${kind}`, {
    reason: input.reason ?? '',
    days: input.days ?? null,
    dueOn: after.dueOn,
  });
  await ctx.audit({
    entity: 'case',
    entityId: input.id,
    before: { deadlineOn: before.deadlineOn, pausedSince: before.deadlinePausedSince },
    after: { deadlineOn: after.dueOn, pausedSince: after.pausedSince, kind, reason: input.reason },
  });
  return { id: input.id, version, deadlineOn: after.dueOn };
}

/** Pauses (e.g. for a medical appraisal), resumptions and extensions, each with its reason. */
export const deadlineMethods = {
  'cases/pauseDeadline': defineMethod({
    input: pauseDeadlineSchema,
    access: rolesFor('pauseDeadline'),
    write: true,
    summary: 'Pause the deadline (e.g. during a medical appraisal), with the reason',
    handler: (ctx, input) => changeDeadline(ctx, input, 'pause'),
  }),
  'cases/resumeDeadline': defineMethod({
    input: resumeDeadlineSchema,
    access: rolesFor('resumeDeadline'),
    write: true,
    summary: 'Resume a paused deadline; the paused time is added to it',
    handler: (ctx, input) => changeDeadline(ctx, input, 'resume'),
  }),
  'cases/extendDeadline': defineMethod({
    input: extendDeadlineSchema,
    access: rolesFor('extendDeadline'),
    write: true,
    summary: "Extend the deadline by a number of days (in the studio rule's unit), with the reason",
    handler: (ctx, input) => changeDeadline(ctx, input, 'extension'),
  }),
};
