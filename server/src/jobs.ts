import type { DataSource } from 'typeorm';
import type { Config } from './config/env';
import { JobSystem } from './kernel/jobs/job-system';
import { jobDefinitions } from './application';

/**
 * The job system of an API or worker process, from configuration: Bull on REDIS_URL (an API
 * process hands committed jobs to Redis; workers run them) or, without Redis, in-process from the
 * outbox (only processes with `workers` run them).
 */
export function startJobs(ds: DataSource, cfg: Config, workers: boolean): JobSystem {
  return JobSystem.start(ds, {
    jobs: jobDefinitions(),
    redisUrl: cfg.REDIS_URL,
    prefix: cfg.REDIS_PREFIX,
    workers,
    concurrency: cfg.JOB_CONCURRENCY,
    leaseMs: cfg.JOB_LEASE_MS,
    pollMs: cfg.JOB_POLL_MS,
    policy: cfg.JOB_BACKOFF_MS ? { backoffMs: cfg.JOB_BACKOFF_MS } : undefined,
  });
}
