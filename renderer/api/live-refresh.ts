import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { MethodOutput } from '../../src/api/contract';
import { callResult } from './client';
import { refreshQuietly } from './live-refresh-apply';
import { isAffected } from './live-refresh-scope';

/** How often a visible window asks whether anything was written (by anyone, anywhere). */
export const POLL_MS = 2_000;
/** The longest pause between tries while the core or its server cannot be reached. */
export const MAX_BACKOFF_MS = 60_000;
/** A read that keeps failing quietly is handed to the usual refetch (which shows the error). */
const MAX_QUIET_TRIES = 5;

type AuthStatus = MethodOutput<'auth/status'>;

interface Owed {
  readonly key: QueryKey;
  tries: number;
}

/**
 * Keeps a signed-in window's screens current with other workstations' work: asks the core for
 * its change marker every two seconds while the window is visible (at once when it comes back
 * to the front), and when the marker moves, refreshes the cached reads the change can affect.
 *
 * Quiet by design: polling is passive for the idle lock (the core's rule), a locked window does
 * not poll at all, failures back off without a word, and a refresh never resets a form or
 * flashes a loader (live-refresh-apply.ts). Returns a function that stops it.
 */
export function startLiveRefresh(client: QueryClient): () => void {
  let marker: string | undefined;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;
  let stopped = false;
  const owed = new Map<string, Owed>();

  const locked = () => client.getQueryData<AuthStatus>(['auth/status', {}])?.lock?.locked === true;
  const hidden = () => document.visibilityState === 'hidden';

  const schedule = (delay: number) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = stopped ? undefined : setTimeout(() => void tick(), delay);
  };
  const nextDelay = () =>
    failures === 0 ? POLL_MS : Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS);

  const owe = (changed: readonly string[] | null) => {
    for (const query of client.getQueryCache().getAll()) {
      if (isAffected(query.queryKey, changed) && !owed.has(query.queryHash)) {
        owed.set(query.queryHash, { key: query.queryKey, tries: 0 });
      }
    }
  };

  const pay = async () => {
    await Promise.all(
      [...owed].map(async ([hash, entry]) => {
        const query = client.getQueryCache().get(hash);
        if (query === undefined) {
          owed.delete(hash);
          return;
        }
        if ((await refreshQuietly(client, query)) === 'done') {
          owed.delete(hash);
        } else if ((entry.tries += 1) >= MAX_QUIET_TRIES) {
          owed.delete(hash);
          await client.invalidateQueries({ queryKey: entry.key, exact: true });
        }
      }),
    );
  };

  const tick = async () => {
    timer = undefined;
    // Hidden: nobody is looking; coming back to the front polls at once (listeners below).
    if (stopped || polling || hidden()) return;
    // Locked: the screen is covered and the core would answer LOCKED; wait for the unlock,
    // after which the sign-in gate refreshes everything anyway.
    if (locked()) {
      schedule(POLL_MS);
      return;
    }
    polling = true;
    try {
      const result = await callResult(
        'sync/changes',
        marker === undefined ? {} : { since: marker },
      );
      if (stopped) return;
      if (!result.ok) {
        if (result.error.code === 'LOCKED' || result.error.code === 'UNAUTHENTICATED') {
          // The core locked the window (its own idle clock) or signed it out: the gate shows it.
          await client.invalidateQueries({ queryKey: ['auth/status'] });
        } else {
          failures += 1;
        }
        return;
      }
      failures = 0;
      const report = result.value;
      // The first answer is the starting point. Screens that loaded just before it may have
      // read just before a write it includes: they are read once more.
      if (marker === undefined) owe(null);
      else if (report.marker !== marker) owe(report.changed);
      marker = report.marker;
      await pay();
    } finally {
      polling = false;
      if (!stopped && timer === undefined) schedule(nextDelay());
    }
  };

  const now = () => {
    if (!hidden()) schedule(0);
  };
  const online = () => {
    failures = 0;
    now();
  };
  const visibility = () => {
    if (hidden()) {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    } else {
      now();
    }
  };
  document.addEventListener('visibilitychange', visibility);
  window.addEventListener('focus', now);
  window.addEventListener('online', online);
  schedule(0);

  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    document.removeEventListener('visibilitychange', visibility);
    window.removeEventListener('focus', now);
    window.removeEventListener('online', online);
  };
}

/** Mounted once in the signed-in shell: see startLiveRefresh. */
export function useLiveRefresh(): void {
  const client = useQueryClient();
  useEffect(() => startLiveRefresh(client), [client]);
}
