import type { Principal } from '../../kernel/auth/principal';
import type { SqlParams } from '../../kernel/pagination/sql';
import { readReach, typesReadBy } from '../../kernel/permissions/record-access';

// An entry is visible when the viewer's role reads its entity type (the type's declared read
// access, the same declaration its read rule and row scoping come from) and either reads every
// record of that type or owns the record at that entry. Entries about a type the role does not
// read never show, whoever owns the record; a type nobody declared shows to no one.

/** SQL conditions (alias `t`) limiting activity entries to what the principal may see. */
export function activityWhere(p: Principal, params: SqlParams, alias = 't'): string[] {
  const { all, own } = typesReadBy(p.role);
  const parts: string[] = [];
  if (all.length) parts.push(`${alias}."entityType" = ANY(${params.add(all, 'text[]')})`);
  if (own.length) {
    parts.push(`(${alias}."entityType" = ANY(${params.add(own, 'text[]')}) AND ${alias}."ownerId" = ${params.add(p.userId, 'uuid')})`);
  }
  return [parts.length ? `(${parts.join(' OR ')})` : 'FALSE'];
}

/** The same rule for one entry in memory (subscription delivery). */
export function canSeeActivity(p: Principal, entry: { ownerId: string | null; entityType: string }): boolean {
  const reach = readReach(p.role, entry.entityType);
  return reach === 'all' || (reach === 'own' && entry.ownerId === p.userId);
}

/** Whether the principal's role reads the entity type at all (entries' `changes` are redacted otherwise). */
export function readsEntityType(p: Principal | null | undefined, entityType: string): boolean {
  return !!p && readReach(p.role, entityType) !== null;
}
