import { useLocalStorage } from '@mantine/hooks';
import { useCallback } from 'react';
import { serializeParams, parseParams } from './list-params';

/** A named list query (the URL query string of the case list), kept on this workstation. */
export interface SavedFilter {
  readonly name: string;
  readonly query: string;
}

export const SAVED_FILTER_NAME_MAX = 40;
const MAX_SAVED = 50;

function readSaved(raw: string | undefined): SavedFilter[] {
  if (raw === undefined) return [];
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item: unknown) => {
      if (typeof item !== 'object' || item === null) return [];
      const { name, query } = item as Record<string, unknown>;
      if (typeof name !== 'string' || typeof query !== 'string' || name.trim() === '') return [];
      // Stored text is re-read through the same parser as a URL: nothing unknown survives.
      return [
        { name: name.slice(0, SAVED_FILTER_NAME_MAX), query: serializeParams(parseParams(query)) },
      ];
    });
  } catch {
    return [];
  }
}

/** Saved filters of one staff member (workstations are shared at reception). */
export function useSavedFilters(staffId: number) {
  const [saved, setSaved] = useLocalStorage<SavedFilter[]>({
    key: `mediation-desk.case-list.saved.${staffId}`,
    defaultValue: [],
    getInitialValueInEffect: false,
    serialize: (value) => JSON.stringify(value),
    deserialize: readSaved,
  });

  const save = useCallback(
    (name: string, query: string) =>
      setSaved((current) =>
        [...current.filter((f) => f.name !== name), { name, query }].slice(-MAX_SAVED),
      ),
    [setSaved],
  );
  const remove = useCallback(
    (name: string) => setSaved((current) => current.filter((f) => f.name !== name)),
    [setSaved],
  );
  return { saved, save, remove };
}
