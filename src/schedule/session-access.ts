import type { Caller } from '../api/method';
import { AppError } from '../api/result';
import { seesAllStudios } from '../cases/case-access';
import type { Role } from '../staff/staff.schema';
import type { StudioKind } from '../studios/studio.schema';
import type { SessionKind } from './session.schema';

/**
 * Who may do what with sessions (DESIGN §7): reception books for every studio; mediators and
 * clerks arrange and record their own studios' sessions; the director reads everything.
 */
export const ARRANGERS: readonly Role[] = ['reception', 'mediator', 'clerk'];
export const RECORDERS: readonly Role[] = ['mediator', 'clerk'];

const memberOf = (caller: Caller, studioId: number) =>
  caller.studioIds.includes(studioId) && caller.roles.some((r) => RECORDERS.includes(r));

/** Book, edit, move, cancel, postpone. */
export function mayArrange(caller: Caller, studioId: number): boolean {
  return caller.roles.includes('reception') || memberOf(caller, studioId);
}

/** Mark held or no-show: the studio's own mediators and clerks, who were there. */
export function mayRecord(caller: Caller, studioId: number): boolean {
  return memberOf(caller, studioId);
}

export function assertMay(allowed: boolean): void {
  if (!allowed) throw new AppError('FORBIDDEN', 'error.session.scope');
}

/** Studios whose sessions the caller sees; undefined: all of them. */
export function visibleStudioIds(caller: Caller): readonly number[] | undefined {
  return seesAllStudios(caller) ? undefined : caller.studioIds;
}

export function maySee(caller: Caller, studioId: number): boolean {
  return seesAllStudios(caller) || caller.studioIds.includes(studioId);
}

/**
 * Counseling notes are visible to counselors only (DESIGN §7): the notes and record of a
 * counseling session are read by the counseling studio's own people, not by the director.
 */
export function maySeeRecord(
  caller: Caller,
  s: { readonly kind: SessionKind; readonly studioKind: StudioKind; readonly studioId: number },
): boolean {
  const counseling = s.kind === 'counseling' || s.studioKind === 'counseling';
  return counseling ? caller.studioIds.includes(s.studioId) : maySee(caller, s.studioId);
}
