import type { Role } from '../gql/graphql';

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  SALES_MANAGER: 'Sales manager',
  SALES_REP: 'Sales rep',
  ACCOUNTANT: 'Accountant',
  DISPATCHER: 'Dispatcher',
  TECHNICIAN: 'Technician',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

/** Roles that can own CRM records and hold tasks; the server refuses anyone else as owner or assignee. */
export const HOLDER_ROLES: Role[] = ['ADMIN', 'SALES_MANAGER', 'SALES_REP'];
