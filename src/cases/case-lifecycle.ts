import type { Role } from '../staff/staff.schema';
import type { CaseStatus, Outcome } from './case.schema';

/**
 * The case lifecycle (DESIGN §4) as data: which action applies in which state, and who may
 * take it. Pure and browser-safe: the services enforce it, the case page shows only what it allows.
 */
export const ACTIONS = [
  'accept',
  'decline',
  'refer',
  'startMediation',
  'conclude',
  'archive',
  'transfer',
  'assignMediators',
  'pauseDeadline',
  'resumeDeadline',
  'extendDeadline',
  'openLinked',
  'recordFollowUp',
] as const;
export type CaseAction = (typeof ACTIONS)[number];

export const OPEN_STATUSES: readonly CaseStatus[] = ['registered', 'accepted', 'in_mediation'];

const FROM: Record<CaseAction, readonly CaseStatus[]> = {
  accept: ['registered'], // 受理
  decline: ['registered'], // 不予受理
  refer: ['registered'], // 转办
  startMediation: ['accepted'],
  conclude: ['accepted', 'in_mediation'], // 调解终结
  archive: ['concluded'], // 归档
  transfer: OPEN_STATUSES,
  assignMediators: OPEN_STATUSES,
  pauseDeadline: ['accepted', 'in_mediation'],
  resumeDeadline: ['accepted', 'in_mediation'],
  extendDeadline: ['accepted', 'in_mediation'],
  openLinked: ['concluded', 'archived'],
  recordFollowUp: ['concluded', 'archived'],
};

const ROLES: Record<CaseAction, readonly Role[]> = {
  accept: ['reception', 'mediator', 'director'],
  decline: ['reception', 'mediator', 'director'],
  refer: ['reception', 'mediator', 'director'],
  startMediation: ['mediator'],
  conclude: ['mediator'],
  archive: ['clerk', 'mediator'],
  transfer: ['reception', 'mediator', 'director'],
  assignMediators: ['reception', 'mediator', 'director'],
  pauseDeadline: ['mediator', 'director'],
  resumeDeadline: ['mediator', 'director'],
  extendDeadline: ['mediator', 'director'],
  openLinked: ['reception', 'mediator', 'clerk'],
  recordFollowUp: ['mediator', 'clerk'],
};

/** Roles whose holders act on every studio's cases; the others act on their own studios' only. */
const CENTER_WIDE: readonly Role[] = ['reception', 'director'];

export function rolesFor(action: CaseAction): readonly Role[] {
  return ROLES[action];
}

export function canTransition(status: CaseStatus, action: CaseAction): boolean {
  return FROM[action].includes(status);
}

export interface ActingStaff {
  readonly roles: readonly Role[];
  readonly studioIds: readonly number[];
}

/** May this person take this action on a case of this studio (ignoring its state)? */
export function mayAct(staff: ActingStaff, action: CaseAction, studioId: number): boolean {
  return ROLES[action].some(
    (role) =>
      staff.roles.includes(role) &&
      (CENTER_WIDE.includes(role) || staff.studioIds.includes(studioId)),
  );
}

/**
 * What the case page offers: the actions this state allows and this person may take; a paused
 * deadline can be resumed (not paused again), a running one paused (not resumed).
 */
export function allowedActions(
  status: CaseStatus,
  staff: ActingStaff,
  studioId: number,
  state: { deadlinePaused?: boolean; outcome?: Outcome | null } = {},
): CaseAction[] {
  const paused = state.deadlinePaused ?? false;
  return ACTIONS.filter(
    (a) =>
      canTransition(status, a) &&
      mayAct(staff, a, studioId) &&
      !(a === 'pauseDeadline' && paused) &&
      !(a === 'resumeDeadline' && !paused) &&
      !(a === 'openLinked' && !LINKABLE_OUTCOMES.includes(state.outcome ?? 'withdrawn')),
  );
}

/** Outcomes that lead on: a written agreement to confirmation, a failure to the speedy court. */
const LINKABLE_OUTCOMES: readonly Outcome[] = ['written_agreement', 'no_agreement', 'refused'];
