import { randomUUID } from 'node:crypto';
import Bull from 'bull';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../test/database';
import { clearRedisPrefix, startTestJobs, testRedisPrefix, waitFor } from '../../../test/jobs';
import { RedisServer, sharedRedisUrl, startRedisServer } from '../../../test/redis';
import { enqueueJob } from './enqueue';
import { defineJob, JobContext } from './job.types';
import type { JobSystem } from './job-system';

// Redis carries jobs to the workers; the outbox is the record of what must run. Jobs already
// handed to Bull survive Redis losing its data (a private redis-server without persistence,
// killed with SIGKILL and started again empty), and Bull delivering a job twice does not run it
// twice: every job still runs once.

let ds: DataSource;
const systems: JobSystem[] = [];
const sharedPrefixes: string[] = [];
beforeAll(async () => {
  ds = await openTestDataSource();
});
afterEach(async () => {
  for (const key of gateWaiters.keys()) openGate(key); // a failed test leaves no handler waiting
  await Promise.all(systems.splice(0).map((s) => s.stop(5000)));
  await Promise.all(sharedPrefixes.splice(0).map((p) => clearRedisPrefix(p)));
});
afterAll(async () => {
  await ds.destroy();
});

type Payload = { key: string; gated?: boolean; flaky?: boolean };
const started = new Map<string, number>(); // handler runs begun, by key
const completed = new Map<string, number>(); // handler runs that got to the end
const bump = (counts: Map<string, number>, key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);

const opened = new Set<string>();
const gateWaiters = new Map<string, (() => void)[]>();
const passGate = (key: string) =>
  opened.has(key) ? Promise.resolve() : new Promise<void>((resolve) => gateWaiters.set(key, [...(gateWaiters.get(key) ?? []), resolve]));
function openGate(key: string): void {
  opened.add(key);
  for (const resolve of gateWaiters.get(key) ?? []) resolve();
}

async function handle({ key, gated, flaky }: Payload, ctx: JobContext): Promise<void> {
  bump(started, key);
  if (gated) await passGate(key);
  if (flaky && ctx.attempt === 1) throw new Error('the first attempt fails');
  bump(completed, key);
}
const gatedJob = defineJob<Payload>({ queue: 'test.redis-loss.gated', handle });
const flakyJob = defineJob<Payload>({ queue: 'test.redis-loss.flaky', handle });
const workJob = defineJob<Payload>({ queue: 'test.redis-loss.work', handle });

function start(opts: Parameters<typeof startTestJobs>[2]): JobSystem {
  const s = startTestJobs(ds, 'bull', opts);
  systems.push(s);
  return s;
}

const enqueue = (def: { queue: string }, payload: Payload) => ds.transaction((m) => enqueueJob(m, def as never, payload));
const row = async (id: string) => (await ds.query(`SELECT "state", "attempts" FROM "outbox" WHERE "id" = $1`, [id]))[0];
const statesOf = async (ids: string[]): Promise<string[]> =>
  (await ds.query(`SELECT "state" FROM "outbox" WHERE "id" = ANY($1::uuid[])`, [ids])).map((r: { state: string }) => r.state);
const queued = async (s: JobSystem, queue: string) => {
  const c = (await s.brokerCounts(queue))!;
  return c.waiting + c.active + c.delayed;
};

describe('jobs handed to Bull when Redis loses its data', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('are queued again from the outbox once Redis is back: each runs once, and the one running is left to finish', async () => {
    const common = { redisUrl: redis.url, prefix: testRedisPrefix(), concurrency: 1, policy: { backoffMs: 1500 } };
    // A worker for two queues, and an API instance (hands jobs over only) for a third whose worker
    // is not running yet.
    const worker = start({ ...common, jobs: [gatedJob, flakyJob] });
    const api = start({ ...common, jobs: [workJob], workers: false });

    const running: Payload = { key: randomUUID(), gated: true };
    const runningId = await enqueue(gatedJob, running);
    await waitFor('a job to be running', () => started.get(running.key));
    const retrying: Payload = { key: randomUUID(), flaky: true };
    const retryingId = await enqueue(flakyJob, retrying);
    await waitFor('a job to wait for its retry', async () => (await row(retryingId)).state === 'RETRYING');
    const waiting: Payload[] = Array.from({ length: 4 }, () => ({ key: randomUUID() }));
    const waitingIds = await Promise.all(waiting.map((p) => enqueue(workJob, p)));
    await waitFor('jobs to wait on their queue', async () => (await statesOf(waitingIds)).every((s) => s === 'DISPATCHED'));
    expect(await api.brokerCounts(workJob.queue)).toMatchObject({ waiting: 4 });
    expect(await worker.brokerCounts(flakyJob.queue)).toMatchObject({ delayed: 1 });
    expect(await worker.brokerCounts(gatedJob.queue)).toMatchObject({ active: 1 });

    await redis.kill();
    await redis.start(); // empty: it keeps nothing on disk

    // Both processes check the outbox against Redis once they are connected again.
    await waitFor('the waiting jobs to be queued again', async () => (await api.brokerCounts(workJob.queue))!.waiting === 4, 20_000);
    await waitFor('the retry to run', async () => (await row(retryingId)).state === 'DONE', 20_000);
    // That check (the one that queued the retry again) left the running job alone: its worker
    // keeps its lease alive. A check now finds nothing lost either.
    expect(await worker.requeueLost()).toBe(0);
    expect(await queued(worker, gatedJob.queue)).toBe(0);
    expect(started.get(running.key)).toBe(1);

    start({ ...common, jobs: [workJob] });
    await waitFor('the waiting jobs to run', async () => (await statesOf(waitingIds)).every((s) => s === 'DONE'));
    openGate(running.key);
    await waitFor('the running job to finish', async () => (await row(runningId)).state === 'DONE');

    // Nothing is left on any queue, so nothing more can run.
    for (const [s, queue] of [
      [worker, gatedJob.queue],
      [worker, flakyJob.queue],
      [api, workJob.queue],
    ] as const) {
      await waitFor(`${queue} to be empty`, async () => (await queued(s, queue)) === 0);
    }
    const keys = [running, retrying, ...waiting].map((p) => p.key);
    expect(keys.map((k) => completed.get(k))).toEqual(keys.map(() => 1));
    expect(keys.map((k) => started.get(k))).toEqual([1, 2, 1, 1, 1, 1]); // the retry: a failed attempt, then one that completed
    expect(await row(runningId)).toEqual({ state: 'DONE', attempts: 1 });
    expect(await row(retryingId)).toEqual({ state: 'DONE', attempts: 2 });
    expect(
      (await ds.query(`SELECT DISTINCT "attempts" FROM "outbox" WHERE "id" = ANY($1::uuid[])`, [waitingIds])).map((r: { attempts: number }) => r.attempts),
    ).toEqual([1]);
  }, 60_000);
});

