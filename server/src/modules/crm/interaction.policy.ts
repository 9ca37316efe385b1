import { Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';
import { CRM_ASSIGN, CRM_WRITE } from './crm.roles';

/** Interactions: the sales side only (managers and admins all, reps their own). */
export const interactionPolicy = definePolicy('Interaction', {
  read: { all: [Role.ADMIN, Role.SALES_MANAGER], own: [Role.SALES_REP] },
  write: CRM_WRITE,
  assign: CRM_ASSIGN,
});
