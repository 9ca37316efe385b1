import { defineModule } from '../../kernel/modules/module-manifest';
import { AccountNextTaskResolver, ContactNextTaskResolver, DealNextTaskResolver } from './next-task.resolver';
import { Task, tasks } from './task.entity';

export { Task, tasks } from './task.entity';

/** Tasks: follow-ups with a due date and an assignee, about an account, contact or deal. */
export const manifest = defineModule({
  name: 'tasks',
  entities: [Task],
  records: [tasks],
  resolvers: [AccountNextTaskResolver, ContactNextTaskResolver, DealNextTaskResolver],
  rules: {
    Account: { nextTask: tasks.policy.readRule },
    Contact: { nextTask: tasks.policy.readRule },
    Deal: { nextTask: tasks.policy.readRule },
  },
});
