import type { Caller } from '../api/method';
import { AppError } from '../api/result';
import type { Role } from '../staff/staff.schema';

/** Who prints papers: reception for the whole center, mediators and clerks for their studios. */
export const PRINTING_ROLES: readonly Role[] = ['reception', 'mediator', 'clerk'];
/** Who drafts, prints and tracks agreements: the studio's mediators and clerks. */
export const AGREEMENT_ROLES: readonly Role[] = ['mediator', 'clerk'];

export function assertMayPrint(caller: Caller, studioId: number): void {
  const ok =
    caller.roles.includes('reception') ||
    (caller.studioIds.includes(studioId) &&
      caller.roles.some((r) => r === 'mediator' || r === 'clerk'));
  if (!ok) throw new AppError('FORBIDDEN', 'error.studioScope');
}

export function assertAgreementAccess(caller: Caller, studioId: number): void {
  const ok =
    caller.studioIds.includes(studioId) &&
    caller.roles.some((r) => r === 'mediator' || r === 'clerk');
  if (!ok) throw new AppError('FORBIDDEN', 'error.studioScope');
}
