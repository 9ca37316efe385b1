import { canRead, RuleMap } from '../../kernel/permissions/rules';
import { Role } from '../system/user.entity';

/** Projects: read by ADMIN, SALES_MANAGER, ACCOUNTANT, DISPATCHER; SALES_REP through their own deals. */
export const workflowPermissions: RuleMap = {
  Project: { '*': canRead(Role.ADMIN, Role.SALES_MANAGER, Role.SALES_REP, Role.ACCOUNTANT, Role.DISPATCHER) },
};
