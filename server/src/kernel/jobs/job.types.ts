import type { DataSource } from 'typeorm';
import type { Context } from '../context';
import type { UnitOfWork } from '../events/unit-of-work';

/** What a handler gets besides its payload. */
export interface JobContext {
  ds: DataSource;
  jobId: string;
  queue: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
}

export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the job is dead. */
  attempts: number;
  /** Delay before the second attempt; it doubles for each further one (exponential backoff). */
  backoffMs: number;
}

/**
 * A kind of background job. Handlers must be idempotent: a job runs at least once, and again
 * after a crash or a lost lease.
 */
export interface JobDefinition<P = Record<string, unknown>> {
  queue: string;
  attempts?: number;
  backoffMs?: number;
  handle(payload: P, ctx: JobContext): Promise<void>;
  /** Runs once the last attempt has failed (e.g. to record the failure on the business record). */
  onDead?(payload: P, error: Error, ctx: JobContext): Promise<void>;
  /** Runs in the transaction in which an admin retries a dead job (e.g. to reset the record's status). */
  onRetry?(ctx: Context, uow: UnitOfWork, payload: P): Promise<void>;
}

/** A failure that no retry can fix: the job is dead at once. */
export class PermanentJobError extends Error {}

export const DEFAULT_POLICY: RetryPolicy = { attempts: 5, backoffMs: 2000 };
const MAX_BACKOFF_MS = 3_600_000;

export function policyOf(def: JobDefinition<never>, overrides: Partial<RetryPolicy> = {}): RetryPolicy {
  return {
    attempts: overrides.attempts ?? def.attempts ?? DEFAULT_POLICY.attempts,
    backoffMs: overrides.backoffMs ?? def.backoffMs ?? DEFAULT_POLICY.backoffMs,
  };
}

/** Delay after failed attempt number `attempt` (1-based): backoff, 2×, 4×, ... capped at an hour. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  return Math.min(MAX_BACKOFF_MS, policy.backoffMs * 2 ** Math.max(0, attempt - 1));
}

const registry = new Map<string, JobDefinition<never>>();

/** Declares a kind of job; its queue name must be unique. */
export function defineJob<P>(def: JobDefinition<P>): JobDefinition<P> {
  if (registry.has(def.queue) && registry.get(def.queue) !== (def as unknown)) throw new Error(`Job queue ${def.queue} is defined twice`);
  registry.set(def.queue, def as unknown as JobDefinition<never>);
  return def;
}

export function jobDefinition(queue: string): JobDefinition<never> | undefined {
  return registry.get(queue);
}

export function definedQueues(): string[] {
  return [...registry.keys()].sort();
}
