import { Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';
import { CRM_ASSIGN, CRM_WRITE } from './crm.roles';

/** Contacts: as accounts (accountants and dispatchers read all; reps their own). */
export const contactPolicy = definePolicy('Contact', {
  read: { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER], own: [Role.SALES_REP] },
  write: CRM_WRITE,
  assign: CRM_ASSIGN,
});
