import DataLoader from 'dataloader';
import type { Queryable } from '../pagination/sql';
import { quote, SqlParams } from '../pagination/sql';
import type { ListSpec } from '../pagination/spec';
import { ConnectionShape, hydrate, ListQuery, listPagesByParent } from '../pagination/list';

/**
 * Per-request registry of DataLoaders. Services ask for a loader by key and say how to build it;
 * the same key returns the same loader for the rest of the request, so lookups batch.
 */
export class Loaders {
  private readonly map = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, make: () => DataLoader<K, V>): DataLoader<K, V> {
    let l = this.map.get(key);
    if (!l) {
      l = make();
      this.map.set(key, l);
    }
    return l as DataLoader<K, V>;
  }

  /** Forget cached rows after a write, so a later read in the same request sees it. */
  clearAll(): void {
    for (const l of this.map.values()) l.clearAll();
  }
}

/**
 * Loads rows by id in one statement per batch, with row scoping as extra SQL conditions.
 * Trashed rows are included: a relation to a trashed record still resolves.
 */
export function byIdLoader<T>(db: Queryable, spec: ListSpec, where?: (params: SqlParams) => string[]): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const params = new SqlParams();
    const conds = [`t."id" = ANY(${params.add(ids, 'uuid[]')})`, ...(where ? where(params) : [])];
    const rows: Record<string, unknown>[] = await db.query(`SELECT ${spec.selectList} FROM ${quote(spec.table)} t WHERE ${conds.join(' AND ')}`, params.values);
    const byId = new Map(rows.map((r) => [r.id as string, hydrate<T>(spec, r)]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/**
 * Rows by a key column (e.g. payments by "invoiceId") for many keys in one statement per batch,
 * with row scoping as extra SQL conditions (alias `t`); each key gets its rows in `orderBy` order
 * (SQL terms on `t`), or with `first` only its first one (DISTINCT ON). `keep` drops what SQL
 * cannot judge (e.g. a document whose record the caller may not read), after `first` picked.
 */
export function byColumnLoader<T>(
  db: Queryable,
  spec: ListSpec,
  column: string,
  opts: { where?: (params: SqlParams) => string[]; orderBy?: string[]; first?: boolean; keep?: (rows: T[]) => Promise<T[]> } = {},
): DataLoader<string, T[]> {
  const key = `t.${quote(spec.columns.get(column)?.column ?? column)}`;
  return new DataLoader<string, T[]>(async (keys) => {
    const params = new SqlParams();
    const conds = [`${key} = ANY(${params.add(keys, 'uuid[]')})`, ...(opts.where ? opts.where(params) : [])];
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${opts.first ? `DISTINCT ON (${key}) ` : ''}${spec.selectList} FROM ${quote(spec.table)} t WHERE ${conds.join(' AND ')} ORDER BY ${[key, ...(opts.orderBy ?? [])].join(', ')}`,
      params.values,
    );
    let found = rows.map((r) => hydrate<T>(spec, r));
    if (opts.keep) {
      const kept = new Set(await opts.keep(found));
      found = found.filter((r) => kept.has(r));
    }
    const by = new Map<string, T[]>();
    for (const row of found) {
      const k = (row as Record<string, unknown>)[column] as string;
      (by.get(k) ?? by.set(k, []).get(k)!).push(row);
    }
    return keys.map((k) => by.get(k) ?? []);
  });
}

/** Connections under a list of parents (e.g. each deal's interactions), batched per argument set. */
export function pageLoader<T>(db: Queryable, spec: ListSpec, parentColumn: string, q: ListQuery): DataLoader<string, ConnectionShape<T>> {
  return new DataLoader<string, ConnectionShape<T>>((parentIds) => listPagesByParent<T>(db, spec, parentColumn, parentIds, q));
}

export function argsKey(args: unknown): string {
  return JSON.stringify(args ?? {});
}
