import { registerEnum } from '../enums';

/** What a user may see and do; every permission is stated in terms of these six roles. */
export enum Role {
  ADMIN = 'ADMIN',
  SALES_MANAGER = 'SALES_MANAGER',
  SALES_REP = 'SALES_REP',
  ACCOUNTANT = 'ACCOUNTANT',
  DISPATCHER = 'DISPATCHER',
  TECHNICIAN = 'TECHNICIAN',
}
registerEnum(Role, 'Role', 'What a user may see and do.');

export const ALL_ROLES: readonly Role[] = Object.values(Role);
