import { createHash } from 'node:crypto';
import { badInput } from '../errors/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { filterSql, RelationWhere } from './filter-sql';
import { SortDirection } from './filters';
import type { ListSpec } from './spec';
import { quote, Queryable, SqlParams } from './sql';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface OrderInput {
  field: string; // UPPER_SNAKE_CASE sort field
  direction?: SortDirection;
}

export interface ListQuery extends PageArgs {
  filter?: Record<string, unknown> | null;
  orderBy?: OrderInput[] | null;
  /** Used when orderBy is empty. */
  defaultOrder: OrderInput[];
  /** Extra SQL conditions on alias `t` (row scoping), with their parameters already added. */
  where?: (params: SqlParams) => string[];
  /** Row scoping for a related table reached by a relation filter (alias given). */
  relationWhere?: RelationWhere;
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfoShape;
  /** Counts lazily: only when `totalCount` is selected. */
  countTotal: () => Promise<number>;
}

interface SortKey {
  /** The quoted column; `sql` is it on the list's alias. */
  column: string;
  sql: string;
  cast: string;
  desc: boolean;
  nullable: boolean;
}

/** NAME → name, CREATED_AT → createdAt: sort-field enum values to entity properties. */
export const camel = (field: string) => field.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function sortKeys(spec: ListSpec, orderBy: OrderInput[], alias = 't'): SortKey[] {
  const keys: SortKey[] = [];
  for (const o of orderBy) {
    const prop = camel(o.field);
    const col = spec.columns.get(prop);
    if (!col) throw badInput(['orderBy'], `Cannot sort by ${o.field}`);
    if (prop === 'id') continue;
    const column = quote(col.column);
    keys.push({ column, sql: `${alias}.${column}`, cast: col.cast, desc: o.direction === SortDirection.DESC, nullable: col.nullable });
  }
  const lastDesc = keys.length ? keys[keys.length - 1].desc : false;
  keys.push({ column: '"id"', sql: `${alias}."id"`, cast: 'uuid', desc: lastDesc, nullable: false });
  return keys;
}

function orderSql(keys: SortKey[], reverse: boolean): string {
  // ASC puts NULLs last and DESC first (PostgreSQL's default), so reversing flips both.
  return keys.map((k) => `${k.sql} ${k.desc !== reverse ? 'DESC' : 'ASC'}`).join(', ');
}

/** Rows strictly after `values` in the order of `keys` (reversed for `before`). */
function keysetSql(keys: SortKey[], values: (string | null)[], reverse: boolean, params: SqlParams): string {
  const desc = (k: SortKey) => k.desc !== reverse;
  const simple = keys.every((k) => !k.nullable) && keys.every((k) => desc(k) === desc(keys[0]));
  if (simple) {
    const lhs = keys.map((k) => k.sql).join(', ');
    const rhs = keys.map((k, i) => params.add(values[i], k.cast)).join(', ');
    return `(${lhs}) ${desc(keys[0]) ? '<' : '>'} (${rhs})`;
  }
  const branches: string[] = [];
  const equal: string[] = [];
  keys.forEach((k, i) => {
    const v = values[i];
    // One parameter per key, reused by the equality: an unused parameter fails the bind.
    const p = v === null ? null : params.add(v, k.cast);
    let beyond: string;
    if (p === null) beyond = desc(k) ? `${k.sql} IS NOT NULL` : 'FALSE';
    else {
      beyond = desc(k) ? `${k.sql} < ${p}` : `(${k.sql} > ${p} OR ${k.sql} IS NULL)`;
      if (!k.nullable) beyond = desc(k) ? `${k.sql} < ${p}` : `${k.sql} > ${p}`;
    }
    branches.push([...equal, beyond].join(' AND '));
    equal.push(p === null ? `${k.sql} IS NULL` : `${k.sql} = ${p}`);
  });
  return `(${branches.map((b) => `(${b})`).join(' OR ')})`;
}

export function checkPageArgs(args: PageArgs): { size: number; backward: boolean } {
  const { first, last } = args;
  for (const [name, v] of [
    ['first', first],
    ['last', last],
  ] as const) {
    if (v != null && (!Number.isInteger(v) || v < 0 || v > MAX_PAGE)) {
      throw badInput([name], `${name} must be between 0 and ${MAX_PAGE}`);
    }
  }
  if (first != null && last != null) throw badInput(['last'], 'Use either first or last, not both');
  if (args.after != null && args.before != null) throw badInput(['before'], 'Use either after or before, not both');
  if (first != null && args.before != null) throw badInput(['before'], 'first pages forward: use it with after (or use last with before)');
  if (last != null && args.after != null) throw badInput(['after'], 'last pages backward: use it with before (or use first with after)');
  const backward = last != null || (first == null && args.before != null);
  return { size: (backward ? last : first) ?? DEFAULT_PAGE, backward };
}

