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
