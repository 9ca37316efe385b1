import { canWrite, RuleMap } from '../../kernel/permissions/rules';
import { crmWriters } from '../crm/crm.scope';

/** Texting records an interaction: the roles that write interactions; the contact must be visible to them (scoped in the service). */
export const messagingPermissions: RuleMap = {
  Mutation: {
    sendSms: canWrite(...crmWriters()),
  },
};