/** Which list and order a cursor belongs to, as a short digest (cursors reveal no column names). */
const signatures = new Map<string, string>();
function signature(spec: ListSpec, keys: SortKey[]): string {
  // Written on the alias `t` whatever alias a statement uses, so cursors stay valid across statements.
  const plain = `${spec.typeName}:${keys.map((k) => `t.${k.column}${k.desc ? '-' : '+'}`).join(',')}`;
  let sig = signatures.get(plain); // a handful of lists × orders: hashed once each
  if (!sig) signatures.set(plain, (sig = createHash('sha256').update(plain).digest('base64url').slice(0, 12)));
  return sig;
}

/** An entity instance with just the entity's columns (no paging helpers such as __k0). */
export function hydrate<T>(spec: ListSpec, row: Record<string, unknown>): T {
  const node = Object.create((spec.entity as { prototype: object }).prototype) as Record<string, unknown>;
  for (const c of spec.selectColumns) node[c] = row[c];
  return node as T;
}

/** An edge whose cursor is encoded only when a client asks for it. */
class Edge<T> {
  private encoded: string | undefined;
  constructor(
    private readonly sig: string,
    private readonly keyVals: (string | null)[],
    readonly node: T,
  ) {}
  get cursor(): string {
    return (this.encoded ??= encodeCursor(this.sig, this.keyVals));
  }
}

export interface Prepared {
  keys: SortKey[];
  sig: string;
  size: number;
  backward: boolean;
  cursorValues: (string | null)[] | null;
}

function prepare(spec: ListSpec, q: ListQuery, alias = 't'): Prepared {
  const { size, backward } = checkPageArgs(q);
  const keys = sortKeys(spec, q.orderBy?.length ? q.orderBy : q.defaultOrder, alias);
  const sig = signature(spec, keys);
  const cursorArg = backward ? q.before : q.after;
  const cursorValues = cursorArg != null ? decodeCursor(cursorArg, sig, backward ? 'before' : 'after', keys.length) : null;
  return { keys, sig, size, backward, cursorValues };
}

function conditions(spec: ListSpec, q: ListQuery, params: SqlParams, alias = 't'): string[] {
  const where: string[] = [];
  if (spec.softDelete && !mentionsTrash(q.filter)) where.push(`${alias}."deletedAt" IS NULL`);
  const f = filterSql(spec, alias, q.filter, params, ['filter'], 0, q.relationWhere);
  if (f !== 'TRUE') where.push(f);
  if (q.where) where.push(...q.where(params));
  return where;
}

/** A filter that says anything about `deletedAt` (at any and/or/not level) decides on the trash itself. */
function mentionsTrash(filter: Record<string, unknown> | null | undefined): boolean {
  if (!filter) return false;
  return Object.entries(filter).some(
    ([k, v]) =>
      v != null &&
      (k === 'deletedAt' ||
        ((k === 'and' || k === 'or') && (v as Record<string, unknown>[]).some(mentionsTrash)) ||
        (k === 'not' && mentionsTrash(v as Record<string, unknown>))),
  );
}

/**
 * Runs a page query. A cursor that passed its checksum but carries a value PostgreSQL cannot read
 * (a data exception, SQLSTATE class 22) is the caller's bad input, not a server error.
 */
async function runPageQuery(db: Queryable, sql: string, values: unknown[], p: Prepared): Promise<Record<string, unknown>[]> {
  try {
    return await db.query(sql, values);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (p.cursorValues && code.startsWith('22')) throw badInput([p.backward ? 'before' : 'after'], 'Invalid cursor: it holds a value this list cannot use');
    throw err;
  }
}

/**
 * The rows of a page from the rows a statement fetched (one more than the page, to know whether
 * more follow), in display order, with the page's neighbours.
 */
export function pageOf<R>(p: Prepared, rows: R[], hadCursor: boolean): { page: R[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  const more = rows.length > p.size;
  const page = more ? rows.slice(0, p.size) : rows;
  if (p.backward) page.reverse();
  return { page, hasNextPage: p.backward ? hadCursor : more, hasPreviousPage: p.backward ? more : hadCursor };
}

/** A page of a list as parts of a larger statement, on `alias` (compiled query plans embed it). */
export interface PageParts {
  prepared: Prepared;
  /** Conditions of the page (scope, filter, trash, cursor). */
  where: string[];
  /** The same without the cursor: what `totalCount` counts. */
  countWhere: string[];
  order: string;
  /** The sort's columns (quoted), which the page's rows must carry for `orderOn`. */
  sortColumns: string[];
  /** The same order on those columns of the page's rows under another alias (an aggregate over the page). */
  orderOn(alias: string): string;
  /** Rows to fetch: the page and one more. */
  limit: number;
  /** The sort keys as text, `__k0`, `__k1`, ...: what the page's cursors encode. */
  keyColumns: string;
}

export function pageParts(spec: ListSpec, q: ListQuery, params: SqlParams, alias: string): PageParts {
  const p = prepare(spec, q, alias);
  const where = conditions(spec, q, params, alias);
  const countWhere = [...where];
  if (p.cursorValues) where.push(keysetSql(p.keys, p.cursorValues, p.backward, params));
  return {
    prepared: p,
    where,
    countWhere,
    order: orderSql(p.keys, p.backward),
    sortColumns: p.keys.map((k) => k.column),
    orderOn: (outer) =>
      orderSql(
        p.keys.map((k) => ({ ...k, sql: `${outer}.${k.column}` })),
        p.backward,
      ),
    limit: p.size + 1,
    keyColumns: keyColumns(p.keys),
  };
}

function keyColumns(keys: SortKey[]): string {
  return keys.map((k, i) => `${k.sql}::text AS "__k${i}"`).join(', ');
}

function buildConnection<T>(
  spec: ListSpec,
  p: Prepared,
  rows: Record<string, unknown>[],
  hadCursor: boolean,
  count: () => Promise<number>,
): ConnectionShape<T> {
  const { page, hasNextPage, hasPreviousPage } = pageOf(p, rows, hadCursor);
  const edges = page.map((row) => {
    const keyVals: (string | null)[] = [];
    for (let i = 0; i < p.keys.length; i++) keyVals.push(row[`__k${i}`] as string | null);
    return new Edge<T>(p.sig, keyVals, hydrate<T>(spec, row));
  });
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    countTotal: count,
  };
}

