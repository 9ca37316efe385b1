import Redis from 'ioredis';
import type { DataSource } from 'typeorm';
import { JobSystem, JobSystemOptions } from '../src/kernel/jobs/job-system';
import { sharedRedisUrl, workerRedisPrefix } from './redis';

export type TestJobMode = 'bull' | 'in-process';
export const JOB_MODES: TestJobMode[] = ['bull', 'in-process'];

let seq = 0;

/**
 * A job system for a test: Bull on the shared Redis under a prefix of its own, or in-process;
 * short poll, lease and backoff so retries take milliseconds.
 */
export function startTestJobs(ds: DataSource, mode: TestJobMode, opts: Partial<JobSystemOptions> & Pick<JobSystemOptions, 'jobs'>): JobSystem {
  return JobSystem.start(ds, {
    workers: true,
    pollMs: 50,
    leaseMs: 2000,
    concurrency: 4,
    ...opts,
    policy: { backoffMs: 20, ...opts.policy },
    ...(mode === 'bull' ? { redisUrl: opts.redisUrl ?? sharedRedisUrl(), prefix: opts.prefix ?? testRedisPrefix() } : { redisUrl: undefined }),
  });
}

/** A Redis key prefix of this jest worker, unique per call. */
export function testRedisPrefix(): string {
  return workerRedisPrefix(`jobs${++seq}`);
}

/** Deletes the keys under a prefix (and only those) from the shared Redis. */
export async function clearRedisPrefix(prefix: string, url = sharedRedisUrl()): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** Polls until `probe` returns something truthy; fails with `what` (computed then, if a function) after `timeoutMs`. */
export async function waitFor<T>(
  what: string | (() => string),
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
