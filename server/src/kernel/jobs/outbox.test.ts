import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../../../test/database';
import { clearRedisPrefix, JOB_MODES, sleep, startTestJobs, testRedisPrefix, waitFor } from '../../../test/jobs';
import { startRedisServer } from '../../../test/redis';
import { enqueueJob } from './enqueue';
import { defineJob, PermanentJobError } from './job.types';
import type { JobSystem } from './job-system';

// The outbox mechanism with throw-away job kinds: intent written in the business transaction,
// handed to Bull or run in-process, retried with backoff, dead-lettered, drained on shutdown.
let ds: DataSource;
const systems: JobSystem[] = [];
const prefixes: string[] = [];
beforeAll(async () => {
  ds = await openTestDataSource();
});
afterEach(async () => {
  await Promise.all(systems.splice(0).map((s) => s.stop(5000)));
  await Promise.all(prefixes.splice(0).map((p) => clearRedisPrefix(p)));
});
afterAll(async () => {
  await ds.destroy();
});

type Payload = { key: string };
const runs = new Map<string, number>();
const attemptTimes = new Map<string, number[]>();
const dead = new Map<string, string>();
const ran = (key: string) => runs.get(key) ?? 0;

const countJob = defineJob<Payload>({
  queue: 'test.outbox.count',
  async handle({ key }) {
    runs.set(key, ran(key) + 1);
  },
});
const failingJob = defineJob<Payload & { permanent?: boolean }>({
  queue: 'test.outbox.failing',
  attempts: 3,
  async handle({ key, permanent }) {
    runs.set(key, ran(key) + 1);
    attemptTimes.set(key, [...(attemptTimes.get(key) ?? []), Date.now()]);
    if (permanent) throw new PermanentJobError(`refused ${key}`);
    throw new Error(`boom ${ran(key)}`);
  },
  async onDead({ key }, error) {
    dead.set(key, error.message);
  },
});
const slowJob = defineJob<Payload>({
  queue: 'test.outbox.slow',
  async handle({ key }) {
    runs.set(`${key}:started`, 1);
    await sleep(2500); // several leases long
    runs.set(key, ran(key) + 1);
  },
});
const JOBS = [countJob, failingJob, slowJob];

function start(mode: (typeof JOB_MODES)[number], opts: Parameters<typeof startTestJobs>[2] = { jobs: JOBS }) {
  const prefix = opts.prefix ?? testRedisPrefix();
  prefixes.push(prefix);
  const s = startTestJobs(ds, mode, { ...opts, prefix });
  systems.push(s);
  return s;
}

async function enqueue(def: { queue: string }, payload: Record<string, unknown>): Promise<string> {
  return ds.transaction((m) => enqueueJob(m, def as never, payload));
}

const row = async (id: string) => (await ds.query(`SELECT * FROM "outbox" WHERE "id" = $1`, [id]))[0];
/** The distinct attempt counts of these rows. */
const attemptsOf = async (ids: string[]): Promise<number[]> =>
  (await ds.query(`SELECT DISTINCT "attempts" FROM "outbox" WHERE "id" = ANY($1::uuid[]) ORDER BY 1`, [ids])).map((r: { attempts: number }) => r.attempts);
const queuedInBull = async (s: JobSystem, queue: string) => {
  const c = (await s.brokerCounts(queue))!;
  return c.waiting + c.active + c.delayed;
};

