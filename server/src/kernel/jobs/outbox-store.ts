import type { DataSource, EntityManager } from 'typeorm';
import { reader } from '../data/reader';
import { JobState, OutboxJob } from './outbox.entity';

// Every state change of an outbox row, as SQL. An attempt's outcome is recorded only by the
// worker holding it (`lockedBy`), so a worker whose lease was taken over cannot overwrite it.

export interface ClaimedJob {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  attempts: number;
}

const CLAIMED = `o."id", o."queue", o."payload", o."attempts"`;
const ms = (p: string) => `make_interval(secs => ${p}::float8 / 1000)`;
const errorText = (err: unknown) => String((err as Error)?.message ?? err).slice(0, 2000) || 'Error';

/** In-process mode: claims due rows (and RUNNING rows whose lease ran out) for this worker. */
export async function claimDue(ds: DataSource, queues: string[], limit: number, workerId: string, leaseMs: number): Promise<ClaimedJob[]> {
  return reader(ds).query(
    `UPDATE "outbox" o SET "state" = 'RUNNING', "attempts" = o."attempts" + 1, "lockedBy" = $3,
       "lockedUntil" = now() + ${ms('$4')}, "updatedAt" = now()
     FROM (SELECT "id" FROM "outbox"
           WHERE "queue" = ANY($1::text[])
             AND (("state" IN ('PENDING', 'RETRYING') AND "runAt" <= now())
                  -- another worker's lease ran out (our own attempts are still running here)
                  OR ("state" = 'RUNNING' AND "lockedUntil" < now() AND "lockedBy" IS DISTINCT FROM $3))
           ORDER BY "runAt", "id" LIMIT $2 FOR UPDATE SKIP LOCKED) c
     WHERE o."id" = c."id"
     RETURNING ${CLAIMED}`,
    [queues, limit, workerId, leaseMs],
  ) as Promise<ClaimedJob[]>;
}

/** Keeps the leases of running attempts alive (both modes). */
export async function extendLeases(ds: DataSource, ids: string[], workerId: string, leaseMs: number): Promise<void> {
  if (!ids.length) return;
  await reader(ds).query(`UPDATE "outbox" SET "lockedUntil" = now() + ${ms('$3')} WHERE "id" = ANY($1::uuid[]) AND "lockedBy" = $2 AND "state" = 'RUNNING'`, [
    ids,
    workerId,
    leaseMs,
  ]);
}

