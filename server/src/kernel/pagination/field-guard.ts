import type { Context } from '../context';
import { ForbiddenError } from '../errors/errors';
import { canReadField } from '../records/policy';
import { camel, OrderInput } from './list';
import type { ListSpec } from './spec';

/**
 * Filtering or sorting on a field reveals its values, so both need the same right as reading it
 * (e.g. `Account.creditLimit`, `User.email`), by the type's policy.
 */
export function guardFilterAndSort(ctx: Context, spec: ListSpec, filter: Record<string, unknown> | null | undefined, orderBy?: OrderInput[] | null): void {
  const walk = (s: ListSpec, f: Record<string, unknown> | null | undefined) => {
    if (!f) return;
    for (const [key, value] of Object.entries(f)) {
      if (value == null) continue;
      if (key === 'and' || key === 'or') (value as Record<string, unknown>[]).forEach((v) => walk(s, v));
      else if (key === 'not') walk(s, value as Record<string, unknown>);
      else if (s.relations.has(key)) walk(s.relations.get(key)!.target(), value as Record<string, unknown>);
      else if (!canReadField(s.typeName, key, null, ctx)) throw new ForbiddenError(`You may not filter on ${s.typeName}.${key}`);
    }
  };
  walk(spec, filter);
  for (const o of orderBy ?? []) {
    const prop = camel(o.field);
    if (!canReadField(spec.typeName, prop, null, ctx)) throw new ForbiddenError(`You may not sort by ${spec.typeName}.${prop}`);
  }
}
