import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export type Direction = 'ASC' | 'DESC';

/**
 * A list's sort, text filter and extra filters live in the URL (?sort=NAME&dir=ASC&q=acme&stage=...),
 * so a list can be bookmarked, shared and restored with the back button.
 */
export function useListUrlState<F extends string>(defaults: { field: F; direction: Direction }, allowed: readonly F[]) {
  const [params, setParams] = useSearchParams();
  const rawField = params.get('sort') as F | null;
  const field = rawField && allowed.includes(rawField) ? rawField : defaults.field;
  const direction: Direction = params.get('dir') === 'ASC' ? 'ASC' : params.get('dir') === 'DESC' ? 'DESC' : defaults.direction;
  const query = params.get('q') ?? '';

  const update = useCallback(
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

  const setSort = useCallback(
    (f: F) => {
      const nextDir: Direction = f === field ? (direction === 'ASC' ? 'DESC' : 'ASC') : 'ASC';
      update({ sort: f, dir: nextDir });
    },
    [field, direction, update],
  );

  return useMemo(
    () => ({
      field,
      direction,
      query,
      orderBy: [{ field, direction }],
      get: (key: string) => params.get(key),
      setSort,
      setQuery: (q: string) => update({ q }),
      update,
    }),
    [field, direction, query, params, setSort, update],
  );
}
