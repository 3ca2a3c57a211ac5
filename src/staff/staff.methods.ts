import { defineMethod, type Caller, type HandlerContext } from '../api/method';
import { AppError } from '../api/result';
import { fieldError } from '../api/validation';
import type { Locale } from '../shared/messages';
import { z } from '../shared/zod-messages';
import { listStudios } from '../studios/studio.repository';
import { hashPassword, verifyPassword } from './password';
import {
  activityOf,
  idleLockMinutes,
  lockWindow,
  markSignedIn,
  securityOf,
  signOutStaff,
  unlockWindow,
  windowKeyOf,
} from './session-guard';
import { throttleKey, waitText } from './sign-in-throttle';
import {
  countStaff,
  findStaffById,
  findStaffByUsername,
  insertStaff,
  listStaff,
  setPasswordHash,
  type StaffRecord,
} from './staff.repository';
import {
  changePasswordSchema,
  createStaffSchema,
  setLocaleSchema,
  setupSchema,
  signInSchema,
  unlockSchema,
} from './staff.schema';

const empty = z.object({});

export interface AuthStatus {
  readonly needsSetup: boolean;
  readonly caller: Caller | null;
  readonly locale: Locale;
  /** Only when someone is signed in: whether the window is locked, and after how long idle. */
  readonly lock?: { readonly locked: boolean; readonly idleLockMinutes: number };
}

export function toCaller(staff: StaffRecord): Caller {
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
    handler: async (ctx): Promise<AuthStatus> => {
      const status = {
        needsSetup: (await countStaff(ctx.db)) === 0,
        caller: ctx.session.caller,
        locale: ctx.session.locale,
      };
      if (ctx.session.caller === null) return status;
      const lock = {
        locked: activityOf(ctx.session).locked,
        idleLockMinutes: await idleLockMinutes(ctx.db),
      };
      return { ...status, lock };
    },
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
      ctx.afterCommit(() => markSignedIn(ctx.session, caller));
      return caller;
    },
  }),

  /** Also how a colleague switches user on a locked window: the new caller replaces the old. */
  'auth/signIn': defineMethod({
    input: signInSchema,
    access: 'public',
    write: false,
    summary: 'Sign in with username and password (or switch user on this window)',
    handler: async (ctx, input) => {
      const staff = await checkPassword(ctx, input.username, input.password);
      if (staff === null || !staff.active)
        throw new AppError('UNAUTHENTICATED', 'error.signInFailed');
      markSignedIn(ctx.session, toCaller(staff));
      return toCaller(staff);
    },
  }),

  /** The window's own lock (the idle timer, or a person stepping away). */
  'auth/lock': defineMethod({
    input: empty,
    access: 'signedIn',
    write: false,
    summary: 'Lock this window until its user enters the password again',
    handler: async (ctx) => {
      lockWindow(ctx.session);
      return { locked: true };
    },
  }),

  'auth/unlock': defineMethod({
    input: unlockSchema,
    access: 'signedIn',
    write: false,
    summary: "Unlock this window with the signed-in person's password",
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const stored = await findStaffById(ctx.db, caller.staffId);
      if (stored === null || !stored.active) {
        // Deactivated while away: the window belongs to nobody any more.
        ctx.session.caller = null;
        throw new AppError('UNAUTHENTICATED', 'error.signInFirst');
      }
      const staff = await checkPassword(ctx, stored.username, input.password);
      if (staff === null) throw fieldError('password', 'validation.passwordWrong');
      unlockWindow(ctx.session);
      return toCaller(staff);
    },
  }),

  'auth/changePassword': defineMethod({
    input: changePasswordSchema,
    access: 'signedIn',
    write: true,
    summary: 'Change your own password (the current one is asked again)',
    handler: async (ctx, input) => {
      const caller = ctx.caller();
      const stored = await findStaffById(ctx.db, caller.staffId);
      if (stored === null) throw new AppError('UNAUTHENTICATED', 'error.signInFirst');
      const staff = await checkPassword(ctx, stored.username, input.currentPassword);
      if (staff === null) throw fieldError('currentPassword', 'validation.passwordWrong');
      if (input.newPassword === input.currentPassword) {
        throw fieldError('newPassword', 'validation.passwordUnchanged');
      }
      await setPasswordHash(ctx.db, staff.id, await hashPassword(input.newPassword));
      // Never the password or its hash: only that it changed.
      await ctx.audit({ entity: 'staff', entityId: staff.id, after: { passwordChanged: true } });
      // Other windows where this person is signed in must sign in with the new password.
      ctx.afterCommit(() => signOutStaff(ctx.session, staff.id, ctx.session));
      return { changed: true };
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

  /** Settings → Staff: create (see staff-admin.methods.ts for changes to existing accounts). */
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

/**
 * The password check every sign-in, unlock and password change goes through: refused outright
 * while the username or the window is throttled (no password is even hashed then), counted
 * when wrong, cleared when right. Returns the staff record, or null for a wrong password.
 */
async function checkPassword(
  ctx: Pick<HandlerContext, 'db' | 'session'>,
  username: string,
  password: string,
): Promise<StaffRecord | null> {
  const security = securityOf(ctx.session);
  const nowMs = security.clock();
  const userKey = throttleKey(username);
  const windowKey = windowKeyOf(ctx.session);
  const wait = Math.max(
    security.usernames.retryAfterMs(userKey, nowMs),
    security.windows.retryAfterMs(windowKey, nowMs),
  );
  if (wait > 0) {
    throw new AppError('THROTTLED', 'error.signInThrottled', undefined, { wait: waitText(wait) });
  }
  const staff = await findStaffByUsername(ctx.db, username.trim());
  const ok = staff !== null && (await verifyPassword(password, staff.passwordHash));
  if (!ok) {
    security.usernames.recordFailure(userKey, nowMs);
    security.windows.recordFailure(windowKey, nowMs);
    return null;
  }
  security.usernames.recordSuccess(userKey);
  security.windows.recordSuccess(windowKey);
  return staff;
}
