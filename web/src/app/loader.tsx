import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { ErrorState, LoadingState } from '../components/States';

/** A module (or modules) loaded on first use, remembering what arrived so it can be used at once after. */
export interface Loader<T> {
  load(): Promise<T>;
  /** What has loaded already, if it has. */
  loaded(): T | undefined;
}

export function loader<T>(load: () => Promise<T>): Loader<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () =>
      (pending ??= load().then(
        (v) => (value = v),
        (err: unknown) => {
          // The next caller tries again (e.g. after the network came back).
          pending = undefined;
          throw err;
        },
      )),
    loaded: () => value,
  };
}

/**
 * What a loader gives, as state: there on the first render when it has loaded already, else after it
 * arrives. Not React.lazy: a lazy component suspends for a tick even when its module is there, and
 * React keeps a just-shown Suspense fallback on screen for up to 300 ms before revealing what
 * replaced it — on a reload that happened once per level (shell, then page).
 */
export function useLoaded<T>(source: Loader<T>, enabled = true): { value?: T; error?: unknown } {
  const [state, setState] = useState<{ value?: T; error?: unknown }>(() => ({ value: source.loaded() }));
  const value = state.value ?? source.loaded();
  useEffect(() => {
    if (!enabled || value !== undefined) return undefined;
    let live = true;
    source.load().then(
      // As a transition the new screen renders in slices, so what else arrives meanwhile (the page's
      // chunks, a query's answer) is handled between them rather than after the whole tree.
      (v) => live && startTransition(() => setState({ value: v })),
      (error: unknown) => live && setState({ error }),
    );
    return () => {
      live = false;
    };
  }, [source, enabled, value]);
  return value !== undefined ? { value } : state;
}

/** Shows what a loader gives once it is there: a loading state before, an error with a retry if it fails. */
export function Loaded<T>({ source, label, children }: { source: Loader<T>; label?: string; children(value: T): ReactNode }) {
  const { value, error } = useLoaded(source);
  // A chunk that failed to load (e.g. after a deploy replaced it) is fetched afresh by a reload.
  if (error) return <ErrorState error={error} onRetry={() => window.location.reload()} />;
  if (value === undefined) return <LoadingState label={label} />;
  return <>{children(value)}</>;
}
