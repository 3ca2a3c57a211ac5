import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { startLiveRefresh as StartLiveRefresh } from '../../../renderer/api/live-refresh';
import type { ApiResult } from '../../../src/api/result';

/**
 * The renderer's poller (renderer/api/live-refresh.ts) on fake timers, with a fake bridge in
 * place of the core: it polls every two seconds while the window is visible, not at all while
 * it is hidden or locked, backs off quietly while the core cannot be reached, and refreshes
 * what a change affects.
 */
let startLiveRefresh: typeof StartLiveRefresh;
let POLL_MS: number;
let MAX_BACKOFF_MS: number;

type Listener = () => void;
const listeners = new Map<string, Set<Listener>>();
const on = (type: string, fn: Listener) => {
  const set = listeners.get(type) ?? new Set();
  set.add(fn);
  listeners.set(type, set);
};
const off = (type: string, fn: Listener) => listeners.get(type)?.delete(fn);
const fire = (type: string) => {
  for (const fn of listeners.get(type) ?? []) fn();
};

/** What the fake core answers to `sync/changes`, and every call it got. */
const core = {
  answer: (): ApiResult<unknown> => ({ ok: true, value: { marker: '1:a', changed: null } }),
  calls: [] as { method: string; input: unknown }[],
};
const page = { visibilityState: 'visible' as 'visible' | 'hidden' };

beforeAll(async () => {
  vi.stubGlobal('window', {
    mediationDesk: {
      call: (method: string, input: unknown) => {
        core.calls.push({ method, input });
        return Promise.resolve(
          method === 'sync/changes' ? core.answer() : { ok: true, value: { method } },
        );
      },
    },
    addEventListener: on,
    removeEventListener: off,
  });
  vi.stubGlobal('document', {
    get visibilityState() {
      return page.visibilityState;
    },
    addEventListener: on,
    removeEventListener: off,
  });
  ({ startLiveRefresh, POLL_MS, MAX_BACKOFF_MS } =
    await import('../../../renderer/api/live-refresh'));
});

let client: QueryClient;
let stop: () => void;
const polls = () => core.calls.filter((c) => c.method === 'sync/changes');
const marker = (id: number) => `${id}:${'0'.repeat(16)}`;

beforeEach(() => {
  vi.useFakeTimers();
  core.calls.length = 0;
  page.visibilityState = 'visible';
  core.answer = () => ({ ok: true, value: { marker: marker(1), changed: null } });
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
});
afterEach(() => {
  stop();
  client.clear();
  vi.useRealTimers();
});

/** A screen showing one read: its fetches go through the fake core too. */
function showRead(method: string) {
  const observer = new QueryObserver(client, {
    queryKey: [method, {}],
    queryFn: async () => {
      const result = await window.mediationDesk?.call(method as never, {} as never);
      return result?.ok === true ? result.value : null;
    },
  });
  return observer.subscribe(() => undefined);
}
const readsOf = (method: string) => core.calls.filter((c) => c.method === method).length;

describe('startLiveRefresh', () => {
  it('polls at once, then every two seconds, passing back the marker it was given', async () => {
    stop = startLiveRefresh(client);
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toEqual([{ method: 'sync/changes', input: {} }]);
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(polls()).toHaveLength(4);
    expect(polls()[3]?.input).toEqual({ since: marker(1) });
  });

  it('refreshes the reads a change affects, and only those', async () => {
    const unsubscribe = [showRead('cases/list'), showRead('studios/list')];
    stop = startLiveRefresh(client);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2);
    const cases = readsOf('cases/list');
    const studios = readsOf('studios/list');
    core.answer = () => ({ ok: true, value: { marker: marker(2), changed: ['case'] } });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(readsOf('cases/list')).toBe(cases + 1);
    expect(readsOf('studios/list')).toBe(studios);
    // Nothing new: nothing read again.
    await vi.advanceTimersByTimeAsync(POLL_MS * 3);
    expect(readsOf('cases/list')).toBe(cases + 1);
    for (const u of unsubscribe) u();
  });

  it('does not poll while hidden, and polls at once when shown again', async () => {
    stop = startLiveRefresh(client);
    await vi.advanceTimersByTimeAsync(0);
    page.visibilityState = 'hidden';
    fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(POLL_MS * 30);
    expect(polls()).toHaveLength(1);
    page.visibilityState = 'visible';
    fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(polls()).toHaveLength(2);
  });

  it('does not poll while the window is locked', async () => {
    client.setQueryData(['auth/status', {}], { caller: {}, lock: { locked: true } });
    stop = startLiveRefresh(client);
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(polls()).toEqual([]);
    client.setQueryData(['auth/status', {}], { caller: {}, lock: { locked: false } });
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(polls()).toHaveLength(1);
  });

  it('hands a LOCKED answer to the sign-in gate, which asks who is here', async () => {
    client.setQueryData(['auth/status', {}], { caller: {}, lock: { locked: false } });
    core.answer = () => ({ ok: false, error: { code: 'LOCKED', message: 'locked' } });
    stop = startLiveRefresh(client);
    await vi.advanceTimersByTimeAsync(0);
    expect(client.getQueryState(['auth/status', {}])?.isInvalidated).toBe(true);
  });

  it('backs off while the core cannot be reached, up to a minute, then resumes', async () => {
    core.answer = () => ({ ok: false, error: { code: 'INTERNAL', message: 'unreachable' } });
    stop = startLiveRefresh(client);
    await vi.advanceTimersByTimeAsync(0);
    const times: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const before = polls().length;
      const start = Date.now();
      while (polls().length === before) await vi.advanceTimersByTimeAsync(500);
      times.push(Date.now() - start);
    }
    expect(times).toEqual([4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000, 60_000]);
    expect(MAX_BACKOFF_MS).toBe(60_000);
    core.answer = () => ({ ok: true, value: { marker: marker(1), changed: null } });
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS);
    const after = polls().length;
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(polls().length).toBe(after + 1);
  });

  it('stops for good when stopped', async () => {
    stop = startLiveRefresh(client);
    await vi.advanceTimersByTimeAsync(0);
    stop();
    fire('focus');
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(polls()).toHaveLength(1);
  });
});
