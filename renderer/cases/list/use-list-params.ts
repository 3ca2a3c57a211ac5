import { useCallback, useEffect, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import { parseParams, serializeParams, type ListParams } from './list-params';

const lastKey = (staffId: number) => `mediation-desk.case-list.last.${staffId}`;

/**
 * The list's filter, search and sort, kept in the hash query so Back (and a reload) return to the
 * same list. Opening "Cases" from the navigation (no query) restores the last list this staff
 * member looked at on this workstation.
 */
export function useListParams(staffId: number) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = useMemo(() => parseParams(search), [search]);
  const ready = search !== '';

  useEffect(() => {
    if (!ready) {
      const last = localStorage.getItem(lastKey(staffId)) ?? '';
      navigate(`/cases?${last === '' ? 'all' : last}`, { replace: true });
    } else {
      localStorage.setItem(lastKey(staffId), serializeParams(params));
    }
  }, [ready, params, staffId, navigate]);

  /** Filter edits replace the history entry: Back leaves the list instead of undoing a click. */
  const setParams = useCallback(
    (patch: Partial<ListParams>) => {
      const next = serializeParams({ ...params, ...patch });
      navigate(`/cases?${next === '' ? 'all' : next}`, { replace: true });
    },
    [params, navigate],
  );

  const replaceParams = useCallback(
    (query: string) => {
      const next = serializeParams(parseParams(query));
      navigate(`/cases?${next === '' ? 'all' : next}`, { replace: true });
    },
    [navigate],
  );

  return { params, ready, setParams, replaceParams };
}
