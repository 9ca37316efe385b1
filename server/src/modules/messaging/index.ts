import { onEventInTransaction } from '../../kernel/events/domain-events';
import { enqueueJob } from '../../kernel/jobs/enqueue';
import { defineModule } from '../../kernel/modules/module-manifest';
import { interactions } from '../crm';
import { SmsRequested } from './sms.events';
import { smsSendJob } from './sms.job';
import { SmsResolver } from './sms.resolver';
import { twilioWebhooks } from './twilio-webhook';

/** SMS to contacts through Twilio: the command, the sending job and Twilio's status callbacks. */
export const manifest = defineModule({
  name: 'messaging',
  resolvers: [SmsResolver],
  // Texting records an interaction: the roles that create interactions (the contact must be visible; scoped in the service).
  rules: { Mutation: { sendSms: interactions.policy.createRule } },
  jobs: [smsSendJob as never],
  routes: (app, { ds }) => app.use(twilioWebhooks(ds)),
  register() {
    // The sending job is written to the outbox in the transaction that records the SMS.
    onEventInTransaction(SmsRequested, async (payload, { manager }) => {
      await enqueueJob(manager, smsSendJob, payload);
    });
  },
});
