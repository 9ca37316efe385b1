import type { Principal } from '../../kernel/auth/principal';
import type { SqlParams } from '../../kernel/pagination/sql';
import { declareRecordAccess, readersOf, RecordAccess } from '../../kernel/permissions/record-access';
import { Role } from '../system/user.entity';

export type CrmArea = 'accounts' | 'contacts' | 'deals' | 'interactions';

const WRITE_ALL: Role[] = [Role.ADMIN, Role.SALES_MANAGER];
const OWN: Role[] = [Role.SALES_REP];

/**
 * DESIGN.md §3 for the CRM core. Until the financial and field-service modules exist,
 * ACCOUNTANT and DISPATCHER read accounts and contacts (ACCOUNTANT also deals) and TECHNICIAN
 * sees no CRM records. Declared once: the read rules, the row scoping below and who sees the
 * records' activity-log entries all follow from it.
 */
const ACCESS: Record<CrmArea, RecordAccess> = {
  accounts: declareRecordAccess('Account', { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER], own: OWN }),
  contacts: declareRecordAccess('Contact', { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER], own: OWN }),
  deals: declareRecordAccess('Deal', { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT], own: OWN }),
  interactions: declareRecordAccess('Interaction', { all: [Role.ADMIN, Role.SALES_MANAGER], own: OWN }),
};

export const crmReaders = (area: CrmArea): Role[] => readersOf(ACCESS[area]) as Role[];
export const crmWriters = (): Role[] => [...WRITE_ALL, ...OWN];
/** Roles that may assign records to other owners. */
export const canAssignOwners = (p: Principal) => WRITE_ALL.includes(p.role as Role);
/**
 * Roles whose users may own (hold) a record of the area: those that may write it. A user whose
 * role changes away keeps ownership, but then reads the record only as their new role allows.
 */
export const crmOwnerRoles = (_area: CrmArea): Role[] => crmWriters();

type Where = (params: SqlParams) => string[];

function scope(p: Principal, all: readonly string[], own: readonly string[], alias: string): Where {
  if (all.includes(p.role)) return () => [];
  if (own.includes(p.role)) return (params) => [`${alias}."ownerId" = ${params.add(p.userId, 'uuid')}`];
  return () => ['FALSE'];
}

/** Row scoping for reads, as SQL conditions. */
export const readScope = (p: Principal, area: CrmArea, alias = 't'): Where => scope(p, ACCESS[area].all, ACCESS[area].own, alias);
/** Row scoping for writes, as SQL conditions. */
export const writeScope = (p: Principal, _area: CrmArea, alias = 't'): Where => scope(p, WRITE_ALL, OWN, alias);
