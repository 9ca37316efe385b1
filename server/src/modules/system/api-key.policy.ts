import { ALL_ROLES, Role } from '../../kernel/auth/role';
import { definePolicy } from '../../kernel/records/policy';

/**
 * Everyone manages their own API keys (with a signed-in session, not through a key); ADMIN sees
 * and revokes everyone's. Key activity shows to ADMIN and SALES_MANAGER and to the key's owner.
 */
export const apiKeyPolicy = definePolicy('ApiKey', {
  read: { all: [Role.ADMIN], own: ALL_ROLES },
  write: { all: [Role.ADMIN], own: ALL_ROLES },
  holders: ['userId'],
  activity: { all: [Role.ADMIN, Role.SALES_MANAGER], own: ALL_ROLES },
});
