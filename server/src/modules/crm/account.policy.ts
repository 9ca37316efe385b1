import { Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';
import { CRM_ASSIGN, CRM_WRITE } from './crm.roles';

/**
 * Accounts: managers and admins read and write all, reps their own; accountants and dispatchers
 * read all (TECHNICIAN sees none until field service gives them their jobs' accounts). The credit
 * limit is for ADMIN, SALES_MANAGER and ACCOUNTANT only.
 */
export const accountPolicy = definePolicy('Account', {
  read: { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER], own: [Role.SALES_REP] },
  write: CRM_WRITE,
  assign: CRM_ASSIGN,
  fields: { creditLimit: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT] },
});
