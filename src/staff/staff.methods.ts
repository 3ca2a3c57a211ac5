import { defineMethod, type Caller } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import { z } from '../shared/zod-messages';
import { listStudios } from '../studios/studio.repository';
import { hashPassword, verifyPassword } from './password';
import {
  countStaff,
  findStaffById,
  findStaffByUsername,
  insertStaff,
  listStaff,
  type StaffRecord,
} from './staff.repository';
import { createStaffSchema, setLocaleSchema, setupSchema, signInSchema } from './staff.schema';

const empty = z.object({});

function toCaller(staff: StaffRecord): Caller {
  return {
    staffId: staff.id,
    displayName: staff.displayName,
    roles: staff.roles,
    studioIds: staff.studioIds,
  };
}

export const staffMethods = {
  /** What the first screen needs: is the center set up, and who is signed in here. */
  'auth/status': defineMethod({
    input: empty,
    access: 'public',
    write: false,
    summary: 'Whether first-start setup is needed, and the signed-in staff member',
    handler: async (ctx) => ({
      needsSetup: (await countStaff(ctx.db)) === 0,
      caller: ctx.session.caller,
      locale: ctx.session.locale,
    }),
  }),

  /** First start: creates the first account and signs it in. Refused once any account exists. */
  'auth/setup': defineMethod({
    input: setupSchema,
    access: 'public',
    write: true,
    summary: 'Create the first account (first start only)',
    handler: async (ctx, input) => {
      if ((await countStaff(ctx.db)) > 0) {
        throw new AppError('CONFLICT', 'error.alreadySetUp');
      }
      const roles = input.roles.includes('admin')
        ? input.roles
        : [...input.roles, 'admin' as const];
      // The first account of a small center works in every studio until the admin says otherwise.
      const worksInStudios = roles.includes('mediator') || roles.includes('clerk');
      const studioIds = worksInStudios ? (await listStudios(ctx.db)).map((s) => s.id) : [];
      const id = await insertStaff(ctx.db, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        roles,
        studioIds,
        createdAt: ctx.now.toISOString(),
      });
      const staff = await findStaffById(ctx.db, id);
      if (staff === null) throw new Error('staff row vanished');
      const caller = toCaller(staff);
      await ctx.audit({
        entity: 'staff',
        entityId: id,
        actorId: id,
        after: { username: input.username, displayName: input.displayName, roles },
      });
      ctx.afterCommit(() => {
        ctx.session.caller = caller;
      });
      return caller;
    },
  }),

  'auth/signIn': defineMethod({
    input: signInSchema,
    access: 'public',
    write: false,
    summary: 'Sign in with username and password',
    handler: async (ctx, input) => {
      const staff = await findStaffByUsername(ctx.db, input.username);
      const ok =
        staff !== null &&
        staff.active &&
        (await verifyPassword(input.password, staff.passwordHash));
      if (!ok) {
        const message =
          ctx.session.locale === 'zh-CN' ? '用户名或密码不正确' : 'Wrong username or password';
        throw new AppError('UNAUTHENTICATED', message);
      }
      ctx.session.caller = toCaller(staff);
      return ctx.session.caller;
    },
  }),

  'auth/signOut': defineMethod({
    input: empty,
    access: 'public',
    write: false,
    summary: 'Sign out of this window',
    handler: async (ctx) => {
      ctx.session.caller = null;
      return null;
    },
  }),

  'session/setLocale': defineMethod({
    input: setLocaleSchema,
    access: 'public',
    write: false,
    summary: 'Language for messages returned to this window (zh-CN or en)',
    handler: async (ctx, input) => {
      ctx.session.locale = input.locale;
      return { locale: input.locale };
    },
  }),

  'staff/list': defineMethod({
    input: empty,
    access: 'signedIn',
    write: false,
    summary: 'Staff members with their roles and studios (to assign mediators, pick visitors)',
    handler: (ctx) => listStaff(ctx.db),
  }),

  'staff/create': defineMethod({
    input: createStaffSchema,
    access: ['admin'],
    write: true,
    summary: 'Create a staff account with roles and studios',
    handler: async (ctx, input) => {
      if ((await findStaffByUsername(ctx.db, input.username)) !== null) {
        throw fieldError('username', 'validation.usernameTaken');
      }
      const roles = [...new Set(input.roles)];
      const studioIds = [...new Set(input.studioIds)];
      const known = new Set((await listStudios(ctx.db)).map((s) => s.id));
      if (studioIds.some((id) => !known.has(id))) {
        throw fieldError('studioIds', 'validation.studio.unknownIn');
      }
      const id = await insertStaff(ctx.db, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: await hashPassword(input.password),
        roles,
        studioIds,
        createdAt: ctx.now.toISOString(),
      });
      const after = { username: input.username, displayName: input.displayName, roles, studioIds };
      await ctx.audit({ entity: 'staff', entityId: id, after });
      return { id, ...after };
    },
  }),
};
