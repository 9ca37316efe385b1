import { encodeCursor } from '../pagination/cursor';
import { pageOf } from '../pagination/list';
import type { Context } from '../context';
import type { ConnItem, ContextRoot, NodePlan, Plan } from './plan';
import type { Pages } from './plan-sql';

type Json = Record<string, unknown>;
/** A node's values by position, as the statement returns them (see plan-sql.ts). */
type Values = unknown[];
/** A list: its rows (sort keys as text, then the node's values), with the count beside them when asked for. */
type List = Values[] | [Values[], number];

/** A value the plan cannot give exactly as graphql-js would (e.g. null in a non-null field): run the request through graphql-js. */
export class NotPlannable extends Error {}

/** Turns the statement's positional JSON into the response's objects. */
class Shaper {
  constructor(private readonly pages: Pages) {}

  /** The node whose values start at `at` in `values`, keyed and ordered as the document asks. */
  node(plan: NodePlan, values: Values, at = 0): Json {
    const obj: Json = {};
    let i = at;
    for (const item of plan.items) {
      if (item.t === 'typename') {
        obj[item.key] = item.name;
        continue;
      }
      const v = values[i++];
      if (item.t === 'leaf') obj[item.key] = item.encoding === 'epochMs' && v != null ? new Date(v as number).toISOString() : v;
      else if (item.t === 'ref') obj[item.key] = v == null ? null : this.node(item.node, v as Values);
      else obj[item.key] = this.connection(item, v as List);
    }
    return obj;
  }

  connection(item: ConnItem, list: List): Json {
    const [rows, count] = item.counted ? (list as [Values[], number]) : [list as Values[], undefined];
    const { prepared, hadCursor } = this.pages.get(item)!;
    const { page, hasNextPage, hasPreviousPage } = pageOf(prepared, rows, hadCursor);
    const keys = item.cursors ? prepared.keys.length : 0;
    // Signed once per row: the last edge's cursor is also the page's endCursor.
    const cursors: string[] = [];
    const cursor = (i: number): string | null =>
      i >= 0 && i < page.length ? (cursors[i] ??= encodeCursor(prepared.sig, page[i].slice(0, keys) as (string | null)[])) : null;
    const nodes = page.map((row) => this.node(item.node, row, keys));
    const out: Json = {};
    for (const part of item.parts) {
      if (part.t === 'typename') out[part.key] = part.name;
      else if (part.t === 'totalCount') out[part.key] = count;
      else if (part.t === 'nodes') out[part.key] = nodes;
      else if (part.t === 'edges') {
        out[part.key] = page.map((_row, i) => {
          const edge: Json = {};
          for (const e of part.items) edge[e.key] = e.t === 'typename' ? e.name : e.t === 'node' ? nodes[i] : cursor(i);
          return edge;
        });
      } else {
        const info: Json = {};
        for (const p of part.items) {
          if (p.t === 'typename') info[p.key] = p.name;
          else if (p.t === 'hasNextPage') info[p.key] = hasNextPage;
          else if (p.t === 'hasPreviousPage') info[p.key] = hasPreviousPage;
          else if (p.t === 'startCursor') info[p.key] = cursor(0);
          else info[p.key] = cursor(page.length - 1);
        }
        out[part.key] = info;
      }
    }
    return out;
  }
}

function contextRoot(root: ContextRoot, ctx: Context): Json | null {
  const obj = root.resolve(ctx);
  if (obj === undefined || (obj === null && root.nonNull)) throw new NotPlannable();
  if (obj === null) return null;
  const out: Json = {};
  for (const item of root.items) {
    if (item.t === 'typename') {
      out[item.key] = item.name;
      continue;
    }
    if (item.check && item.check(obj, {}, ctx, undefined) !== true) throw new NotPlannable();
    const v = obj[item.column];
    if (v == null) {
      if (item.nonNull) throw new NotPlannable();
      out[item.key] = null;
    } else out[item.key] = item.type.serialize(v);
  }
  return out;
}

/** The response's `data` from the statement's values (the SQL roots' in order, or none) and the request context. */
export function planData(plan: Plan, ctx: Context, sqlRoots: Values | null, pages: Pages): Json {
  const shaper = new Shaper(pages);
  const data: Json = {};
  let i = 0;
  for (const root of plan.roots) {
    if (root.t === 'typename') data[root.key] = root.name;
    else if (root.t === 'context') data[root.key] = contextRoot(root, ctx);
    else if (root.t === 'conn') data[root.key] = shaper.connection(root, sqlRoots![i++] as List);
    else {
      const v = sqlRoots![i++] as Values | null;
      data[root.key] = v == null ? null : shaper.node(root.node, v);
    }
  }
  return data;
}
