import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { logger } from '../logger';
import type { BrokerCounts, BullBroker } from './bull-broker';
import { InProcessRunner } from './in-process-runner';
import { JobDefinition, policyOf, RetryPolicy } from './job.types';
import { pruneDone } from './outbox-store';

export type JobMode = 'BULL' | 'IN_PROCESS';

export interface JobSystemOptions {
  jobs: JobDefinition<never>[];
  /** With a Redis URL jobs go through Bull queues; without, they run in-process from the outbox. */
  redisUrl?: string;
  /** Namespace of every Bull key. */
  prefix?: string;
  /** Run handlers in this process (a worker); otherwise only hand jobs over (an API instance with Redis). */
  workers: boolean;
  concurrency?: number;
  /** How long a worker holds a job before others treat it as stalled (Bull lock / outbox lease). */
  leaseMs?: number;
  /** How often to look for due jobs besides being woken by local commits. */
  pollMs?: number;
  /** Overrides every definition's retry policy (tests use short backoffs). */
  policy?: Partial<RetryPolicy>;
  /** Days finished jobs are kept for the admin view. */
  keepDoneDays?: number;
  /** Bull mode: how often to check that Redis still holds the jobs handed to it (also on every reconnect). */
  reconcileMs?: number;
}

let current: JobSystem | undefined;

/** The job system of this process (the admin view reads broker counts through it). */
export function currentJobSystem(): JobSystem | undefined {
  return current;
}

/**
 * Background jobs for one process: Bull on Redis (dispatcher here; processors when this process is
 * a worker) or, without Redis, the in-process outbox runner. Both use the same handlers, retry
 * policy, dead-letter state and outbox record.
 */
export class JobSystem {
  readonly mode: JobMode;
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly bull?: BullBroker;
  private readonly runner?: InProcessRunner;
  private pruneTimer: NodeJS.Timeout | undefined;

  private constructor(
    ds: DataSource,
    readonly opts: JobSystemOptions,
  ) {
    const defs = new Map(opts.jobs.map((d) => [d.queue, d]));
    const policies = new Map(opts.jobs.map((d) => [d.queue, policyOf(d, opts.policy)]));
    const common = { workerId: this.workerId, concurrency: opts.concurrency ?? 5, leaseMs: opts.leaseMs ?? 30_000, pollMs: opts.pollMs ?? 1000, policies };
    this.mode = opts.redisUrl ? 'BULL' : 'IN_PROCESS';
    if (opts.redisUrl) {
      // Loaded only with Redis: Bull and ioredis add about a second to start-up.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { BullBroker: Broker } = require('./bull-broker') as typeof import('./bull-broker');
      this.bull = new Broker(ds, defs, {
        ...common,
        redisUrl: opts.redisUrl,
        prefix: opts.prefix ?? 'converge',
        reconcileMs: opts.reconcileMs ?? 30_000,
      });
    } else if (opts.workers) {
      this.runner = new InProcessRunner(ds, defs, common);
    }
  }

  static start(ds: DataSource, opts: JobSystemOptions): JobSystem {
    const js = new JobSystem(ds, opts);
    js.bull?.startDispatcher();
    if (opts.workers) js.bull?.startProcessing();
    js.runner?.start();
    if (opts.workers) {
      const prune = () => void pruneDone(ds, opts.keepDoneDays ?? 7).catch((err) => logger.warn({ err }, 'pruning finished jobs failed'));
      js.pruneTimer = setInterval(prune, 3_600_000);
      js.pruneTimer.unref();
    }
    current = js;
    return js;
  }

  get queues(): string[] {
    return this.opts.jobs.map((d) => d.queue);
  }

  /** Looks for due jobs now. */
  poke(): void {
    this.bull?.poke();
    this.runner?.poke();
  }

  /** Bull mode: hands every due outbox row to Bull now; returns how many. */
  dispatchNow(): Promise<number> {
    return this.bull ? this.bull.dispatchAll() : Promise.resolve(0);
  }

  /** Bull mode: queues again the unfinished jobs Redis no longer holds; returns how many. */
  requeueLost(): Promise<number> {
    return this.bull ? this.bull.requeueLost() : Promise.resolve(0);
  }

  /** Bull's own counts for a queue (null in-process). */
  brokerCounts(queue: string): Promise<BrokerCounts | null> {
    return this.bull && this.queues.includes(queue) ? this.bull.counts(queue) : Promise.resolve(null);
  }

  /** Bull mode: drops Bull's record of a finished job so it can be queued again under its id. */
  async forgetBrokerJob(queue: string, id: string): Promise<void> {
    if (this.bull && this.queues.includes(queue)) await this.bull.removeJob(queue, id);
  }

  /** Stops taking work and lets running jobs finish, waiting at most `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    clearInterval(this.pruneTimer);
    if (current === this) current = undefined;
    await Promise.all([this.bull?.stop(timeoutMs), this.runner?.stop(timeoutMs)]);
  }
}