describe.each(JOB_MODES)('outbox jobs (%s)', (mode) => {
  it('a rolled-back transaction leaves no job; a committed one runs', async () => {
    const lost = randomUUID();
    await expect(
      ds.transaction(async (m) => {
        await enqueueJob(m, countJob, { key: lost });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await ds.query(`SELECT 1 FROM "outbox" WHERE "payload"->>'key' = $1`, [lost])).toEqual([]);

    start(mode);
    const kept = randomUUID();
    const id = await enqueue(countJob, { key: kept });
    await waitFor('the committed job to finish', async () => (await row(id)).state === 'DONE');
    expect(ran(kept)).toBe(1);
    expect(ran(lost)).toBe(0);
    expect(await row(id)).toMatchObject({ state: 'DONE', attempts: 1, lastError: null });
  });

  it('runs each committed job exactly once while two dispatchers or runners race', async () => {
    const keys = Array.from({ length: 30 }, () => randomUUID());
    const ids = await ds.transaction((m) => Promise.all(keys.map((key) => enqueueJob(m, countJob, { key }))));
    const prefix = testRedisPrefix();
    if (mode === 'bull') {
      // Two API instances hand the same rows to Redis at once: each row is queued once.
      const a = start(mode, { jobs: JOBS, prefix, workers: false });
      const b = start(mode, { jobs: JOBS, prefix, workers: false });
      await Promise.all([a.dispatchNow(), b.dispatchNow(), a.dispatchNow(), b.dispatchNow()]);
      // A call that found every row locked by the other returns at once; wait for that one to commit.
      await waitFor(
        'every row to be handed to Bull',
        async () =>
          (await ds.query(`SELECT DISTINCT "state" FROM "outbox" WHERE "id" = ANY($1::uuid[])`, [ids])).map((r: { state: string }) => r.state).join() ===
          'DISPATCHED',
      );
      expect((await a.brokerCounts(countJob.queue))!.waiting).toBe(keys.length);
    }
    // Two workers (in-process: two runners claiming from the same table).
    start(mode, { jobs: JOBS, prefix });
    start(mode, { jobs: JOBS, prefix });
    await waitFor(
      'every job to finish',
      async () => (await ds.query(`SELECT count(*)::int AS n FROM "outbox" WHERE "id" = ANY($1::uuid[]) AND "state" = 'DONE'`, [ids]))[0].n === keys.length,
    );
    // Every run starts by counting an attempt on its row, and a finished row starts none: one
    // attempt each means one run each, now and later.
    expect(await attemptsOf(ids)).toEqual([1]);
    expect(keys.map(ran)).toEqual(keys.map(() => 1));
  });

  it('retries with exponential backoff, then records the job as dead with its error', async () => {
    const s = start(mode, { jobs: JOBS, policy: { backoffMs: 100 } });
    const key = randomUUID();
    const id = await enqueue(failingJob, { key });
    await waitFor('the job to be dead', async () => (await row(id)).state === 'DEAD');
    expect(ran(key)).toBe(3);
    expect(await row(id)).toMatchObject({ state: 'DEAD', attempts: 3, lastError: 'boom 3' });
    expect(dead.get(key)).toBe('boom 3');
    const [t1, t2, t3] = attemptTimes.get(key)!;
    expect(t2 - t1).toBeGreaterThanOrEqual(95); // 100 ms, then 200 ms (a few ms of clock rounding)
    expect(t3 - t2).toBeGreaterThanOrEqual(195);
    // Nothing after the last attempt: a dead row starts no attempt, and Bull holds nothing more to deliver.
    if (mode === 'bull') await waitFor('the queue to hold nothing to run', async () => (await queuedInBull(s, failingJob.queue)) === 0);
    expect(await attemptsOf([id])).toEqual([3]);
  });

  it('gives up at once on a permanent error', async () => {
    start(mode, { jobs: JOBS });
    const key = randomUUID();
    const id = await enqueue(failingJob, { key, permanent: true });
    await waitFor('the job to be dead', async () => (await row(id)).state === 'DEAD');
    expect(ran(key)).toBe(1);
    expect(await row(id)).toMatchObject({ attempts: 1, lastError: `refused ${key}` });
  });

  it('on shutdown lets a running job finish before stopping', async () => {
    const s = start(mode);
    const key = randomUUID();
    const id = await enqueue(slowJob, { key });
    await waitFor('the job to start', () => runs.get(`${key}:started`));
    await s.stop(10_000);
    expect(ran(key)).toBe(1);
    expect((await row(id)).state).toBe('DONE');
  });
});

describe('outbox jobs (in-process), a worker that died', () => {
  it('leaves its claimed job to be taken over once the lease has run out', async () => {
    const key = randomUUID();
    const [{ id }] = await ds.query(
      `INSERT INTO "outbox" ("queue", "payload", "state", "attempts", "lockedBy", "lockedUntil")
       VALUES ($1, $2, 'RUNNING', 1, 'a-worker-that-was-killed', now() - interval '1 second') RETURNING "id"`,
      [countJob.queue, { key }],
    );
    start('in-process');
    await waitFor('the job to be taken over', async () => (await row(id)).state === 'DONE');
    expect(ran(key)).toBe(1);
    expect((await row(id)).attempts).toBe(2);
  });

  it('keeps the lease of a long job alive, so no one else takes it over', async () => {
    const key = randomUUID();
    // A lease of a second: renewals must keep up while the test suite loads the machine.
    const first = start('in-process', { jobs: JOBS, leaseMs: 1000 });
    const id = await enqueue(slowJob, { key });
    await waitFor('the job to start', () => runs.get(`${key}:started`));
    start('in-process', { jobs: JOBS, leaseMs: 1000 });
    await waitFor('the job to finish', async () => (await row(id)).state === 'DONE');
    await first.stop(5000);
    expect(ran(key)).toBe(1);
    expect((await row(id)).attempts).toBe(1);
  });
});

describe('outbox jobs (bull), Redis down', () => {
  it('keeps committed jobs in the outbox until Redis is back, then runs them once', async () => {
    const redis = await startRedisServer();
    try {
      const system = startTestJobs(ds, 'bull', { jobs: JOBS, redisUrl: redis.url });
      systems.push(system);
      const warm = randomUUID();
      const warmId = await enqueue(countJob, { key: warm });
      await waitFor('a first job to run', async () => (await row(warmId)).state === 'DONE');

      await redis.stop();
      const key = randomUUID();
      const id = await enqueue(countJob, { key }); // the business transaction does not need Redis
      // The dispatcher picks the row up and holds it while it waits for Redis: still PENDING, not run.
      await waitFor(
        'the dispatcher to hold the row',
        async () => (await ds.transaction((m) => m.query(`SELECT 1 FROM "outbox" WHERE "id" = $1 FOR UPDATE SKIP LOCKED`, [id]))).length === 0,
      );
      expect((await row(id)).state).toBe('PENDING');
      expect(ran(key)).toBe(0);

      await redis.start();
      await waitFor('the job to run once Redis is back', async () => (await row(id)).state === 'DONE', 30_000);
      expect(await attemptsOf([id])).toEqual([1]);
      expect(ran(key)).toBe(1);
    } finally {
      await Promise.all(systems.splice(0).map((s) => s.stop(5000)));
      await redis.stop();
    }
  }, 60_000);
});
