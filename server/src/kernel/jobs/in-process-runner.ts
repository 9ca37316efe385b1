import type { DataSource } from 'typeorm';
import { onAnyCommitted } from '../events/domain-events';
import { logger } from '../logger';
import { Pump } from '../pump';
import type { JobDefinition, RetryPolicy } from './job.types';
import { ClaimedJob, claimDue, extendLeases } from './outbox-store';
import { runAttempt } from './run-attempt';

export interface InProcessOptions {
  workerId: string;
  concurrency: number;
  leaseMs: number;
  pollMs: number;
  policies: Map<string, RetryPolicy>;
}

/**
 * Runs jobs straight from the outbox (no Redis): claims due rows with SKIP LOCKED under a lease
 * it keeps renewing, so several processes share the work and a killed worker's rows are taken
 * over once their lease runs out. Woken by local commits and by a timer for other processes'.
 */
export class InProcessRunner {
  private readonly running = new Map<string, Promise<void>>();
  private readonly filler = new Pump(() => this.fill(), 'claiming jobs failed');
  private stopped = false;
  private timers: NodeJS.Timeout[] = [];
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly defs: Map<string, JobDefinition<never>>,
    private readonly opts: InProcessOptions,
  ) {}

  start(): void {
    this.unsubscribe = onAnyCommitted(() => this.poke());
    this.timers.push(setInterval(() => this.poke(), this.opts.pollMs));
    this.timers.push(setInterval(() => void this.heartbeat(), Math.max(50, Math.floor(this.opts.leaseMs / 3))));
    for (const t of this.timers) t.unref();
    this.poke();
  }

  /** Claims work now, or right after the claim in progress. */
  poke(): void {
    this.filler.poke();
  }

  private async fill(): Promise<void> {
    while (!this.stopped && this.running.size < this.opts.concurrency) {
      const rows = await claimDue(this.ds, [...this.defs.keys()], this.opts.concurrency - this.running.size, this.opts.workerId, this.opts.leaseMs);
      for (const row of rows) this.launch(row);
      if (!rows.length) return;
    }
  }

  private launch(job: ClaimedJob): void {
    const def = this.defs.get(job.queue)!;
    const run = runAttempt(this.ds, def, job, this.opts.policies.get(job.queue)!, this.opts.workerId)
      .then(() => undefined)
      .catch((err) => logger.error({ err, jobId: job.id }, 'recording a job attempt failed; its lease will run out and it will be retried'))
      .finally(() => {
        this.running.delete(job.id);
        this.poke();
      });
    this.running.set(job.id, run);
  }

  private async heartbeat(): Promise<void> {
    try {
      await extendLeases(this.ds, [...this.running.keys()], this.opts.workerId, this.opts.leaseMs);
    } catch (err) {
      logger.warn({ err }, 'renewing job leases failed');
    }
  }

  /** Takes no new work; waits up to `timeoutMs` for running attempts (the rest are taken over later). */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.filler.close();
    const drained = Promise.all(this.running.values());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const result = await Promise.race([drained.then(() => 'drained' as const), timedOut]);
    clearTimeout(timer);
    for (const t of this.timers) clearInterval(t);
    if (result === 'timeout')
      logger.warn({ jobs: [...this.running.keys()] }, 'stopped with jobs still running; their leases will run out and others take them over');
  }
}