/** Bull mode: due rows to hand to Bull, locked until the caller's transaction ends (others skip them). */
export function lockForDispatch(m: EntityManager, queues: string[], limit: number): Promise<ClaimedJob[]> {
  return m.query(
    `SELECT o."id", o."queue", o."payload", o."attempts" FROM "outbox" o
     WHERE o."state" = 'PENDING' AND o."runAt" <= now() AND o."queue" = ANY($1::text[])
     ORDER BY o."runAt", o."id" LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [queues, limit],
  );
}

export async function markDispatched(m: EntityManager, ids: string[]): Promise<void> {
  // The time of the hand-over (after the adds), not of the transaction's start: the periodic
  // check for lost jobs looks at rows by when Redis got them.
  await m.query(`UPDATE "outbox" SET "state" = 'DISPATCHED', "updatedAt" = clock_timestamp() WHERE "id" = ANY($1::uuid[]) AND "state" = 'PENDING'`, [ids]);
}

/**
 * Bull mode: starts an attempt of a job Bull delivered, under a lease the worker keeps renewing
 * (`extendLeases`). 'finished' when the job is done or dead (or unknown): a duplicate delivery,
 * nothing to run. 'busy' while another attempt holds a live lease: Bull may deliver a job twice
 * (a Redis failover that lost the move to active, a lock that expired while Redis was away), and
 * the attempt in progress must not be joined by a second one. PENDING is accepted too: the
 * dispatcher may have handed the job over and then failed to record that.
 */
export async function startAttempt(ds: DataSource, id: string, workerId: string, leaseMs: number): Promise<ClaimedJob | 'finished' | 'busy'> {
  const rows: ClaimedJob[] = await reader(ds).query(
    `UPDATE "outbox" o SET "state" = 'RUNNING', "attempts" = o."attempts" + 1, "lockedBy" = $2,
       "lockedUntil" = now() + ${ms('$3')}, "updatedAt" = now()
     WHERE o."id" = $1 AND o."state" NOT IN ('DONE', 'DEAD')
       AND (o."state" <> 'RUNNING' OR o."lockedUntil" IS NULL OR o."lockedUntil" <= now())
     RETURNING ${CLAIMED}`,
    [id, workerId, leaseMs],
  );
  if (rows[0]) return rows[0];
  const [row] = await reader(ds).query(`SELECT "state" FROM "outbox" WHERE "id" = $1`, [id]);
  return row && row.state !== JobState.DONE && row.state !== JobState.DEAD ? 'busy' : 'finished';
}

export interface HandedOverJob extends ClaimedJob {
  state: JobState;
  /** How long until the job is due (a retry waiting for its backoff); 0 when due. */
  delayMs: number;
}

/**
 * Bull mode: rows handed to Bull and not finished — queued, or waiting for a retry (all of them,
 * or those changed within `window`), or running under a lease that ran out (its worker is gone) —
 * locked until the caller's transaction ends; pages by id after `afterId`.
 */
export function lockHandedOver(
  m: EntityManager,
  queues: string[],
  window: { olderThanMs: number; newerThanMs: number } | null,
  afterId: string,
  limit: number,
): Promise<HandedOverJob[]> {
  return m.query(
    `SELECT o."id", o."queue", o."payload", o."attempts", o."state",
       GREATEST(0, EXTRACT(EPOCH FROM o."runAt" - now()) * 1000)::float8 AS "delayMs"
     FROM "outbox" o
     WHERE o."queue" = ANY($1::text[]) AND o."id" > $2::uuid
       AND ((o."state" = 'RUNNING' AND (o."lockedUntil" IS NULL OR o."lockedUntil" < now()))
            OR (o."state" IN ('DISPATCHED', 'RETRYING')
                AND ($3::float8 IS NULL OR o."updatedAt" BETWEEN now() - ${ms('$4')} AND now() - ${ms('$3')})))
     ORDER BY o."id" LIMIT $5 FOR UPDATE SKIP LOCKED`,
    [queues, afterId, window?.olderThanMs ?? null, window?.newerThanMs ?? null, limit],
  );
}

/** Bull mode: an attempt whose worker is gone, queued again: no attempt runs until Bull delivers it. */
export async function markRequeued(m: EntityManager, ids: string[]): Promise<void> {
  await m.query(
    `UPDATE "outbox" SET "state" = 'DISPATCHED', "lockedBy" = NULL, "lockedUntil" = NULL, "updatedAt" = now()
     WHERE "id" = ANY($1::uuid[]) AND "state" = 'RUNNING'`,
    [ids],
  );
}

async function finish(ds: DataSource, id: string, workerId: string, set: string, params: unknown[]): Promise<boolean> {
  const rows = await reader(ds).query(
    `UPDATE "outbox" SET ${set}, "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = now()
     WHERE "id" = $1 AND "lockedBy" = $2 AND "state" = 'RUNNING' RETURNING "id"`,
    [id, workerId, ...params],
  );
  return rows.length > 0;
}

export const markDone = (ds: DataSource, id: string, workerId: string) => finish(ds, id, workerId, `"state" = 'DONE', "finishedAt" = now()`, []);

export const markRetrying = (ds: DataSource, id: string, workerId: string, delayMs: number, err: unknown) =>
  finish(ds, id, workerId, `"state" = 'RETRYING', "runAt" = now() + ${ms('$3')}, "lastError" = $4`, [delayMs, errorText(err)]);

export const markDead = (ds: DataSource, id: string, workerId: string, err: unknown) =>
  finish(ds, id, workerId, `"state" = 'DEAD', "finishedAt" = now(), "lastError" = $3`, [errorText(err)]);

/** Bull mode: a job Bull failed on its own (e.g. stalled too often) while the row still shows it running. */
export async function markDeadIfRunning(ds: DataSource, id: string, err: unknown): Promise<void> {
  await reader(ds).query(
    `UPDATE "outbox" SET "state" = 'DEAD', "finishedAt" = now(), "lastError" = $2, "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = now()
     WHERE "id" = $1 AND "state" IN ('RUNNING', 'DISPATCHED')`,
    [id, errorText(err)],
  );
}

/** Finished jobs are kept for a while for the admin view, then deleted. */
export async function pruneDone(ds: DataSource, keepDays: number): Promise<void> {
  await reader(ds).query(`DELETE FROM "outbox" WHERE "state" = 'DONE' AND "updatedAt" < now() - make_interval(days => $1)`, [keepDays]);
}

export async function countByState(ds: DataSource): Promise<{ queue: string; state: JobState; n: number }[]> {
  return reader(ds).query(`SELECT "queue", "state", count(*)::int AS "n" FROM "outbox" GROUP BY 1, 2`);
}

/** Jobs whose last attempt failed, newest first: dead ones and those waiting to retry. */
export async function recentFailures(ds: DataSource, limit: number, queue?: string | null): Promise<OutboxJob[]> {
  const rows = await reader(ds).query(
    `SELECT * FROM "outbox" WHERE "state" IN ('DEAD', 'RETRYING') AND ($2::text IS NULL OR "queue" = $2)
     ORDER BY "updatedAt" DESC, "id" LIMIT $1`,
    [limit, queue ?? null],
  );
  return rows.map((r: OutboxJob) => Object.assign(new OutboxJob(), r));
}

export async function lockJob(m: EntityManager, id: string): Promise<OutboxJob | null> {
  const [row] = await m.query(`SELECT * FROM "outbox" WHERE "id" = $1 FOR UPDATE`, [id]);
  return row ? Object.assign(new OutboxJob(), row) : null;
}

/** Puts a dead job back to the start: due now, attempts from zero. */
export async function resetForRetry(m: EntityManager, id: string): Promise<OutboxJob> {
  const [rows] = await m.query(
    `UPDATE "outbox" SET "state" = 'PENDING', "attempts" = 0, "runAt" = now(), "finishedAt" = NULL, "lastError" = NULL,
       "lockedUntil" = NULL, "lockedBy" = NULL, "updatedAt" = now()
     WHERE "id" = $1 RETURNING *`,
    [id],
  );
  return Object.assign(new OutboxJob(), rows[0]);
}
