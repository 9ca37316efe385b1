import { getArgumentValues } from 'graphql';
import type { Context } from '../context';
import { requirePrincipal } from '../context';
import { isUuid } from '../ids';
import { pageParts, type Prepared } from '../pagination/list';
import { quote, SqlParams } from '../pagination/sql';
import type { ListArgs } from '../records/record.service';
import type { ConnItem, LeafItem, LookupRoot, NodePlan, Plan } from './plan';

/** What a statement's pages were asked for: how each list's rows become a page (one per list of the plan). */
export type Pages = Map<ConnItem, { prepared: Prepared; hadCursor: boolean }>;

export interface PlanStatement {
  text: string;
  values: unknown[];
  pages: Pages;
}

const whereSql = (conditions: string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');

function leafSql(leaf: LeafItem, row: string): string {
  const col = `${row}.${quote(leaf.column)}`;
  if (leaf.encoding === 'text') return `${col}::text`;
  // Milliseconds since the epoch, rounded down as the driver does: JavaScript prints them as it
  // prints any timestamp, in every year the driver reads.
  if (leaf.encoding === 'epochMs') return `floor(extract(epoch from ${col}) * 1000)::bigint`;
  return col;
}

/**
 * Builds a plan's SQL for one request: the rows of every list, lookup and reference of the
 * document in one statement, each scoped in SQL exactly as the kit's services scope them (the
 * same policy conditions, filters, trash rule and keyset pages).
 *
 * Values travel as JSON arrays by position, not objects: a node is `[v1, v2, ...]` in the order of
 * its plan's items (`__typename` left out); a list row is its sort keys as text (only when a cursor
 * is asked for) followed by its node's values; a list is its rows, or `[rows, count]` when
 * `totalCount` is asked for. PostgreSQL builds and copies JSON text at every level of nesting, and
 * keys repeated in every row made that several times the cost of reading the rows. Each list's rows
 * are aggregated in the page's own order, which the rows already have (PostgreSQL 16 and later see
 * that and do not sort again).
 */
class StatementBuilder {
  readonly params = new SqlParams();
  readonly pages: Pages = new Map();
  private aliases = 0;

  constructor(
    private readonly ctx: Context,
    private readonly variables: Record<string, unknown>,
  ) {}

  private alias(): string {
    return `q${++this.aliases}`;
  }

  /** The node's values on `row`, in the order of its items. */
  values(plan: NodePlan, row: string): string[] {
    const out: string[] = [];
    for (const item of plan.items) {
      if (item.t === 'leaf') out.push(leafSql(item, row));
      else if (item.t === 'ref') out.push(this.ref(item.node, `${row}.${quote(item.via)}`));
      else if (item.t === 'conn') out.push(this.connection(item, row));
    }
    return out;
  }

  /** A related record as the kit's loaders read it: scoped, trashed ones included. */
  private ref(plan: NodePlan, key: string): string {
    const a = this.alias();
    const where = [`${a}."id" = ${key}`, ...plan.kind.policy.readWhere(requirePrincipal(this.ctx), a)(this.params)];
    return `(SELECT json_build_array(${this.values(plan, a).join(', ')}) FROM ${quote(plan.spec.table)} ${a}${whereSql(where)})`;
  }

  lookup(root: LookupRoot): string {
    const { id } = getArgumentValues(root.field, root.fieldNode, this.variables) as { id: unknown };
    if (!isUuid(id)) return 'NULL';
    const plan = root.node;
    const a = this.alias();
    const where = [`${a}."id" = ${this.params.add(id, 'uuid')}`];
    if (plan.spec.softDelete) where.push(`${a}."deletedAt" IS NULL`);
    where.push(...plan.kind.policy.readWhere(requirePrincipal(this.ctx), a)(this.params));
    return `(SELECT json_build_array(${this.values(plan, a).join(', ')}) FROM ${quote(plan.spec.table)} ${a}${whereSql(where)})`;
  }

  /** A page of a list (under the parent row `parent` for an inverse relation), as `[row, ...]`, or `[[row, ...], count]` when counted. */
  connection(item: ConnItem, parent: string | null): string {
    const args = getArgumentValues(item.field, item.fieldNode, this.variables) as ListArgs;
    const plan = item.node;
    const t = this.alias();
    const r = this.alias();
    const q = plan.kind.service.query(this.ctx, args, undefined, t);
    const page = pageParts(plan.spec, q, this.params, t);
    if (item.via) {
      const under = `${t}.${quote(item.via)} = ${parent}."id"`;
      page.where.unshift(under);
      page.countWhere.unshift(under);
    }
    // One subquery per list of the plan; under a parent list it runs per parent row with these same arguments.
    this.pages.set(item, { prepared: page.prepared, hadCursor: !!page.prepared.cursorValues });
    const columns = [...new Set([...plan.columns.map(quote), ...page.sortColumns])];
    // Sort keys as text only when a cursor is asked for, the row beyond the page only for hasNextPage/hasPreviousPage.
    const keys = item.cursors ? page.prepared.keys.map((_, i) => `${r}."__k${i}"`) : [];
    const inner =
      `SELECT ${columns.map((c) => `${t}.${c}`).join(', ')}${item.cursors ? `, ${page.keyColumns}` : ''} ` +
      `FROM ${quote(plan.spec.table)} ${t}${whereSql(page.where)} ORDER BY ${page.order} LIMIT ${item.lookahead ? page.limit : page.limit - 1}`;
    const row = [...keys, ...this.values(plan, r)].join(', ');
    const rows = `coalesce(json_agg(json_build_array(${row}) ORDER BY ${page.orderOn(r)}), '[]'::json)`;
    // The count, when asked for, travels beside the rows; otherwise the rows are the list's whole value.
    const value = item.counted ? `json_build_array(${rows}, (SELECT count(*)::int FROM ${quote(plan.spec.table)} ${t}${whereSql(page.countWhere)}))` : rows;
    return `(SELECT ${value} FROM (${inner}) ${r})`;
  }
}

/**
 * The statement for a plan's SQL roots, or null when no root needs SQL. Throws what the kit's
 * services throw for bad arguments. With `check`, the statement also returns, as "session", what
 * `check.sql` selects with `check.value` as its parameter (the caller's session, re-read in the
 * same snapshot as the data).
 */
export function planStatement(
  plan: Plan,
  ctx: Context,
  variables: Record<string, unknown>,
  check?: { sql: (param: string) => string; value: unknown },
): PlanStatement | null {
  if (!plan.sql) return null;
  const b = new StatementBuilder(ctx, variables);
  const session = check ? `(${check.sql(b.params.add(check.value))}) AS "session", ` : '';
  const parts: string[] = [];
  for (const root of plan.roots) {
    if (root.t === 'conn') parts.push(b.connection(root, null));
    else if (root.t === 'lookup') parts.push(b.lookup(root));
  }
  // The SQL roots' values in the order of the plan's roots.
  return { text: `SELECT ${session}json_build_array(${parts.join(', ')}) AS "data"`, values: b.params.values, pages: b.pages };
}
