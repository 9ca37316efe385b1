import { Role } from '../../kernel/auth/role';
import type { RoleScopes } from '../../kernel/records/policy';

/** Who writes CRM records: managers and admins all of them, reps their own. */
export const CRM_WRITE: RoleScopes = { all: [Role.ADMIN, Role.SALES_MANAGER], own: [Role.SALES_REP] };
/** Who may give CRM records to another owner (reps own what they create). */
export const CRM_ASSIGN: readonly Role[] = [Role.ADMIN, Role.SALES_MANAGER];
