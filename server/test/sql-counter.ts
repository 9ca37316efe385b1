import { Client } from 'pg';
import { requestScope, requestsStarted, trackRequestScope } from '../src/kernel/http/request-context';

// Statements are told apart by the request they serve.
trackRequestScope();

/**
 * Counts SQL statements at the `pg` driver (every Client.query, pooled or not) issued while
 * serving HTTP requests during `fn`. The test server runs in this process, so its statements —
 * the auth lookup included — count; background work (the activity feed's polling) does not, nor
 * does work an earlier request left running (an after-commit handler finishing late).
 */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const statements: string[] = [];
  const before = requestsStarted();
  proto.query = function patched(this: unknown, ...args: unknown[]) {
    const q = args[0];
    if ((requestScope.getStore()?.seq ?? 0) > before) statements.push(typeof q === 'string' ? q : ((q as { text?: string })?.text ?? String(q)));
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, count: statements.length, statements };
  } finally {
    proto.query = original;
  }
}

/** The verbs (SELECT, INSERT, ...) of the statements that name `table` while `fn` runs, with its result. */
export async function statementsOn<T>(table: string, fn: () => Promise<T>): Promise<{ result: T; verbs: string[] }> {
  const { result, statements } = await countStatements(fn);
  return { result, verbs: statements.filter((s) => s.includes(`"${table}"`)).map((s) => s.trim().split(/\s/)[0]) };
}
