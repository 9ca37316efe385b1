import type { Principal } from '../auth/principal';
import type { SqlParams } from '../pagination/sql';
import { allPolicies, policyOf } from '../records/policy';

/**
 * Who sees an activity entry follows the entity type's policy: a role that sees the type's
 * activity for every record sees all its entries; a role that sees it for records it holds sees
 * the entries whose holders (owner, assignee, ... at that moment) include them. A type the role
 * may not read never shows, whoever holds the record; types without a policy show to nobody.
 * An entry with a `policyType` is judged by that type's policy instead of its own type's.
 */
function typesFor(p: Principal): { all: string[]; own: string[]; everything: boolean } {
  const all: string[] = [];
  const own: string[] = [];
  let everything = true;
  for (const policy of allPolicies()) {
    const scope = policy.activityScope(p.role);
    if (scope === 'ALL') all.push(policy.typeName);
    else {
      everything = false;
      if (scope === 'OWN') own.push(policy.typeName);
    }
  }
  return { all, own, everything };
}

/** SQL conditions (alias `t`) limiting activity entries to what the principal may see. */
export function activityWhere(p: Principal, params: SqlParams, alias = 't'): string[] {
  const { all, own, everything } = typesFor(p);
  const type = `COALESCE(${alias}."policyType", ${alias}."entityType")`;
  if (everything) return [`${type} = ANY(${params.add(all, 'text[]')})`];
  const parts: string[] = [];
  if (all.length) parts.push(`${type} = ANY(${params.add(all, 'text[]')})`);
  if (own.length) {
    parts.push(`(${type} = ANY(${params.add(own, 'text[]')}) AND ${alias}."holders" @> ARRAY[${params.add(p.userId, 'uuid')}])`);
  }
  return [parts.length ? `(${parts.join(' OR ')})` : 'FALSE'];
}

/** The same rule for one entry in memory (subscription delivery). */
export function canSeeActivity(p: Principal, entry: { entityType: string; policyType?: string | null; holders?: string[] | null }): boolean {
  const policy = policyOf(entry.policyType ?? entry.entityType);
  if (!policy) return false;
  const scope = policy.activityScope(p.role);
  return scope === 'ALL' || (scope === 'OWN' && !!entry.holders?.includes(p.userId));
}
