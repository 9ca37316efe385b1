import { Client } from 'pg';

/**
 * Counts SQL statements at the `pg` driver (every Client.query, pooled or not) while `fn` runs.
 * The test server runs in this process, so its statements — the auth lookup included — count.
 */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const statements: string[] = [];
  proto.query = function patched(this: unknown, ...args: unknown[]) {
    const q = args[0];
    statements.push(typeof q === 'string' ? q : (q as { text?: string })?.text ?? String(q));
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, count: statements.length, statements };
  } finally {
    proto.query = original;
  }
}
