import { Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';
import { CRM_ASSIGN, CRM_WRITE } from './crm.roles';

/** Deals: accountants read all of them; dispatchers and technicians none. */
export const dealPolicy = definePolicy('Deal', {
  read: { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT], own: [Role.SALES_REP] },
  write: CRM_WRITE,
  assign: CRM_ASSIGN,
});
