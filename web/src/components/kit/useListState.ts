import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filterKey, readFilterValues, type FilterDef, type FilterValues } from './filters';
import type { Direction, SortState } from './types';

export interface ListState {
  sort: SortState;
  values: FilterValues;
  trash: boolean;
  setSort(field: string): void;
  /** Sets (or with null, clears) filter values by their URL keys. */
  set(patch: Record<string, string | null>): void;
  /** Clears every filter (keeps the sort and the trash view). */
  clear(): void;
}

/** The sort a URL asks for (?sort=NAME&dir=ASC), or the list's default. */
export function readSort(defaults: SortState, sorts: Record<string, string>, params: URLSearchParams): SortState {
  const rawField = params.get('sort');
  const field = rawField && rawField in sorts ? rawField : defaults.field;
  const rawDir = params.get('dir');
  const direction: Direction = rawDir === 'ASC' || rawDir === 'DESC' ? rawDir : field === defaults.field ? defaults.direction : 'ASC';
  return { field, direction };
}

/**
 * A list's sort and filters live in the URL (?sort=NAME&dir=ASC&q=acme&stage=PROPOSAL,...), so a list
 * can be bookmarked, shared and restored with the back button.
 */
export function useListState(defaults: SortState, sorts: Record<string, string>, defs: FilterDef[]): ListState {
  const [params, setParams] = useSearchParams();
  const { field, direction } = readSort(defaults, sorts, params);
  const search = params.toString();
  // Keyed on the URL text, so the values object only changes when a filter does.
  const values = useMemo(() => readFilterValues(defs, new URLSearchParams(search)), [defs, search]);

  const set = useCallback(
    (patch: Record<string, string | null>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null || v === '') next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const setSort = useCallback((f: string) => set({ sort: f, dir: f === field ? (direction === 'ASC' ? 'DESC' : 'ASC') : 'ASC' }), [field, direction, set]);

  const clear = useCallback(() => {
    const patch: Record<string, null> = {};
    for (const d of defs) if (d.kind !== 'trash') patch[filterKey(d)] = null;
    set(patch);
  }, [defs, set]);

  return useMemo(
    () => ({ sort: { field, direction }, values, trash: values.view === 'trash', setSort, set, clear }),
    [field, direction, values, setSort, set, clear],
  );
}
