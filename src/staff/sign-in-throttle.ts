/**
 * Failed-password throttling (OWASP Authentication Cheat Sheet: "account lockout" by an
 * increasing delay rather than a permanent lock, which would let anyone lock a colleague out).
 * Pure and clock-free: callers pass the time, so tests need no timers.
 */
export interface ThrottlePolicy {
  /** Consecutive failures allowed before the first wait. */
  readonly freeAttempts: number;
  /** The first wait; each further failure doubles it. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A key with no failure for this long starts afresh. */
  readonly forgetAfterMs: number;
  /** Bound on remembered keys, so random usernames cannot grow memory without limit. */
  readonly maxKeys: number;
}

/** Per username: five tries, then 30 s, 1 min, 2 min, … up to 15 min between tries. */
export const USERNAME_POLICY: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxKeys: 10_000,
};

/** Per window: a little more room (colleagues mistyping their own names), same growth. */
export const WINDOW_POLICY: ThrottlePolicy = { ...USERNAME_POLICY, freeAttempts: 10 };

interface Entry {
  failures: number;
  lastFailureMs: number;
  blockedUntilMs: number;
}

export class FailureThrottle {
  readonly #entries = new Map<string, Entry>();

  constructor(readonly policy: ThrottlePolicy) {}

  /** Milliseconds the key must still wait; 0 when it may try now. */
  retryAfterMs(key: string, nowMs: number): number {
    const entry = this.#current(key, nowMs);
    return entry === undefined ? 0 : Math.max(0, entry.blockedUntilMs - nowMs);
  }

  recordFailure(key: string, nowMs: number): void {
    const entry = this.#current(key, nowMs) ?? { failures: 0, lastFailureMs: 0, blockedUntilMs: 0 };
    entry.failures += 1;
    entry.lastFailureMs = nowMs;
    const over = entry.failures - this.policy.freeAttempts;
    if (over >= 0) {
      const delay = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** over);
      entry.blockedUntilMs = nowMs + delay;
    }
    // Re-inserting moves the key to the end, so the Map's order is least recently failed first.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    while (this.#entries.size > this.policy.maxKeys) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  recordSuccess(key: string): void {
    this.#entries.delete(key);
  }

  /** Consecutive failures remembered for the key (for tests and the audit of a reset). */
  failures(key: string, nowMs: number): number {
    return this.#current(key, nowMs)?.failures ?? 0;
  }

  #current(key: string, nowMs: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    const idleFor = nowMs - Math.max(entry.lastFailureMs, entry.blockedUntilMs);
    if (idleFor >= this.policy.forgetAfterMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

/** Usernames are compared as typed in the database, but throttled case-insensitively. */
export function throttleKey(username: string): string {
  return username.trim().toLowerCase();
}

/** A wait in the caller's words: "45 秒" / "45 seconds", "3 分钟" / "3 minutes". */
export function waitText(ms: number): Record<'zh-CN' | 'en', string> {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) {
    return { 'zh-CN': `${seconds} 秒`, en: `${seconds} second${seconds === 1 ? '' : 's'}` };
  }
  const minutes = Math.ceil(seconds / 60);
  return { 'zh-CN': `${minutes} 分钟`, en: `${minutes} minutes` };
}
