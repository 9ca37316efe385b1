import type { Principal } from '../../kernel/auth/principal';
import type { SqlParams } from '../../kernel/pagination/sql';
import { Role } from '../system/user.entity';

export type CrmArea = 'accounts' | 'contacts' | 'deals' | 'interactions';

/**
 * DESIGN.md §3 for the CRM core. Until the financial and field-service modules exist,
 * ACCOUNTANT and DISPATCHER read accounts and contacts (ACCOUNTANT also deals) and TECHNICIAN
 * sees no CRM records.
 */
const READ_ALL: Record<CrmArea, Role[]> = {
  accounts: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER],
  contacts: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER],
  deals: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT],
  interactions: [Role.ADMIN, Role.SALES_MANAGER],
};
const WRITE_ALL: Role[] = [Role.ADMIN, Role.SALES_MANAGER];
const OWN: Role[] = [Role.SALES_REP];

export const crmReaders = (area: CrmArea): Role[] => [...READ_ALL[area], ...OWN];
export const crmWriters = (): Role[] => [...WRITE_ALL, ...OWN];
/** Roles that may assign records to other owners. */
export const canAssignOwners = (p: Principal) => WRITE_ALL.includes(p.role as Role);

type Where = (params: SqlParams) => string[];

function scope(p: Principal, all: Role[], alias: string): Where {
  if (all.includes(p.role as Role)) return () => [];
  if (OWN.includes(p.role as Role)) return (params) => [`${alias}."ownerId" = ${params.add(p.userId, 'uuid')}`];
  return () => ['FALSE'];
}

/** Row scoping for reads, as SQL conditions. */
export const readScope = (p: Principal, area: CrmArea, alias = 't'): Where => scope(p, READ_ALL[area], alias);
/** Row scoping for writes, as SQL conditions. */
export const writeScope = (p: Principal, _area: CrmArea, alias = 't'): Where => scope(p, WRITE_ALL, alias);
