import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import type { Queryable } from '../pagination/sql';

const readers = new WeakMap<DataSource, Queryable>();

/**
 * Reads go straight to the driver's pool: the same connections TypeORM uses, without its
 * per-query runner setup. Writes use the transaction's EntityManager.
 */
export function reader(ds: DataSource): Queryable {
  let r = readers.get(ds);
  if (!r) {
    const pool = (ds.driver as unknown as { master: Pool }).master;
    r = { query: (sql: string, params?: unknown[]) => pool.query(sql, params as unknown[]).then((res) => res.rows) };
    readers.set(ds, r);
  }
  return r;
}

/**
 * A read the server sends on every request (the sign-in lookup), as a named prepared statement:
 * PostgreSQL parses and plans it once per connection instead of on every call.
 */
export async function preparedRead<R = Record<string, unknown>>(ds: DataSource, name: string, text: string, values: unknown[]): Promise<R[]> {
  const pool = (ds.driver as unknown as { master: Pool }).master;
  return (await pool.query({ name, text, values })).rows as R[];
}
