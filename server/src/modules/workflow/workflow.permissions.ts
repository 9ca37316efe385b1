import { declareRecordAccess, readersOf } from '../../kernel/permissions/record-access';
import { canRead, RuleMap } from '../../kernel/permissions/rules';
import { Role } from '../system/user.entity';

/** Projects: read by ADMIN, SALES_MANAGER, ACCOUNTANT, DISPATCHER; SALES_REP through their own deals. */
const projectAccess = declareRecordAccess('Project', { all: [Role.ADMIN, Role.SALES_MANAGER, Role.ACCOUNTANT, Role.DISPATCHER], own: [Role.SALES_REP] });

export const workflowPermissions: RuleMap = {
  Project: { '*': canRead(...readersOf(projectAccess)) },
};
