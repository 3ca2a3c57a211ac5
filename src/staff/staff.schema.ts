import { z } from '../shared/zod-messages';
import { LOCALES } from '../shared/messages';

export const ROLES = ['reception', 'mediator', 'clerk', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { error: 'validation.username' });
const password = z.string().min(10, { error: 'validation.password' }).max(200);

/** First start: the first account, created on the setup screen (no default password). */
export const setupSchema = z.object({
  displayName: z.string().trim().min(1).max(50),
  username,
  password,
  roles: z.array(z.enum(ROLES)).min(1, { error: 'validation.roles' }),
});

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(32),
  password: z.string().min(1).max(200),
});

export const createStaffSchema = setupSchema.extend({
  studioIds: z.array(z.int32().positive()).default([]),
});

export const setLocaleSchema = z.object({ locale: z.enum(LOCALES) });

const staffId = z.int32().positive();
const version = z.int32().positive();
const studioIds = z.array(z.int32().positive()).max(50);
const roles = z.array(z.enum(ROLES)).min(1, { error: 'validation.roles' });

/** Settings → Staff: name, roles and studios of an account (username and password apart). */
export const updateStaffSchema = z.object({
  id: staffId,
  version,
  displayName: z.string().trim().min(1).max(50),
  roles,
  studioIds,
});
export type UpdateStaffInput = z.input<typeof updateStaffSchema>;

export const setStaffActiveSchema = z.object({ id: staffId, version, active: z.boolean() });

export const resetPasswordSchema = z.object({ id: staffId, password });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;

/** The lock screen: the signed-in person's own password. */
export const unlockSchema = z.object({ password: z.string().min(1).max(200) });

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
