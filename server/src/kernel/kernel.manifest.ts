import { ActivityLog } from './activity/activity-log.entity';
import { ActivityLogResolver } from './activity/activity-log.resolver';
import { registerActivityLogWriter } from './activity/activity-log.writer';
import { OutboxJob } from './jobs/outbox.entity';
import { ServerSecret } from './secrets/server-secret.entity';
import { defineModule } from './modules/module-manifest';
import { isAuthenticated } from './permissions/rules';

/** The kernel's own tables and fields: the activity log (with its subscription), the job outbox and server secrets. */
export const kernelManifest = defineModule({
  name: 'kernel',
  entities: [ActivityLog, OutboxJob, ServerSecret],
  resolvers: [ActivityLogResolver],
  rules: {
    Query: { activityLog: isAuthenticated }, // scoped per entity type's policy in the service
    Subscription: { activityLogged: isAuthenticated }, // checked per subscriber at delivery
    ActivityLog: { '*': isAuthenticated },
  },
  register: registerActivityLogWriter,
});
