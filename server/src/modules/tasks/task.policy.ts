import { Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';

/**
 * Tasks follow interactions: managers and admins see and change all of them; a sales rep those
 * they own or are assigned. Anyone who writes tasks may assign one to a colleague who can hold
 * tasks; only managers and admins hand a task's ownership to someone else.
 */
export const taskPolicy = definePolicy('Task', {
  read: { all: [Role.ADMIN, Role.SALES_MANAGER], own: [Role.SALES_REP] },
  write: { all: [Role.ADMIN, Role.SALES_MANAGER], own: [Role.SALES_REP] },
  assign: [Role.ADMIN, Role.SALES_MANAGER],
  holders: ['ownerId', 'assigneeId'],
});
