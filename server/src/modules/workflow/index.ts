import { onEventInTransaction } from '../../kernel/events/domain-events';
import { defineModule } from '../../kernel/modules/module-manifest';
import { DealWon } from '../crm';
import { DealProjectResolver } from './deal-project.resolver';
import { Project } from './project.entity';
import { projectPolicy } from './project.policy';
import { ensureProjectForWonDeal } from './project.service';

export { Project, ProjectStatus } from './project.entity';

/** Projects: the delivery work a won deal starts. */
export const manifest = defineModule({
  name: 'workflow',
  entities: [Project],
  policies: [projectPolicy],
  resolvers: [DealProjectResolver],
  rules: { Deal: { project: projectPolicy.readRule } },
  register() {
    // Winning a deal creates (or reuses) its project in the same transaction.
    onEventInTransaction(DealWon, async ({ deal }, scope) => {
      await ensureProjectForWonDeal(deal, scope);
    });
  },
});
