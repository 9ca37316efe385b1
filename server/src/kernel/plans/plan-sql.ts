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

const name = (key: string) => `'${key}'`; // GraphQL names: letters, digits and underscores
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
 * same policy conditions, filters, trash rule and keyset pages), as a JSON object per root field.
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

  node(plan: NodePlan, row: string): string {
    const parts: string[] = [];
    for (const item of plan.items) {
      if (item.t === 'typename') parts.push(name(item.key), `'${item.name}'`);
      else if (item.t === 'leaf') parts.push(name(item.key), leafSql(item, row));
      else if (item.t === 'ref') parts.push(name(item.key), this.ref(item.node, `${row}.${quote(item.via)}`));
      else parts.push(name(item.key), this.connection(item, row));
    }
    return `json_build_object(${parts.join(', ')})`;
  }

  /** A related record as the kit's loaders read it: scoped, trashed ones included. */
  private ref(plan: NodePlan, key: string): string {
    const a = this.alias();
    const where = [`${a}."id" = ${key}`, ...plan.kind.policy.readWhere(requirePrincipal(this.ctx), a)(this.params)];
    return `(SELECT ${this.node(plan, a)} FROM ${quote(plan.spec.table)} ${a}${whereSql(where)})`;
  }

  lookup(root: LookupRoot): string {
    const { id } = getArgumentValues(root.field, root.fieldNode, this.variables) as { id: unknown };
    if (!isUuid(id)) return 'NULL';
    const plan = root.node;
    const a = this.alias();
    const where = [`${a}."id" = ${this.params.add(id, 'uuid')}`];
    if (plan.spec.softDelete) where.push(`${a}."deletedAt" IS NULL`);
    where.push(...plan.kind.policy.readWhere(requirePrincipal(this.ctx), a)(this.params));
    return `(SELECT ${this.node(plan, a)} FROM ${quote(plan.spec.table)} ${a}${whereSql(where)})`;
  }

  /** A page of a list (under the parent row `parent` for an inverse relation), as `{ r: [[keys, node], ...], n }`. */
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
    const keys = page.prepared.keys.map((_, i) => `${r}."__k${i}"`).join(', ');
    const inner =
      `SELECT ${plan.columns.map((c) => `${t}.${quote(c)}`).join(', ')}, ${page.keyColumns}, row_number() OVER (ORDER BY ${page.order}) AS "__rn" ` +
      `FROM ${quote(plan.spec.table)} ${t}${whereSql(page.where)} ORDER BY ${page.order} LIMIT ${page.limit}`;
    const count = item.counted ? `, 'n', (SELECT count(*)::int FROM ${quote(plan.spec.table)} ${t}${whereSql(page.countWhere)})` : '';
    return (
      `(SELECT json_build_object('r', coalesce(json_agg(json_build_array(json_build_array(${keys}), ${this.node(plan, r)}) ORDER BY ${r}."__rn"), '[]'::json)${count}) ` +
      `FROM (${inner}) ${r})`
    );
  }
}

/** The statement for a plan's SQL roots, or null when no root needs SQL. Throws what the kit's services throw for bad arguments. */
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
    if (root.t === 'conn') parts.push(name(root.key), b.connection(root, null));
    else if (root.t === 'lookup') parts.push(name(root.key), b.lookup(root));
  }
  return { text: `SELECT ${session}json_build_object(${parts.join(', ')}) AS "data"`, values: b.params.values, pages: b.pages };
}
