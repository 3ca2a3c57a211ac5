import { defineMethod } from '../api/method';
import { rolesFor } from './case-lifecycle';
import { acceptSchema, declineSchema, referSchema } from './case.schema';
import { refreshDeadline } from './case-deadline.service';
import { updateCaseVersioned } from './lifecycle.repository';
import { loadForAction, recordEvent, step } from './lifecycle.service';

/** The response to a registered dispute (响应): accept, decline with reason, or refer elsewhere. */
export const responseMethods = {
  'cases/accept': defineMethod({
    input: acceptSchema,
    access: rolesFor('accept'),
    write: true,
    summary: '受理 Accept a registered case; its deadline starts',
    handler: async (ctx, input) => {
      const s = step(ctx);
      const before = await loadForAction(s, input.id, 'accept', input.version);
      const at = ctx.now.toISOString();
      const version = await updateCaseVersioned(
        ctx.db,
        input.id,
        input.version,
        { status: 'accepted', answeredAt: at, acceptedAt: at },
        at,
      );
      await recordEvent(s, input.id, 'accepted', {});
      await refreshDeadline(ctx.db, input.id, ctx.now);
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { status: before.status },
        after: { status: 'accepted', acceptedAt: at },
      });
      return { id: input.id, version };
    },
  }),

  'cases/decline': defineMethod({
    input: declineSchema,
    access: rolesFor('decline'),
    write: true,
    summary: '不予受理 Decline a registered case, with the reason',
    handler: async (ctx, input) => {
      const s = step(ctx);
      const before = await loadForAction(s, input.id, 'decline', input.version);
      const at = ctx.now.toISOString();
      const version = await updateCaseVersioned(
        ctx.db,
        input.id,
        input.version,
        { status: 'declined', answeredAt: at, declineReason: input.reason },
        at,
      );
      await recordEvent(s, input.id, 'declined', { reason: input.reason });
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { status: before.status },
        after: { status: 'declined', declineReason: input.reason },
      });
      return { id: input.id, version };
    },
  }),

  'cases/refer': defineMethod({
    input: referSchema,
    access: rolesFor('refer'),
    write: true,
    summary: '转办 Refer a registered case to another body, with where and why',
    handler: async (ctx, input) => {
      const s = step(ctx);
      const before = await loadForAction(s, input.id, 'refer', input.version);
      const at = ctx.now.toISOString();
      const version = await updateCaseVersioned(
        ctx.db,
        input.id,
        input.version,
        {
          status: 'referred',
          answeredAt: at,
          referredTo: input.referredTo,
          referralReason: input.reason,
        },
        at,
      );
      await recordEvent(s, input.id, 'referred', { to: input.referredTo, reason: input.reason });
      await ctx.audit({
        entity: 'case',
        entityId: input.id,
        before: { status: before.status },
        after: { status: 'referred', referredTo: input.referredTo, reason: input.reason },
      });
      return { id: input.id, version };
    },
  }),
};
