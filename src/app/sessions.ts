import type { SessionState } from '../api/method';
import {
  createSessionSecurity,
  registerSession,
  type SessionSecurity,
} from '../staff/session-guard';

/**
 * Who is signed in where. A session key names one Electron window or one preview browser;
 * sessions live in memory only, so a restart signs everyone out. Each window's last activity,
 * lock and failed-password counters live beside its state (src/staff/session-guard.ts), with
 * the counters per username shared by all windows of this core.
 */
export class Sessions {
  readonly #byKey = new Map<string, SessionState>();
  readonly security: SessionSecurity;

  /** `clock`: monotonic milliseconds for idle time and throttling (tests pass their own). */
  constructor(clock?: () => number) {
    this.security = createSessionSecurity(() => this.#byKey.values(), clock);
  }

  get(key: string): SessionState {
    let state = this.#byKey.get(key);
    if (state === undefined) {
      state = { caller: null, locale: 'zh-CN' };
      this.#byKey.set(key, state);
      registerSession(state, key, this.security);
    }
    return state;
  }

  end(key: string): void {
    this.#byKey.delete(key);
  }
}
