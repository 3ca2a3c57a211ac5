import type { SessionState } from '../api/method';

/**
 * Who is signed in where. A session key names one Electron window or one preview browser;
 * sessions live in memory only, so a restart signs everyone out.
 */
export class Sessions {
  readonly #byKey = new Map<string, SessionState>();

  get(key: string): SessionState {
    let state = this.#byKey.get(key);
    if (state === undefined) {
      state = { caller: null, locale: 'zh-CN' };
      this.#byKey.set(key, state);
    }
    return state;
  }

  end(key: string): void {
    this.#byKey.delete(key);
  }
}
