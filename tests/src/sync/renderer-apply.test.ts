import {
  InfiniteQueryObserver,
  QueryClient,
  QueryObserver,
  type QueryObserverResult,
} from '@tanstack/react-query';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiCallError as ApiCallErrorClass } from '../../../renderer/api/client';
import type { refreshQuietly as RefreshQuietly } from '../../../renderer/api/live-refresh-apply';
import type { ApiError } from '../../../src/api/result';

/**
 * The quiet refresh (renderer/api/live-refresh-apply.ts) against a real QueryClient: a screen
 * built from a read never passes through loading or error because of it, so nothing the user
 * is typing on that screen can be torn down by a refresh that failed.
 */
let refreshQuietly: typeof RefreshQuietly;
let ApiCallError: typeof ApiCallErrorClass;

beforeAll(async () => {
  // The renderer's client picks its bridge from `window` when loaded; none is used here.
  vi.stubGlobal('window', {});
  ({ refreshQuietly } = await import('../../../renderer/api/live-refresh-apply'));
  ({ ApiCallError } = await import('../../../renderer/api/client'));
});

const failure = (code: ApiError['code']) => new ApiCallError({ code, message: code });

/** One read on a little fake server, watched by a screen (an observer) that records what it saw. */
function watchedRead(client: QueryClient) {
  const server = {
    value: { items: ['（2026）矛医调字第0001号'] } as unknown,
    fail: null as null | Error,
  };
  let calls = 0;
  const queryKey = ['cases/list', { limit: 8 }];
  const seen: QueryObserverResult[] = [];
  const observer = new QueryObserver(client, {
    queryKey,
    queryFn: async () => {
      calls += 1;
      await Promise.resolve();
      if (server.fail !== null) throw server.fail;
      return structuredClone(server.value);
    },
  });
  const stop = observer.subscribe((result) => seen.push(result));
  const query = () => {
    const found = client.getQueryCache().find({ queryKey, exact: true });
    if (found === undefined) throw new Error('not cached');
    return found;
  };
  return { server, seen, stop, query, queryKey, calls: () => calls };
}

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });
});
afterEach(() => {
  client.clear();
});

async function settled(read: ReturnType<typeof watchedRead>) {
  await vi.waitFor(() => expect(read.query().state.status).toBe('success'));
  read.seen.length = 0;
}

describe('refreshQuietly', () => {
  it('brings new data in without a loading state', async () => {
    const read = watchedRead(client);
    await settled(read);
    read.server.value = { items: ['0002', '0001'] };
    expect(await refreshQuietly(client, read.query())).toBe('done');
    expect(read.query().state.data).toEqual({ items: ['0002', '0001'] });
    expect(read.seen.some((r) => r.isFetching || r.isPending || r.isError)).toBe(false);
    expect(read.seen.at(-1)?.data).toEqual({ items: ['0002', '0001'] });
    read.stop();
  });

  it('keeps the very same data object when nothing changed (no re-render of a form)', async () => {
    const read = watchedRead(client);
    await settled(read);
    const before = read.query().state.data;
    expect(await refreshQuietly(client, read.query())).toBe('done');
    expect(read.query().state.data).toBe(before);
    read.stop();
  });

  it.each(['INTERNAL', 'UNAVAILABLE', 'BUSY'] as const)(
    'leaves the screen as it was when the read fails with %s, and asks to try again',
    async (code) => {
      const read = watchedRead(client);
      await settled(read);
      const before = read.query().state.data;
      read.server.fail = failure(code);
      expect(await refreshQuietly(client, read.query())).toBe('retry');
      expect(read.query().state).toMatchObject({ status: 'success', error: null, data: before });
      expect(read.seen.some((r) => r.isError || r.isFetching)).toBe(false);
      read.stop();
    },
  );

  it('hands a definite answer (no longer allowed) to the usual refetch, which shows it', async () => {
    const read = watchedRead(client);
    await settled(read);
    read.server.fail = failure('FORBIDDEN');
    expect(await refreshQuietly(client, read.query())).toBe('done');
    await vi.waitFor(() => expect(read.query().state.status).toBe('error'));
    read.stop();
  });

  it('leaves a locked or signed-out window to the sign-in gate', async () => {
    const read = watchedRead(client);
    await settled(read);
    client.setQueryData(['auth/status', {}], { caller: null });
    read.server.fail = failure('LOCKED');
    expect(await refreshQuietly(client, read.query())).toBe('done');
    expect(client.getQueryState(['auth/status', {}])?.isInvalidated).toBe(true);
    expect(read.query().state.status).toBe('success');
    read.stop();
  });

  it('waits for a read already in flight rather than racing it', async () => {
    const read = watchedRead(client);
    await settled(read);
    const inFlight = read.query().fetch();
    const calls = read.calls();
    expect(await refreshQuietly(client, read.query())).toBe('retry');
    expect(read.calls()).toBe(calls);
    await inFlight;
    read.stop();
  });

  it('never puts older data over a read that landed after it started', async () => {
    const read = watchedRead(client);
    await settled(read);
    read.server.value = { items: ['older'] };
    const quiet = refreshQuietly(client, read.query());
    // Another read starts after ours and lands first, with what the server has now.
    client.setQueryData(read.queryKey, { items: ['newer'] });
    expect(await quiet).toBe('done');
    expect(read.query().state.data).toEqual({ items: ['newer'] });
    read.stop();
  });

  it('puts nothing back into a cache emptied meanwhile (signed out)', async () => {
    const read = watchedRead(client);
    await settled(read);
    const query = read.query();
    read.server.value = { items: ['previous person'] };
    const quiet = refreshQuietly(client, query);
    read.stop();
    client.clear();
    expect(await quiet).toBe('done');
    expect(client.getQueryCache().getAll()).toEqual([]);
  });

  it('reloads a paged list page by page, even one whose first load failed', async () => {
    let fail = true;
    const pagesRead: unknown[] = [];
    const observer = new InfiniteQueryObserver(client, {
      queryKey: ['cases/list', {}, 'registeredAt', 'desc'],
      queryFn: ({ pageParam }) => {
        pagesRead.push(pageParam);
        return fail ? Promise.reject(failure('UNAVAILABLE')) : Promise.resolve({ items: [1] });
      },
      initialPageParam: 'first',
      getNextPageParam: () => undefined,
    });
    const stop = observer.subscribe(() => undefined);
    const query = () => client.getQueryCache().getAll()[0];
    await vi.waitFor(() => expect(query()?.state.status).toBe('error'));
    fail = false;
    const found = query();
    if (found === undefined) throw new Error('not cached');
    expect(await refreshQuietly(client, found)).toBe('done');
    expect(found.state.data).toEqual({ pages: [{ items: [1] }], pageParams: ['first'] });
    expect(pagesRead).toEqual(['first', 'first']);
    stop();
  });

  it('only marks a read nobody shows, to be reloaded when it is shown', async () => {
    const read = watchedRead(client);
    await settled(read);
    read.stop();
    const calls = read.calls();
    expect(await refreshQuietly(client, read.query())).toBe('done');
    expect(read.calls()).toBe(calls);
    expect(read.query().state.isInvalidated).toBe(true);
  });
});