/** One keyset page of a list: the one list builder every connection uses. */
export async function listPage<T>(db: Queryable, spec: ListSpec, q: ListQuery): Promise<ConnectionShape<T>> {
  const p = prepare(spec, q);
  const params = new SqlParams();
  const where = conditions(spec, q, params);
  const countValues = [...params.values];
  const countWhere = where.length ? `WHERE ${where.join(' AND ')}` : '';
  if (p.cursorValues) where.push(keysetSql(p.keys, p.cursorValues, p.backward, params));
  const sql =
    `SELECT ${spec.selectList}, ${keyColumns(p.keys)} FROM ${quote(spec.table)} t` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY ${orderSql(p.keys, p.backward)} LIMIT ${p.size + 1}`;
  // first: 0 still looks one row ahead, so hasNextPage stays truthful.
  const rows = await runPageQuery(db, sql, params.values, p);
  let counted: Promise<number> | undefined;
  const count = () =>
    (counted ??= db.query(`SELECT count(*)::int AS n FROM ${quote(spec.table)} t ${countWhere}`, countValues).then((r: { n: number }[]) => r[0].n));
  return buildConnection<T>(spec, p, rows, !!p.cursorValues, count);
}

/**
 * Pages of a to-many relation for many parents in one statement (window function), e.g. the
 * first 5 interactions of each of 20 deals. Returns one connection per parent id, in order.
 */
export async function listPagesByParent<T>(
  db: Queryable,
  spec: ListSpec,
  parentColumn: string,
  parentIds: readonly string[],
  q: ListQuery,
): Promise<ConnectionShape<T>[]> {
  const p = prepare(spec, q);
  const params = new SqlParams();
  const where = conditions(spec, q, params);
  const countWhere = [...where];
  const countValues = [...params.values];
  const ids = params.add(parentIds, 'uuid[]');
  where.unshift(`t.${quote(parentColumn)} = ANY(${ids})`);
  if (p.cursorValues) where.push(keysetSql(p.keys, p.cursorValues, p.backward, params));
  const byParent = new Map<string, Record<string, unknown>[]>();
  if (parentIds.length) {
    const sql =
      `SELECT * FROM (SELECT ${spec.selectList}, ${keyColumns(p.keys)}, t.${quote(parentColumn)}::text AS "__parent", ` +
      `row_number() OVER (PARTITION BY t.${quote(parentColumn)} ORDER BY ${orderSql(p.keys, p.backward)}) AS "__rn" ` +
      `FROM ${quote(spec.table)} t WHERE ${where.join(' AND ')}) s WHERE "__rn" <= ${p.size + 1} ORDER BY "__parent", "__rn"`;
    for (const row of await runPageQuery(db, sql, params.values, p)) {
      const key = row.__parent as string;
      if (!byParent.has(key)) byParent.set(key, []);
      byParent.get(key)!.push(row);
    }
  }
  // Counts for every parent in one statement, only when some parent's totalCount is asked for.
  let counts: Promise<Map<string, number>> | undefined;
  const countFor = (id: string) => () => {
    counts ??= (async () => {
      const cp = [...countValues, parentIds];
      const sql =
        `SELECT t.${quote(parentColumn)}::text AS parent, count(*)::int AS n FROM ${quote(spec.table)} t ` +
        `WHERE t.${quote(parentColumn)} = ANY($${cp.length}::uuid[])${countWhere.length ? ` AND ${countWhere.join(' AND ')}` : ''} GROUP BY 1`;
      const rows = (await db.query(sql, cp)) as { parent: string; n: number }[];
      return new Map(rows.map((r) => [r.parent, r.n]));
    })();
    return counts.then((m) => m.get(id) ?? 0);
  };
  return parentIds.map((id) => buildConnection<T>(spec, p, byParent.get(id) ?? [], !!p.cursorValues, countFor(id)));
}

/** The cursor signature for a spec and order, for cursors built outside a list query. */
export function signatureFor(spec: ListSpec, orderBy: OrderInput[]): string {
  return signature(spec, sortKeys(spec, orderBy));
}
