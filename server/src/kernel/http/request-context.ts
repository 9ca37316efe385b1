import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The HTTP request a piece of work serves, for counting SQL statements per request (the tests'
 * N+1 checks, the benchmark's probe). Async context tracking puts a hook on every promise of every
 * request, so the server enters this scope only once something has asked for it.
 */
export const requestScope = new AsyncLocalStorage<{ requestId: string; seq: number }>();
let tracked = false;
let started = 0;

/**
 * The scope of a new request, numbered in arrival order: work a request left running (an
 * after-commit handler, a job it started) keeps its number and can be told from later requests'.
 */
export function newRequestScope(requestId: string): { requestId: string; seq: number } {
  return { requestId, seq: ++started };
}

/** How many requests have entered a scope so far. */
export const requestsStarted = (): number => started;

/** From now on every HTTP request runs in `requestScope`. */
export function trackRequestScope(): void {
  tracked = true;
}

export const requestScopeTracked = (): boolean => tracked;

// Apollo formats errors without the request's context: the errors a request met are tagged with
// its id on the way (a plugin hook, the context factory), so a masked error can still name it.
const requestIds = new WeakMap<object, string>();

export function tagWithRequestId(error: unknown, requestId: string): void {
  if (error && typeof error === 'object') requestIds.set(error, requestId);
}

/** The request id an error was tagged with (or the error it wraps, for Apollo's context failures). */
export function requestIdOf(error: unknown): string | undefined {
  if (!error || typeof error !== 'object') return undefined;
  const original = (error as { originalError?: unknown }).originalError;
  return requestIds.get(error) ?? (original && typeof original === 'object' ? requestIds.get(original) : undefined);
}
