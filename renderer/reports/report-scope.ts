import type { Role } from '../../src/staff/staff.schema';

/**
 * Whether the reports cover the whole center for these roles (reception, director, admin), as
 * the core decides (src/cases/case-access.ts); others see their own studios. For choosing what to
 * offer only: the core checks every call.
 */
export function seesAllStudiosRoles(roles: readonly Role[]): boolean {
  return roles.some((r) => r === 'reception' || r === 'director' || r === 'admin');
}
