import type { Query, QueryClient, QueryFunctionContext } from '@tanstack/react-query';
import { ApiCallError } from './client';

/** done: up to date (or handed to the usual machinery); retry: try again on the next poll. */
export type RefreshOutcome = 'done' | 'retry';

/** Answers that say "not now" rather than "this is the truth": try again later, quietly. */
const TRANSIENT: ReadonlySet<string> = new Set(['INTERNAL', 'UNAVAILABLE', 'BUSY']);
/** The window's session changed under it: the sign-in gate takes over (and refreshes all). */
const SESSION: ReadonlySet<string> = new Set(['LOCKED', 'UNAUTHENTICATED']);

/** A paged list (useInfiniteQuery): its pages are read in order, one cursor after another. */
const isInfinite = (query: Query): boolean =>
  query.queryType === 'infinite' || 'getNextPageParam' in query.options;

/**
 * Brings one cached read up to date after a change elsewhere, without ever passing its screen
 * through a loading or error state: the read runs beside the cache and its answer replaces the
 * data only if it arrived whole and nothing fresher came in meanwhile. A screen built from the
 * data (a form's starting values, an open dialog) is never torn down by a refresh that failed,
 * and identical data keeps its identity (structural sharing), so nothing re-renders for it.
 *
 * Reads nobody shows are only marked stale (they reload when shown); paged lists take the
 * usual refetch, which reloads their pages in order.
 */
export async function refreshQuietly(client: QueryClient, query: Query): Promise<RefreshOutcome> {
  const exact = { queryKey: query.queryKey, exact: true } as const;
  if (!query.isActive()) {
    await client.invalidateQueries({ ...exact, refetchType: 'none' });
    return 'done';
  }
  // A fetch in flight may have read before the change: let it land, then read again.
  if (query.state.fetchStatus !== 'idle') return 'retry';
  const queryFn = query.options.queryFn;
  if (isInfinite(query) || typeof queryFn !== 'function') {
    await client.invalidateQueries(exact);
    return 'done';
  }
  const updates = query.state.dataUpdateCount;
  const startedAt = Date.now();
  const context: QueryFunctionContext = {
    client,
    queryKey: query.queryKey,
    signal: new AbortController().signal,
    meta: query.meta,
  };
  let data: unknown;
  try {
    data = await queryFn(context);
  } catch (error) {
    if (!(error instanceof ApiCallError) || TRANSIENT.has(error.error.code)) return 'retry';
    if (SESSION.has(error.error.code)) {
      await client.invalidateQueries({ queryKey: ['auth/status'] });
      return 'done';
    }
    // Gone or no longer allowed (a case routed to another studio): the screen must say so.
    await client.invalidateQueries(exact);
    return 'done';
  }
  // Someone fetched it since we started (their read began later): theirs is at least as new.
  // Or it left the cache meanwhile (signed out, another person signed in): it must not return.
  if (query.state.dataUpdateCount !== updates || query.state.fetchStatus !== 'idle') return 'done';
  if (client.getQueryCache().get(query.queryHash) !== query) return 'done';
  client.setQueryData(query.queryKey, data, { updatedAt: startedAt });
  return 'done';
}
