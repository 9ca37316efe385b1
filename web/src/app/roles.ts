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
