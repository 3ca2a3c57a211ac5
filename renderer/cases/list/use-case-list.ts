import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { MethodOutput } from '../../../src/api/contract';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { toApiFilter, type ListParams } from './list-params';

export type CaseListItem = MethodOutput<'cases/list'>['items'][number];

/** Rows per request: a few screens' worth, so scrolling rarely waits. */
export const PAGE_SIZE = 100;

/** The list's rows, one keyset page at a time, and "共 N 件" for the same filter. */
export function useCaseList(params: ListParams, enabled: boolean) {
  const filter = toApiFilter(params);
  const pages = useInfiniteQuery({
    queryKey: ['cases/list', filter, params.sort, params.direction],
    queryFn: ({ pageParam }) =>
      call('cases/list', {
        ...filter,
        sort: params.sort,
        direction: params.direction,
        limit: PAGE_SIZE,
        after: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    // A refetch reloads every page read so far, one after another: not on every window focus,
    // and not when coming back from a case within half a minute (the scroll position holds).
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
  const count = useApiQuery('cases/count', filter, { enabled });
  const data = pages.data;
  const rows = useMemo<readonly CaseListItem[]>(
    () => data?.pages.flatMap((p) => p.items) ?? [],
    [data],
  );
  return { pages, rows, count };
}
