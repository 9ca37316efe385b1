import Bull from 'bull';
import type { DataSource } from 'typeorm';
import { onAnyCommitted } from '../events/domain-events';
import { logger } from '../logger';
import { Pump } from '../pump';
import { backoffDelay, JobDefinition, RetryPolicy } from './job.types';
import { extendLeases, lockForDispatch, lockHandedOver, markDeadIfRunning, markDispatched, markRequeued, startAttempt } from './outbox-store';
import { runAttempt } from './run-attempt';

export interface BullOptions {
  redisUrl: string;
  prefix: string;
  workerId: string;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  policies: Map<string, RetryPolicy>;
  /** How often to check that Redis still holds the jobs handed to it (see checkPass). */
  reconcileMs: number;
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
const BATCH = 100;
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit'; // Bull's failedReason
// The check for lost jobs holds row locks while it asks Redis: never for long.
const REDIS_CALL_TIMEOUT_MS = 5_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

function withTimeout<T>(work: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer from Redis within ${REDIS_CALL_TIMEOUT_MS} ms`)), REDIS_CALL_TIMEOUT_MS);
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * Bull queues on Redis for the outbox: a dispatcher that hands committed rows to Bull (job id =
 * row id, so a row is queued once however many dispatchers race), processors that run the
 * handlers, and a check that hands over again what Redis lost. Keys live under the configured
 * prefix. The outbox stays the record of what must run: Redis only carries it to the workers.
 */
export class BullBroker {
  private readonly queues = new Map<string, Bull.Queue>();
  private readonly dispatcher = new Pump(() => this.dispatchAll(), 'dispatching jobs to Redis failed; will try again');
  private readonly checker = new Pump(() => this.checkPass(), 'checking Redis for lost jobs failed; will try again');
  /** The next check covers every handed-over row, however recent (after a (re)connect). */
  private checkEverything = true;
  private stopped = false;
  private pollTimers: NodeJS.Timeout[] = [];
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private processing = false;
  /** Attempts running in this process, by job id, whose leases the heartbeat renews. */
  private readonly running = new Map<string, number>();
  // Redis may be back without its data (a restart without persistence, a failover).
  private readonly onRedisReady = () => {
    this.checkEverything = true;
    this.checker.poke();
  };

  constructor(
    private readonly ds: DataSource,
    private readonly defs: Map<string, JobDefinition<never>>,
    private readonly opts: BullOptions,
  ) {}

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

  /**
   * Hands committed outbox rows to Bull, now and on every local commit and poll tick; checks for
   * lost jobs on every connection to Redis and every `reconcileMs`.
   */
  startDispatcher(): void {
    this.unsubscribe = onAnyCommitted(() => this.poke());
    this.pollTimers.push(setInterval(() => this.poke(), this.opts.pollMs));
    this.pollTimers.push(setInterval(() => this.checker.poke(), this.opts.reconcileMs));
    for (const t of this.pollTimers) t.unref();
    for (const name of this.defs.keys()) this.queue(name).client.on('ready', this.onRedisReady);
    this.poke();
    this.checker.poke();
  }

  poke(): void {
    this.dispatcher.poke();
  }

  /** Moves every due PENDING row to its queue; returns how many it moved. */
  async dispatchAll(): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.ds.transaction(async (m) => {
        const rows = await lockForDispatch(m, [...this.defs.keys()], BATCH);
        if (!rows.length) return 0;
        // If this transaction fails after some adds, the rows stay PENDING and are added again:
        // Bull ignores a job id it already holds, and the processor skips finished rows.
        await Promise.all(rows.map((r) => this.queue(r.queue).add(r.payload, this.jobOptions(r.id))));
        await markDispatched(
          m,
          rows.map((r) => r.id),
        );
        return rows.length;
      });
      moved += n;
      if (n < BATCH) return moved;
    }
  }

  private jobOptions(id: string, delayMs = 0): Bull.JobOptions {
    return {
      jobId: id,
      ...(delayMs > 0 ? { delay: Math.ceil(delayMs) } : {}),
      attempts: BULL_ATTEMPTS_CEILING,
      backoff: { type: BACKOFF },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600, count: 1000 },
    };
  }

  /**
   * One check for lost jobs. After a (re)connect, or when Redis has lost the marker key (a
   * restart this process slept through, a flush), every unfinished row; otherwise the rows that
   * aged past `reconcileMs` since about the last check (a hand-over that Redis lost just after
   * the check on reconnect) and attempts whose lease ran out (their worker is gone).
   */
  private async checkPass(): Promise<void> {
    if (this.stopped) return;
    const clients = [...this.defs.keys()].map((name) => this.queue(name).client);
    // While a connection is down the check would only wait; its 'ready' starts a full one.
    if (clients.some((c) => c.status !== 'ready')) return;
    const markerKey = `${this.opts.prefix}:outbox:marker`;
    const markerWasGone = (await withTimeout(clients[0].set(markerKey, new Date().toISOString(), 'NX'), 'setting the marker')) === 'OK';
    const everything = this.checkEverything || markerWasGone;
    this.checkEverything = false;
    try {
      const every = this.opts.reconcileMs;
      await this.requeueLost(everything ? undefined : { olderThanMs: every, newerThanMs: 3 * every });
    } catch (err) {
      this.checkEverything ||= everything;
      throw err;
    }
  }

  /**
   * Queues again the unfinished rows (all, or those changed within `window`) whose job Redis no
   * longer holds in any state: it restarted without its data, or a failover lost the latest
   * writes. Returns how many. Bull keeps a job's record until its row is finished (the row is
   * marked done before Bull hears the job completed, and Bull keeps finished jobs for a day), and
   * a running attempt keeps its lease alive, so the rows found here are jobs Redis lost and
   * attempts whose worker died with them: none is running, so each job still runs once.
   */
  async requeueLost(window?: { olderThanMs: number; newerThanMs: number }): Promise<number> {
    let requeued = 0;
    let after = NIL_UUID;
    for (;;) {
      const page = await this.ds.transaction(async (m) => {
        const rows = await lockHandedOver(m, [...this.defs.keys()], window ?? null, after, BATCH);
        if (!rows.length) return null;
        const present = await withTimeout(
          Promise.all(
            rows.map((r) => {
              const q = this.queue(r.queue);
              return q.client.exists(q.toKey(r.id));
            }),
          ),
          'looking up queued jobs',
        );
        const lost = rows.filter((_, i) => present[i] === 0);
        if (lost.length) {
          await withTimeout(Promise.all(lost.map((r) => this.queue(r.queue).add(r.payload, this.jobOptions(r.id, r.delayMs)))), 'queueing lost jobs again');
          await markRequeued(
            m,
            lost.map((r) => r.id),
          );
        }
        return { last: rows[rows.length - 1].id, lost: lost.length, more: rows.length === BATCH };
      });
      if (!page) break;
      requeued += page.lost;
      after = page.last;
      if (!page.more) break;
    }
    if (requeued) logger.warn({ requeued }, 'Redis had lost jobs handed to it; queued them again from the outbox');
    return requeued;
  }

  /** Runs the handlers of every defined queue in this process. */
  startProcessing(): void {
    this.processing = true;
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.opts.leaseMs / 3)));
    this.heartbeat.unref();
    for (const [name, def] of this.defs) {
      const q = this.queue(name);
      q.on('failed', (job, err) => {
        // Failures we decided are recorded already; this catches Bull giving up on its own (a job
        // that stalled too often). Other failures Bull retries.
        const bullGaveUp = job.attemptsMade >= (job.opts.attempts ?? 1) || job.failedReason === STALLED_TOO_OFTEN;
        if (bullGaveUp) void markDeadIfRunning(this.ds, String(job.id), err).catch((e) => logger.warn({ err: e }, 'recording a failed job'));
      });
      q.process(this.opts.concurrency, async (job) => {
        const id = String(job.id);
        const claimed = await startAttempt(this.ds, id, this.opts.workerId, this.opts.leaseMs);
        if (claimed === 'finished') return; // a duplicate delivery
        // Bull tries again after the backoff: by then that attempt has finished, or its lease has run out.
        if (claimed === 'busy') throw new Error('another attempt of this job is running');
        this.running.set(id, (this.running.get(id) ?? 0) + 1);
        try {
          const outcome = await runAttempt(this.ds, def, claimed, this.opts.policies.get(name)!, this.opts.workerId);
          if (outcome.error) {
            if (outcome.final) await job.discard();
            throw outcome.error;
          }
        } finally {
          const n = this.running.get(id)! - 1;
          if (n) this.running.set(id, n);
          else this.running.delete(id);
        }
      }).catch((err) => logger.error({ err, queue: name }, 'job processor stopped'));
    }
  }

  private async renewLeases(): Promise<void> {
    try {
      await extendLeases(this.ds, [...this.running.keys()], this.opts.workerId, this.opts.leaseMs);
    } catch (err) {
      logger.warn({ err }, 'renewing job leases failed');
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
    for (const t of this.pollTimers) clearInterval(t);
    this.unsubscribe?.();
    for (const q of this.queues.values()) q.client.off('ready', this.onRedisReady);
    await Promise.all([this.dispatcher.close(), this.checker.close()]);
    const closing = Promise.all([...this.queues.values()].map((q) => q.close()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([closing.then(() => 'closed' as const), timedOut]);
    clearTimeout(timer);
    clearInterval(this.heartbeat); // running attempts keep their leases until here
    if (result === 'timeout') {
      logger.warn('stopped with jobs still running; Bull hands them to another worker once their lock expires');
      for (const q of this.queues.values()) for (const c of q.clients) c.disconnect();
    }
  }

  get isProcessing(): boolean {
    return this.processing;
  }
}
