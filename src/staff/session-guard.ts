import { performance } from 'node:perf_hooks';
import type { Caller, SessionState } from '../api/method';
import { AppError } from '../api/result';
import type { Database } from '../db/database';
import { getSetting } from '../settings/settings.repository';
import { FailureThrottle, USERNAME_POLICY, WINDOW_POLICY } from './sign-in-throttle';

/**
 * What the core knows about each window beyond who is signed in: when it was last used, whether
 * it is locked, and the failed-password counters. Kept beside SessionState (keyed by the state
 * object) so the API's session type stays the plain "who and which language".
 */
export interface WindowActivity {
  lastActivityMs: number | null;
  locked: boolean;
}

/** One per core: the counters shared by all its windows, and a way to reach every window. */
export interface SessionSecurity {
  readonly usernames: FailureThrottle;
  readonly windows: FailureThrottle;
  /** Every window currently known to the core. */
  sessions(): Iterable<SessionState>;
  /**
   * Milliseconds on a monotonic clock, for idle time and throttling: how long someone was away
   * is real elapsed time, unaffected by the system clock being set (or a test's business clock).
   */
  clock(): number;
}

interface Registration {
  readonly key: string;
  readonly security: SessionSecurity;
  readonly activity: WindowActivity;
}

export const IDLE_LOCK_SETTING = 'security.idleLockMinutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
export const MIN_IDLE_LOCK_MINUTES = 1;
export const MAX_IDLE_LOCK_MINUTES = 240;

/** A locked window may still find out who it belongs to, unlock, switch user or sign out. */
const OPEN_WHILE_LOCKED: ReadonlySet<string> = new Set([
  'auth/status',
  'auth/setup',
  'auth/signIn',
  'auth/signOut',
  'auth/unlock',
  'auth/lock',
  'session/setLocale',
]);

/**
 * Calls the app makes on its own (focus refresh, polling for other workstations' changes), which
 * say nothing about a person being there. They still lock a window whose time is up; polling is
 * not among the calls open while locked, so a locked window learns nothing new from it.
 */
const PASSIVE: ReadonlySet<string> = new Set(['auth/status', 'session/setLocale', 'sync/changes']);

const registry = new WeakMap<SessionState, Registration>();

export const monotonicClock = (): number => performance.now();

export function createSessionSecurity(
  sessions: () => Iterable<SessionState>,
  clock: () => number = monotonicClock,
): SessionSecurity {
  return {
    usernames: new FailureThrottle(USERNAME_POLICY),
    windows: new FailureThrottle(WINDOW_POLICY),
    sessions,
    clock,
  };
}

/** For session states made outside a core (unit tests of the dispatcher): a security of their own. */
const detached = createSessionSecurity(() => []);

export function registerSession(state: SessionState, key: string, security: SessionSecurity) {
  registry.set(state, { key, security, activity: { lastActivityMs: null, locked: false } });
}

function registrationOf(state: SessionState): Registration {
  let found = registry.get(state);
  if (found === undefined) {
    found = {
      key: 'detached',
      security: detached,
      activity: { lastActivityMs: null, locked: false },
    };
    registry.set(state, found);
  }
  return found;
}

export function activityOf(state: SessionState): WindowActivity {
  return registrationOf(state).activity;
}

export function securityOf(state: SessionState): SessionSecurity {
  return registrationOf(state).security;
}

/** The window's key, for the per-window failure counter. */
export function windowKeyOf(state: SessionState): string {
  return registrationOf(state).key;
}

/** A fresh start for the window: signed in (or switched user) just now, unlocked. */
export function markSignedIn(state: SessionState, caller: Caller): void {
  state.caller = caller;
  unlockWindow(state);
}

export function lockWindow(state: SessionState): void {
  activityOf(state).locked = true;
}

export function unlockWindow(state: SessionState): void {
  const activity = activityOf(state);
  activity.locked = false;
  activity.lastActivityMs = securityOf(state).clock();
}

export async function idleLockMinutes(db: Database): Promise<number> {
  const stored = Number(await getSetting(db, IDLE_LOCK_SETTING));
  return Number.isInteger(stored) &&
    stored >= MIN_IDLE_LOCK_MINUTES &&
    stored <= MAX_IDLE_LOCK_MINUTES
    ? stored
    : DEFAULT_IDLE_LOCK_MINUTES;
}

/**
 * Runs before every call (the dispatcher's guard): a signed-in window idle for longer than the
 * configured minutes locks, and a locked window may only make the calls that unlock it. Any
 * other call counts as activity. The renderer locks on its own timer too (it sees the mouse and
 * keyboard); this is the rule that holds whatever the renderer does.
 */
export async function guardSession(
  db: Database,
  state: SessionState,
  method: string,
): Promise<void> {
  if (state.caller === null) return;
  const activity = activityOf(state);
  const nowMs = securityOf(state).clock();
  if (activity.lastActivityMs === null) activity.lastActivityMs = nowMs;
  const idleMs = nowMs - activity.lastActivityMs;
  // The setting is read only when the idle time could matter (one minute is the shortest).
  if (!activity.locked && idleMs >= MIN_IDLE_LOCK_MINUTES * 60_000) {
    if (idleMs >= (await idleLockMinutes(db)) * 60_000) activity.locked = true;
  }
  if (activity.locked) {
    if (!OPEN_WHILE_LOCKED.has(method)) throw new AppError('LOCKED', 'error.locked');
    return;
  }
  if (!PASSIVE.has(method)) activity.lastActivityMs = nowMs;
}

/** Signs a staff member out of every window (deactivated, password reset by an admin). */
export function signOutStaff(from: SessionState, staffId: number, except?: SessionState): void {
  for (const state of securityOf(from).sessions()) {
    if (state !== except && state.caller?.staffId === staffId) state.caller = null;
  }
}

/** Puts a staff member's new roles and studios into every window they are signed in at. */
export function refreshCaller(from: SessionState, caller: Caller): void {
  for (const state of securityOf(from).sessions()) {
    if (state.caller?.staffId === caller.staffId) state.caller = caller;
  }
}

/** After a restore the accounts may all differ: every window signs in again. */
export function signOutEverywhere(from: SessionState): void {
  for (const state of securityOf(from).sessions()) state.caller = null;
}
