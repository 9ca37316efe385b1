import type { Role } from '../gql/graphql';

export type Area = 'dashboard' | 'accounts' | 'contacts' | 'deals' | 'interactions' | 'users' | 'apiKeys';

// What each role may open (mirrors the server's permissions; the server still enforces them).
const READ: Record<Role, Area[]> = {
  ADMIN: ['dashboard', 'accounts', 'contacts', 'deals', 'interactions', 'users', 'apiKeys'],
  SALES_MANAGER: ['dashboard', 'accounts', 'contacts', 'deals', 'interactions'],
  SALES_REP: ['dashboard', 'accounts', 'contacts', 'deals', 'interactions'],
  ACCOUNTANT: ['dashboard', 'accounts', 'contacts', 'deals'],
  DISPATCHER: ['dashboard', 'accounts', 'contacts'],
  TECHNICIAN: ['dashboard'],
};

const WRITE: Record<Role, Area[]> = {
  ADMIN: ['accounts', 'contacts', 'deals', 'interactions', 'users', 'apiKeys'],
  SALES_MANAGER: ['accounts', 'contacts', 'deals', 'interactions'],
  SALES_REP: ['accounts', 'contacts', 'deals', 'interactions'],
  ACCOUNTANT: [],
  DISPATCHER: [],
  TECHNICIAN: [],
};

export function canRead(role: Role | undefined, area: Area): boolean {
  return !!role && READ[role].includes(area);
}

export function canWrite(role: Role | undefined, area: Area): boolean {
  return !!role && WRITE[role].includes(area);
}

/** Managers and admins may give records to other owners; reps own what they create. */
export function canAssignOwner(role: Role | undefined): boolean {
  return role === 'ADMIN' || role === 'SALES_MANAGER';
}

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Admin',
  SALES_MANAGER: 'Sales manager',
  SALES_REP: 'Sales rep',
  ACCOUNTANT: 'Accountant',
  DISPATCHER: 'Dispatcher',
  TECHNICIAN: 'Technician',
};

/** Field rules the screens must respect so they never ask for what the server would refuse. */
export function canSeeCreditLimit(role: Role | undefined): boolean {
  return role === 'ADMIN' || role === 'SALES_MANAGER' || role === 'ACCOUNTANT';
}
