import { encodeCursor } from '../pagination/cursor';
import { pageOf } from '../pagination/list';
import type { Context } from '../context';
import type { ConnItem, ContextRoot, NodePlan, Plan } from './plan';
import type { Pages } from './plan-sql';

type Json = Record<string, unknown>;
type Row = [(string | null)[], Json];

/** A value the plan cannot give exactly as graphql-js would (e.g. null in a non-null field): run the request through graphql-js. */
export class NotPlannable extends Error {}

/** Turns the statement's JSON into the response's shape, in place where it can. */
class Shaper {
  constructor(private readonly pages: Pages) {}

  node(plan: NodePlan, obj: Json): Json {
    if (!plan.reshape) return obj;
    for (const item of plan.items) {
      if (item.t === 'leaf') {
        if (item.encoding === 'epochMs') {
          const v = obj[item.key];
          obj[item.key] = v == null ? null : new Date(v as number).toISOString();
        }
      } else if (item.t === 'ref') {
        const v = obj[item.key];
        if (v != null) this.node(item.node, v as Json);
      } else if (item.t === 'conn') obj[item.key] = this.connection(item, obj[item.key] as { r: Row[]; n?: number });
    }
    return obj;
  }

  connection(item: ConnItem, value: { r: Row[]; n?: number }): Json {
    const { prepared, hadCursor } = this.pages.get(item)!;
    const { page, hasNextPage, hasPreviousPage } = pageOf(prepared, value.r, hadCursor);
    // Signed once per row: the last edge's cursor is also the page's endCursor.
    const cursors: string[] = [];
    const cursor = (i: number): string | null => (i >= 0 && i < page.length ? (cursors[i] ??= encodeCursor(prepared.sig, page[i][0])) : null);
    const nodes = page.map((row) => this.node(item.node, row[1]));
    const out: Json = {};
    for (const part of item.parts) {
      if (part.t === 'typename') out[part.key] = part.name;
      else if (part.t === 'totalCount') out[part.key] = value.n;
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

/** The response's `data` from the statement's row (or none) and the request context. */
export function planData(plan: Plan, ctx: Context, row: Json | null, pages: Pages): Json {
  const shaper = new Shaper(pages);
  const data: Json = {};
  for (const root of plan.roots) {
    if (root.t === 'typename') data[root.key] = root.name;
    else if (root.t === 'context') data[root.key] = contextRoot(root, ctx);
    else if (root.t === 'conn') data[root.key] = shaper.connection(root, row![root.key] as { r: Row[]; n?: number });
    else {
      const v = row![root.key] as Json | null;
      data[root.key] = v == null ? null : shaper.node(root.node, v);
    }
  }
  return data;
}