describe('jobs Redis lost without a reconnect', () => {
  it('a hand-over lost right after it was made, and everything after a flush, are queued again by the periodic check', async () => {
    const prefix = testRedisPrefix();
    sharedPrefixes.push(prefix);
    const api = start({ jobs: [workJob], prefix, workers: false, reconcileMs: 1000 });
    const q = new Bull(workJob.queue, sharedRedisUrl(), { prefix });
    try {
      const jobs: Payload[] = Array.from({ length: 3 }, () => ({ key: randomUUID() }));
      const ids = await Promise.all(jobs.map((p) => enqueue(workJob, p)));
      await waitFor('the jobs to be handed over', async () => (await statesOf(ids)).every((st) => st === 'DISPATCHED'));

      // One hand-over lost (as a failover to a replica that missed it would): found once it has aged past the period.
      const recent: Payload = { key: randomUUID() };
      const recentId = await enqueue(workJob, recent);
      await waitFor('the job to be handed over', async () => (await row(recentId)).state === 'DISPATCHED');
      await (await q.getJob(recentId))!.remove();
      expect(await queued(api, workJob.queue)).toBe(3);
      await waitFor('the lost hand-over to be queued again', async () => (await queued(api, workJob.queue)) === 4);

      // Everything gone at once (the keys flushed) once the rows are past the periodic window: the
      // marker key is gone too, so the next check covers every row.
      await waitFor(
        'the rows to age past the periodic window',
        async () =>
          (await ds.query(`SELECT 1 FROM "outbox" WHERE "id" = ANY($1::uuid[]) AND "updatedAt" < now() - interval '3100 milliseconds'`, [[...ids, recentId]]))
            .length === 4,
      );
      await clearRedisPrefix(prefix);
      expect(await queued(api, workJob.queue)).toBe(0);
      await waitFor('every job to be queued again', async () => (await queued(api, workJob.queue)) === 4);

      start({ jobs: [workJob], prefix });
      await waitFor('the jobs to run', async () => (await statesOf([...ids, recentId])).every((st) => st === 'DONE'));
      const keys = [...jobs, recent].map((p) => p.key);
      expect(keys.map((k) => started.get(k))).toEqual(keys.map(() => 1));
      expect(
        (await ds.query(`SELECT DISTINCT "attempts" FROM "outbox" WHERE "id" = ANY($1::uuid[])`, [[...ids, recentId]])).map(
          (r: { attempts: number }) => r.attempts,
        ),
      ).toEqual([1]);
    } finally {
      await q.close();
    }
  });
});

describe('a job Bull delivers while an attempt of it is still running', () => {
  it('is not run a second time: the delivery is retried until that attempt has finished, then completes without running', async () => {
    const prefix = testRedisPrefix();
    sharedPrefixes.push(prefix);
    start({ jobs: [gatedJob], prefix });
    const job: Payload = { key: randomUUID(), gated: true };
    const id = await enqueue(gatedJob, job);
    await waitFor('the job to run', () => started.get(job.key));

    // Another copy of the queue delivers the same job id, as a Redis that failed over to a replica
    // which missed the move to active would.
    const copy = testRedisPrefix();
    sharedPrefixes.push(copy);
    start({ jobs: [gatedJob], prefix: copy });
    const q = new Bull(gatedJob.queue, sharedRedisUrl(), { prefix: copy });
    try {
      await q.add(job, { jobId: id, attempts: 1000, backoff: { type: 'outbox' } });
      await waitFor('the second delivery to be turned away', async () => (await q.getJob(id))?.failedReason === 'another attempt of this job is running');
      expect(started.get(job.key)).toBe(1);

      openGate(job.key);
      await waitFor('the job to finish', async () => (await row(id)).state === 'DONE');
      await waitFor('the second delivery to complete', async () => (await q.getJob(id))?.isCompleted());
      expect(started.get(job.key)).toBe(1);
      expect(completed.get(job.key)).toBe(1);
      expect(await row(id)).toEqual({ state: 'DONE', attempts: 1 });
    } finally {
      await q.close();
    }
  });
});
