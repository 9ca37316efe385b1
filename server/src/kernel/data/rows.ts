import type { EntityManager } from 'typeorm';
import type { ListSpec } from '../pagination/spec';
import { quote, SqlParams } from '../pagination/sql';
import { ConflictError } from '../errors/errors';
import { hydrate } from '../pagination/list';
import { isUuid } from '../ids';

type Row = Record<string, unknown>;

/** INSERT … RETURNING the visible columns, as an entity instance. */
export async function insertRow<T>(m: EntityManager, spec: ListSpec, values: Row): Promise<T> {
  const params = new SqlParams();
  const cols: string[] = [];
  const vals: string[] = [];
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const c = spec.columns.get(k);
    if (!c) throw new Error(`${spec.typeName} has no column ${k}`);
    cols.push(quote(c.column));
    vals.push(params.add(v, c.cast));
  }
  const [row] = await m.query(
    `INSERT INTO ${quote(spec.table)} AS t (${cols.join(', ')}) VALUES (${vals.join(', ')}) RETURNING ${spec.selectList}`,
    params.values,
  );
  return hydrate<T>(spec, row);
}

/**
 * Locks one row for a write, applying row scoping; null when it does not exist, is not visible,
 * or is not in the wanted trash state.
 */
export async function lockRow<T>(
  m: EntityManager,
  spec: ListSpec,
  id: string,
  opts: { where?: (p: SqlParams) => string[]; trashed?: boolean | null; lock?: 'UPDATE' | 'SHARE' | 'KEY SHARE' },
): Promise<T | null> {
  if (!isUuid(id)) return null; // not an id at all: as missing as any other
  const params = new SqlParams();
  const conds = [`t."id" = ${params.add(id, 'uuid')}`];
  if (spec.softDelete && opts.trashed != null) conds.push(opts.trashed ? 't."deletedAt" IS NOT NULL' : 't."deletedAt" IS NULL');
  if (opts.where) conds.push(...opts.where(params));
  const rows = await m.query(`SELECT ${spec.selectList} FROM ${quote(spec.table)} t WHERE ${conds.join(' AND ')} FOR ${opts.lock ?? 'UPDATE'}`, params.values);
  return rows.length ? hydrate<T>(spec, rows[0]) : null;
}

/**
 * UPDATE … WHERE id = $1 [AND version = $2], bumping the version. Zero rows with a version given
 * means someone else changed the record first: CONFLICT.
 */
export async function updateRow<T>(m: EntityManager, spec: ListSpec, id: string, patch: Row, expectedVersion?: number | null): Promise<T> {
  const params = new SqlParams();
  const sets: string[] = [];
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const c = spec.columns.get(k);
    if (!c) throw new Error(`${spec.typeName} has no column ${k}`);
    sets.push(`${quote(c.column)} = ${params.add(v, c.cast)}`);
  }
  if (spec.columns.has('version')) sets.push(`"version" = t."version" + 1`);
  if (spec.columns.has('updatedAt')) sets.push(`"updatedAt" = now()`);
  const conds = [`t."id" = ${params.add(id, 'uuid')}`];
  if (expectedVersion != null) conds.push(`t."version" = ${params.add(expectedVersion, 'int')}`);
  const [rows] = await m.query(`UPDATE ${quote(spec.table)} t SET ${sets.join(', ')} WHERE ${conds.join(' AND ')} RETURNING ${spec.selectList}`, params.values);
  const row = (rows as Row[])[0];
  if (!row) throw new ConflictError(`${spec.typeName} ${id} was changed by someone else (expected version ${expectedVersion}); reload and try again`);
  return hydrate<T>(spec, row);
}
