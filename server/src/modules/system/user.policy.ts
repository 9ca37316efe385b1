import { ALL_ROLES, Role } from '../../kernel/auth/role';
import { and, hasRole, isAuthenticated, isSelf, or } from '../../kernel/permissions/rules';
import { definePolicy } from '../../kernel/records/policy';

/** Contact fields of users: the user themself, ADMIN and SALES_MANAGER. */
const contactFields = and(isAuthenticated, or(isSelf, hasRole(Role.ADMIN, Role.SALES_MANAGER)));

/**
 * The directory (name, role, active) is visible to every signed-in user, so owners and actors can
 * be named; only ADMIN creates or changes users. Activity about a user (sign-ins, role changes)
 * shows to ADMIN and SALES_MANAGER, and to the user themself.
 */
export const userPolicy = definePolicy('User', {
  read: { all: ALL_ROLES },
  write: { all: [Role.ADMIN] },
  holders: ['id'],
  fields: { email: contactFields, phone: contactFields, lastLoginAt: contactFields },
  activity: { all: [Role.ADMIN, Role.SALES_MANAGER], own: ALL_ROLES },
});
