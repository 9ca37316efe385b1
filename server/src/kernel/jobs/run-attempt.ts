import type { DataSource } from 'typeorm';
import { logger } from '../logger';
import { backoffDelay, JobContext, JobDefinition, PermanentJobError, RetryPolicy } from './job.types';
import { ClaimedJob, markDead, markDone, markRetrying } from './outbox-store';

export interface AttemptOutcome {
  error?: Error;
  /** No further attempt: done, or dead. */
  final: boolean;
}

/**
 * One attempt of a claimed job, the same in both modes: run the handler, then record DONE, or
 * RETRYING with the next attempt's time, or — after the last attempt or a permanent error — run
 * the definition's dead-letter hook and record DEAD with the error.
 */
export async function runAttempt(ds: DataSource, def: JobDefinition<never>, job: ClaimedJob, policy: RetryPolicy, workerId: string): Promise<AttemptOutcome> {
  const ctx: JobContext = { ds, jobId: job.id, queue: job.queue, attempt: job.attempts, maxAttempts: policy.attempts };
  const log = logger.child({ jobId: job.id, queue: job.queue, attempt: job.attempts });
  try {
    await def.handle(job.payload as never, ctx);
    if (!(await markDone(ds, job.id, workerId))) log.warn('job finished after another worker took it over');
    return { final: true };
  } catch (caught) {
    const error = caught instanceof Error ? caught : new Error(String(caught));
    const final = error instanceof PermanentJobError || job.attempts >= policy.attempts;
    if (final) {
      log.error({ err: error }, 'job failed for the last time');
      try {
        await def.onDead?.(job.payload as never, error, ctx);
      } catch (hookErr) {
        log.error({ err: hookErr }, 'dead-letter hook failed');
      }
      await markDead(ds, job.id, workerId, error);
    } else {
      const delay = backoffDelay(policy, job.attempts);
      log.warn({ err: error, retryInMs: delay }, 'job failed; will retry');
      await markRetrying(ds, job.id, workerId, delay, error);
    }
    return { error, final };
  }
}
