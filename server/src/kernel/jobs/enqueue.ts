import type { EntityManager } from 'typeorm';
import type { JobDefinition } from './job.types';

/**
 * Records the intent to run a job, in the caller's transaction: it exists only if the business
 * change commits, and then it runs (at least once). Returns the job id.
 */
export async function enqueueJob<P>(manager: EntityManager, def: JobDefinition<P>, payload: P, opts: { runAt?: Date } = {}): Promise<string> {
  const [row] = await manager.query(`INSERT INTO "outbox" ("queue", "payload", "runAt") VALUES ($1, $2, COALESCE($3::timestamptz, now())) RETURNING "id"`, [
    def.queue,
    payload,
    opts.runAt ?? null,
  ]);
  return row.id;
}
