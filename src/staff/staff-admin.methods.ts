import { defineMethod, type HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { z } from '../shared/zod-messages';
import { listStudios } from '../studios/studio.repository';
import { hashPassword } from './password';
import { refreshCaller, securityOf, signOutStaff } from './session-guard';
import { throttleKey } from './sign-in-throttle';
import { toCaller } from './staff.methods';
import {
  countOtherActiveAdmins,
  findStaffById,
  findStaffVersion,
  listStaffAccounts,
  setPasswordHash,
  setStaffActive,
  updateStaff,
  type StaffRecord,
} from './staff.repository';
import { resetPasswordSchema, setStaffActiveSchema, updateStaffSchema } from './staff.schema';

async function existing(ctx: Pick<HandlerContext, 'db'>, id: number): Promise<StaffRecord> {
  const staff = await findStaffById(ctx.db, id);
  if (staff === null) throw new AppError('NOT_FOUND', 'error.staffNotFound', undefined, { id });
  return staff;
}

async function staleError(ctx: Pick<HandlerContext, 'db'>, id: number): Promise<AppError> {
  const version = (await findStaffVersion(ctx.db, id)) ?? 0;
  return new AppError('STALE', 'error.staleStaff', undefined, { version });
}

/** The center must never lose its last way into the settings. */
async function assertAnotherAdmin(ctx: Pick<HandlerContext, 'db'>, id: number): Promise<void> {
  if ((await countOtherActiveAdmins(ctx.db, id)) === 0) {
    throw new AppError('CONFLICT', 'error.lastAdmin');
  }
}

function publicView(staff: StaffRecord) {
  return {
    id: staff.id,
    username: staff.username,
    displayName: staff.displayName,
    active: staff.active,
    roles: staff.roles,
    studioIds: staff.studioIds,
  };
}

/** Settings → Staff and roles (admin only, every change audited with before and after). */
export const staffAdminMethods = {
  'staff/accounts': defineMethod({
    input: z.object({}),
    access: ['admin'],
    write: false,
    summary: 'Every staff account with username, roles, studios, state and version',
    handler: (ctx) => listStaffAccounts(ctx.db),
  }),

  'staff/update': defineMethod({
    input: updateStaffSchema,
    access: ['admin'],
    write: true,
    summary: "Change a staff member's name, roles and studios (STALE if changed meanwhile)",
    handler: async (ctx, input) => {
      const before = await existing(ctx, input.id);
      const roles = [...new Set(input.roles)];
      const studioIds = [...new Set(input.studioIds)];
      const known = new Set((await listStudios(ctx.db)).map((s) => s.id));
      if (studioIds.some((id) => !known.has(id))) {
        throw fieldError('studioIds', 'validation.studio.unknownIn');
      }
      if (before.roles.includes('admin') && !roles.includes('admin') && before.active) {
        await assertAnotherAdmin(ctx, input.id);
      }
      const saved = await updateStaff(ctx.db, { ...input, roles, studioIds });
      if (!saved) throw await staleError(ctx, input.id);
      const after = await existing(ctx, input.id);
      await ctx.audit({
        entity: 'staff',
        entityId: input.id,
        before: publicView(before),
        after: publicView(after),
      });
      // Roles and studios take effect at once, in every window the person is signed in at.
      if (after.active) ctx.afterCommit(() => refreshCaller(ctx.session, toCaller(after)));
      return { ...publicView(after), version: input.version + 1 };
    },
  }),

  'staff/setActive': defineMethod({
    input: setStaffActiveSchema,
    access: ['admin'],
    write: true,
    summary: 'Deactivate (no more sign-in; history kept) or reactivate a staff account',
    handler: async (ctx, input) => {
      const before = await existing(ctx, input.id);
      if (!input.active && input.id === ctx.caller().staffId) {
        throw new AppError('CONFLICT', 'error.selfDeactivate');
      }
      if (!input.active && before.active && before.roles.includes('admin')) {
        await assertAnotherAdmin(ctx, input.id);
      }
      if (!(await setStaffActive(ctx.db, input.id, input.version, input.active))) {
        throw await staleError(ctx, input.id);
      }
      await ctx.audit({
        entity: 'staff',
        entityId: input.id,
        before: { active: before.active },
        after: { active: input.active },
      });
      if (!input.active) ctx.afterCommit(() => signOutStaff(ctx.session, input.id));
      return { id: input.id, active: input.active, version: input.version + 1 };
    },
  }),

  /** For a forgotten password: the admin sets a new one and tells the person in person. */
  'staff/resetPassword': defineMethod({
    input: resetPasswordSchema,
    access: ['admin'],
    write: true,
    summary:
      'Set a new password for a staff member (signs them out elsewhere; clears the throttle)',
    handler: async (ctx, input) => {
      const staff = await existing(ctx, input.id);
      await setPasswordHash(ctx.db, staff.id, await hashPassword(input.password));
      await ctx.audit({ entity: 'staff', entityId: staff.id, after: { passwordReset: true } });
      ctx.afterCommit(() => {
        signOutStaff(ctx.session, staff.id, ctx.session);
        securityOf(ctx.session).usernames.recordSuccess(throttleKey(staff.username));
      });
      return { id: staff.id };
    },
  }),
};
