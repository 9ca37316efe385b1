import { config } from '../../config/env';
import type { Context } from '../../kernel/context';
import { badInput, ConflictError, NotFoundError } from '../../kernel/errors/errors';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { isUuid } from '../../kernel/ids';
import { currentJobSystem } from '../../kernel/jobs/job-system';
import { definedQueues, jobDefinition } from '../../kernel/jobs/job.types';
import { JobState, OutboxJob } from '../../kernel/jobs/outbox.entity';
import { countByState, lockJob, recentFailures, resetForRetry } from '../../kernel/jobs/outbox-store';
import { JobModeEnum, JobQueueStats, JobsOverview } from './jobs.types';

const STATE_FIELD: Record<JobState, keyof Omit<JobQueueStats, 'queue' | 'broker'>> = {
  PENDING: 'pending',
  DISPATCHED: 'dispatched',
  RUNNING: 'running',
  RETRYING: 'retrying',
  DONE: 'done',
  DEAD: 'dead',
};

/** Queue health for admins: the same outbox record in both modes, plus Bull's counts with Redis. */
export async function jobsOverview(ctx: Context, failures: number, queue?: string | null): Promise<JobsOverview> {
  if (!Number.isInteger(failures) || failures < 0 || failures > 100) throw badInput(['failures'], 'must be between 0 and 100');
  const system = currentJobSystem();
  const byQueue = new Map<string, JobQueueStats>();
  const stats = (name: string) => {
    let s = byQueue.get(name);
    if (!s) byQueue.set(name, (s = { queue: name, pending: 0, dispatched: 0, running: 0, retrying: 0, done: 0, dead: 0, broker: null }));
    return s;
  };
  for (const name of definedQueues()) stats(name);
  for (const row of await countByState(ctx.ds)) stats(row.queue)[STATE_FIELD[row.state]] = row.n;
  const queues = [...byQueue.values()].filter((s) => !queue || s.queue === queue).sort((a, b) => a.queue.localeCompare(b.queue));
  if (system)
    await Promise.all(
      queues.map(async (s) => {
        s.broker = await system.brokerCounts(s.queue);
      }),
    );
  const mode = (system?.mode ?? (config().REDIS_URL ? 'BULL' : 'IN_PROCESS')) as JobModeEnum;
  return { mode, queues, recentFailures: failures ? await recentFailures(ctx.ds, failures, queue) : [] };
}

/** Runs a dead job again from its first attempt; its definition may reset the business record too. */
export async function retryJob(ctx: Context, id: string): Promise<OutboxJob> {
  const job = await inTransaction(ctx, async (uow) => {
    const row = isUuid(id) ? await lockJob(uow.manager, id) : null;
    if (!row) throw new NotFoundError('Job', id);
    if (row.state !== JobState.DEAD) throw new ConflictError(`Job ${id} is ${row.state}; only dead jobs can be retried`);
    // Bull keeps the failed job under the same id and would ignore it being queued again.
    await currentJobSystem()?.forgetBrokerJob(row.queue, row.id);
    const reset = await resetForRetry(uow.manager, id);
    await jobDefinition(row.queue)?.onRetry?.(ctx, uow, row.payload as never);
    return reset;
  });
  currentJobSystem()?.poke();
  return job;
}
