import type { Principal } from '../../kernel/auth/principal';
import type { SqlParams } from '../../kernel/pagination/sql';
import { Role } from './user.entity';

/** Roles that read the whole activity log. */
const FULL: string[] = [Role.ADMIN, Role.SALES_MANAGER];

/**
 * Entity types whose whole activity a role reads, beyond entries about records it owns. The
 * financial and field-service modules add their types here (ACCOUNTANT: financial;
 * DISPATCHER: field service; TECHNICIAN: own jobs).
 */
export const activityTypesByRole: Record<string, string[]> = {
  [Role.SALES_REP]: [],
  [Role.ACCOUNTANT]: [],
  [Role.DISPATCHER]: [],
  [Role.TECHNICIAN]: [],
};

/** SQL conditions (alias `t`) limiting activity entries to what the principal may see. */
export function activityWhere(p: Principal, params: SqlParams, alias = 't'): string[] {
  if (FULL.includes(p.role)) return [];
  const types = activityTypesByRole[p.role] ?? [];
  const own = `${alias}."ownerId" = ${params.add(p.userId, 'uuid')}`;
  return [types.length ? `(${own} OR ${alias}."entityType" = ANY(${params.add(types, 'text[]')}))` : own];
}

/** The same rule for one entry in memory (subscription delivery). */
export function canSeeActivity(p: Principal, entry: { ownerId: string | null; entityType: string }): boolean {
  if (FULL.includes(p.role)) return true;
  return entry.ownerId === p.userId || (activityTypesByRole[p.role] ?? []).includes(entry.entityType);
}
