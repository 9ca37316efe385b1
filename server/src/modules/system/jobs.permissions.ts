import { canRead, canWrite, RuleMap } from '../../kernel/permissions/rules';
import { Role } from '../../kernel/auth/role';

const admin = canRead(Role.ADMIN);

/** Background job administration: ADMIN only. */
export const jobPermissions: RuleMap = {
  Query: { jobs: admin },
  Mutation: { retryJob: canWrite(Role.ADMIN) },
  JobsOverview: { '*': admin },
  JobQueueStats: { '*': admin },
  JobBrokerCounts: { '*': admin },
  Job: { '*': admin },
};
