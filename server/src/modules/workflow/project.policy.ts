import { Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';

/**
 * Projects: ADMIN and SALES_MANAGER manage all; accountants and dispatchers read all; a sales rep
 * reads the projects they manage (those of their won deals). Projects have no root fields yet:
 * they are reached through their deal, whose visibility they follow.
 */
export const projectPolicy = definePolicy('Project', {
  read: { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER], own: [Role.SALES_REP] },
  write: { all: [Role.ADMIN, Role.SALES_MANAGER] },
  holders: ['managerId'],
});
