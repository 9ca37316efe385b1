import Bull from 'bull';
import type { DataSource } from 'typeorm';
import { onAnyCommitted } from '../events/domain-events';
import { logger } from '../logger';
import { backoffDelay, JobDefinition, RetryPolicy } from './job.types';
import { lockForDispatch, markDeadIfRunning, markDispatched, startAttempt } from './outbox-store';
import { runAttempt } from './run-attempt';

export interface BullOptions {
  redisUrl: string;
  prefix: string;
  workerId: string;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  policies: Map<string, RetryPolicy>;
}

export interface BrokerCounts {
  waiting: number;
  active: number;
  delayed: number;
  completed: number;
  failed: number;
}

// The outbox row decides when a job is dead (the same policy as in-process); Bull only needs to
// keep retrying until then, with our backoff.
const BULL_ATTEMPTS_CEILING = 1000;
const BACKOFF = 'outbox';
const DISPATCH_BATCH = 100;
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit'; // Bull's failedReason

/**
 * Bull queues on Redis for the outbox: a dispatcher that hands committed rows to Bull (job id =
 * row id, so a row is queued once however many dispatchers race), and processors that run the
 * handlers. Keys live under the configured prefix.
 */
export class BullBroker {
  private readonly queues = new Map<string, Bull.Queue>();
  private dispatching: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private processing = false;

  constructor(private readonly ds: DataSource, private readonly defs: Map<string, JobDefinition<never>>, private readonly opts: BullOptions) {}

  queue(name: string): Bull.Queue {
    let q = this.queues.get(name);
    if (!q) {
      const policy = this.opts.policies.get(name)!;
      q = new Bull(name, this.opts.redisUrl, {
        prefix: this.opts.prefix,
        settings: {
          lockDuration: this.opts.leaseMs,
          stalledInterval: this.opts.leaseMs,
          maxStalledCount: 2,
          backoffStrategies: { [BACKOFF]: (attemptsMade: number) => backoffDelay(policy, attemptsMade) },
        },
      });
      q.on('error', (err) => logger.warn({ err, queue: name }, 'job queue error'));
      this.queues.set(name, q);
    }
    return q;
  }

  /** Hands committed outbox rows to Bull, now and on every local commit and poll tick. */
  startDispatcher(): void {
    this.unsubscribe = onAnyCommitted(() => this.poke());
    this.timer = setInterval(() => this.poke(), this.opts.pollMs);
    this.timer.unref();
    this.poke();
  }

  poke(): void {
    if (this.stopped) return;
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = this.dispatchAll()
      .then(() => undefined, (err) => logger.warn({ err }, 'dispatching jobs to Redis failed; will try again'))
      .finally(() => {
        this.dispatching = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Moves every due PENDING row to its queue; returns how many it moved. */
  async dispatchAll(): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.ds.transaction(async (m) => {
        const rows = await lockForDispatch(m, [...this.defs.keys()], DISPATCH_BATCH);
        if (!rows.length) return 0;
        // If this transaction fails after some adds, the rows stay PENDING and are added again:
        // Bull ignores a job id it already holds, and the processor skips finished rows.
        await Promise.all(rows.map((r) => this.queue(r.queue).add(r.payload, {
          jobId: r.id,
          attempts: BULL_ATTEMPTS_CEILING,
          backoff: { type: BACKOFF },
          removeOnComplete: { age: 24 * 3600, count: 1000 },
          removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
        })));
        await markDispatched(m, rows.map((r) => r.id));
        return rows.length;
      });
      moved += n;
      if (n < DISPATCH_BATCH) return moved;
    }
  }

  /** Runs the handlers of every defined queue in this process. */
  startProcessing(): void {
    this.processing = true;
    for (const [name, def] of this.defs) {
      const q = this.queue(name);
      q.on('failed', (job, err) => {
        // Failures we decided are recorded already; this catches Bull giving up on its own (a job
        // that stalled too often). Other failures Bull retries.
        const bullGaveUp = job.attemptsMade >= (job.opts.attempts ?? 1) || job.failedReason === STALLED_TOO_OFTEN;
        if (bullGaveUp) void markDeadIfRunning(this.ds, String(job.id), err).catch((e) => logger.warn({ err: e }, 'recording a failed job'));
      });
      q.process(this.opts.concurrency, async (job) => {
        const claimed = await startAttempt(this.ds, String(job.id), this.opts.workerId);
        if (!claimed) return; // finished already: a duplicate delivery
        const outcome = await runAttempt(this.ds, def, claimed, this.opts.policies.get(name)!, this.opts.workerId);
        if (outcome.error) {
          if (outcome.final) await job.discard();
          throw outcome.error;
        }
      }).catch((err) => logger.error({ err, queue: name }, 'job processor stopped'));
    }
  }

  async counts(name: string): Promise<BrokerCounts> {
    const c = await this.queue(name).getJobCounts();
    return { waiting: c.waiting, active: c.active, delayed: c.delayed, completed: c.completed, failed: c.failed };
  }

  /** Forgets Bull's record of a finished job, so the same id can be queued again. */
  async removeJob(name: string, id: string): Promise<void> {
    const job = await this.queue(name).getJob(id);
    if (job && !(await job.isActive())) await job.remove();
  }

  /** Stops dispatching; lets running jobs finish (up to `timeoutMs`), then closes the connections. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.dispatching;
    const closing = Promise.all([...this.queues.values()].map((q) => q.close()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const result = await Promise.race([closing.then(() => 'closed' as const), timedOut]);
    clearTimeout(timer);
    if (result === 'timeout') {
      logger.warn('stopped with jobs still running; Bull hands them to another worker once their lock expires');
      for (const q of this.queues.values()) for (const c of q.clients) c.disconnect();
    }
  }

  get isProcessing(): boolean {
    return this.processing;
  }
}
