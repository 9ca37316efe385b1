import { defineJob } from '../../kernel/jobs/job.types';
import { deliverSms, markSmsFailed, requeueSms } from './sms-delivery';

/** Sends one SMS interaction (idempotent: see deliverSms). Backoff 5 s, 10 s, 20 s, 40 s, 80 s. */
export const smsSendJob = defineJob<{ interactionId: string }>({
  queue: 'sms.send',
  attempts: 6,
  backoffMs: 5000,
  handle: ({ interactionId }, job) => deliverSms(job.ds, interactionId),
  onDead: ({ interactionId }, error, job) => markSmsFailed(job.ds, interactionId, `Gave up after ${job.attempt} attempts: ${error.message}`),
  onRetry: (ctx, uow, { interactionId }) => requeueSms(ctx, uow, interactionId),
});
