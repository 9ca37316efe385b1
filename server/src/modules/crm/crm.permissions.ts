import type { RuleMap } from '../../kernel/permissions/rules';
import { dealPolicy } from './deal.policy';
import { interactionPolicy } from './interaction.policy';

/** Rules of the CRM's hand-written fields; the records' own come from their policies. */
export const crmPermissions: RuleMap = {
  Query: { dealStats: dealPolicy.readRule },
  Mutation: { moveDealStage: dealPolicy.writeRule, reopenDeal: dealPolicy.writeRule },
  // Dashboard figures: rows scoped like the deals list; the interaction count only for roles that read interactions.
  DealStats: { '*': dealPolicy.readRule, interactionsThisWeek: interactionPolicy.readRule },
  DealStageStat: { '*': dealPolicy.readRule },
  DealMonthStat: { '*': dealPolicy.readRule },
};
