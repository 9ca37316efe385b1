import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Context } from '../context';
import { quote } from '../pagination/sql';
import { reader } from './reader';

/**
 * Rows kept in order under a parent and written with it (an invoice's lines, a journal entry's
 * lines): always replaced as a whole, read for many parents at once. `position` orders them.
 */
export interface ChildTable {
  table: string;
  /** Column holding the parent's id. */
  parent: string;
  /** Value columns with their PostgreSQL array casts, e.g. `{ description: 'text', amount: 'numeric' }`. */
  columns: Record<string, string>;
}

/**
 * Replaces a parent's rows with `rows` (in that order): two statements, whatever their number;
 * `fresh` (a parent just inserted, with no rows yet) skips the DELETE.
 */
export async function replaceChildRows(m: EntityManager, t: ChildTable, parentId: string, rows: Record<string, unknown>[], fresh = false): Promise<void> {
  if (!fresh) await m.query(`DELETE FROM ${quote(t.table)} WHERE ${quote(t.parent)} = $1`, [parentId]);
  if (!rows.length) return;
  const names = Object.keys(t.columns);
  const arrays = names.map((n, i) => `$${i + 2}::${t.columns[n]}[]`).join(', ');
  await m.query(
    `INSERT INTO ${quote(t.table)} (${quote(t.parent)}, "position", ${names.map(quote).join(', ')})
     SELECT $1, r.ord - 1, ${names.map((n) => `r.${quote(n)}`).join(', ')} FROM unnest(${arrays}) WITH ORDINALITY AS r(${names.map(quote).join(', ')}, ord)`,
    [parentId, ...names.map((n) => rows.map((r) => r[n] ?? null))],
  );
}

/** A parent's rows in order, inside a unit of work. */
export function childRowsOf<R>(m: Pick<EntityManager, 'query'>, t: ChildTable, parentId: string): Promise<R[]> {
  return m.query(`SELECT ${Object.keys(t.columns).map(quote).join(', ')} FROM ${quote(t.table)} WHERE ${quote(t.parent)} = $1 ORDER BY "position"`, [parentId]);
}

/** The rows of many parents in one statement per request, in order; `shape` adjusts each row as read. */
export function childRowsLoader<R extends Record<string, unknown>>(ctx: Context, t: ChildTable, shape: (row: R) => R = (r) => r): DataLoader<string, R[]> {
  return ctx.loaders.get(
    `${t.table}.by.${t.parent}`,
    () =>
      new DataLoader<string, R[]>(async (ids) => {
        const cols = ['id', t.parent, 'position', ...Object.keys(t.columns)].map(quote).join(', ');
        const rows: R[] = await reader(ctx.ds).query(
          `SELECT ${cols} FROM ${quote(t.table)} WHERE ${quote(t.parent)} = ANY($1::uuid[]) ORDER BY ${quote(t.parent)}, "position"`,
          [ids],
        );
        const by = new Map<string, R[]>();
        for (const r of rows) {
          const key = r[t.parent] as string;
          (by.get(key) ?? by.set(key, []).get(key)!).push(shape(r));
        }
        return ids.map((id) => by.get(id) ?? []);
      }),
  );
}
