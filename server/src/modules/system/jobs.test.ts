import { randomUUID } from 'node:crypto';
import { Client } from '../../../test/client';
import { clientAs, createApiKeyRow, ROLES } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { defineJob } from '../../kernel/jobs/job.types';

// The admin view of background jobs and retrying dead ones (the SMS tests retry a real one in both modes).
let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startTestServer();
  admin = await clientAs(server, 'ADMIN');
});
afterAll(async () => {
  await server.stop();
});

const retried: string[] = [];
const adminJob = defineJob<{ n: number; note?: string }>({
  queue: `test.admin.${randomUUID().slice(0, 8)}`,
  async handle() {},
  async onRetry(_ctx, uow, payload) {
    retried.push(`${payload.note}:${uow.manager.queryRunner?.isTransactionActive ? 'in-transaction' : 'outside'}`);
  },
});

async function insertJob(state: string, attrs: { lastError?: string; attempts?: number; note?: string; updatedAt?: string } = {}): Promise<string> {
  const [{ id }] = await server.ds.query(
    `INSERT INTO "outbox" ("queue", "payload", "state", "attempts", "lastError", "updatedAt") VALUES ($1, $2, $3, $4, $5, COALESCE($6::timestamptz, now())) RETURNING "id"`,
    [adminJob.queue, { n: 1, note: attrs.note }, state, attrs.attempts ?? 0, attrs.lastError ?? null, attrs.updatedAt ?? null],
  );
  return id;
}

const JOBS = `query($queue: String, $failures: Int) { jobs(queue: $queue, failures: $failures) {
  mode queues { queue pending dispatched running retrying done dead broker { waiting } }
  recentFailures { id queue state attempts lastError runAt createdAt updatedAt finishedAt } } }`;
const RETRY = `mutation($id: ID!) { retryJob(id: $id) { id queue state attempts lastError finishedAt } }`;

describe('jobs', () => {
  it('shows an admin the counts by state per queue and the recent failures with their errors', async () => {
    await insertJob('PENDING');
    await insertJob('PENDING');
    await insertJob('RUNNING', { attempts: 1 });
    const retrying = await insertJob('RETRYING', { attempts: 2, lastError: 'HTTP 503', updatedAt: '2030-01-01T00:00:00Z' });
    for (let i = 0; i < 3; i++) await insertJob('DONE', { attempts: 1 });
    const dead = await insertJob('DEAD', { attempts: 5, lastError: 'HTTP 500 five times', updatedAt: '2029-01-01T00:00:00Z' });

    const { jobs } = await admin.ok(JOBS, { queue: adminJob.queue });
    expect(jobs.mode).toBe('IN_PROCESS');
    expect(jobs.queues).toEqual([{ queue: adminJob.queue, pending: 2, dispatched: 0, running: 1, retrying: 1, done: 3, dead: 1, broker: null }]);
    expect(
      jobs.recentFailures.map((j: { id: string; state: string; attempts: number; lastError: string }) => [j.id, j.state, j.attempts, j.lastError]),
    ).toEqual([
      [retrying, 'RETRYING', 2, 'HTTP 503'],
      [dead, 'DEAD', 5, 'HTTP 500 five times'],
    ]);

    const all = await admin.ok(JOBS, { failures: 1 });
    expect(all.jobs.queues.map((q: { queue: string }) => q.queue)).toEqual(expect.arrayContaining(['sms.send', adminJob.queue]));
    expect(all.jobs.recentFailures).toHaveLength(1);
  });

  it('takes 0 to 100 failures', async () => {
    for (const failures of [-1, 101]) {
      const res = await admin.request(JOBS, { failures });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['failures'] }] });
    }
  });

  it.each(ROLES.filter((r) => r !== 'ADMIN'))('is FORBIDDEN for %s, as is retryJob', async (role) => {
    const c = await clientAs(server, role);
    const dead = await insertJob('DEAD', { lastError: 'x' });
    expect(await c.code(JOBS)).toBe('FORBIDDEN');
    expect(await c.code(RETRY, { id: dead })).toBe('FORBIDDEN');
    expect((await server.ds.query(`SELECT "state" FROM "outbox" WHERE "id" = $1`, [dead]))[0].state).toBe('DEAD');
  });
});

describe('retryJob', () => {
  it('puts a dead job back to its first attempt, running its definition’s retry hook in the same transaction', async () => {
    const dead = await insertJob('DEAD', { attempts: 5, lastError: 'gave up', note: 'hook' });
    const { retryJob } = await admin.ok(RETRY, { id: dead });
    expect(retryJob).toEqual({ id: dead, queue: adminJob.queue, state: 'PENDING', attempts: 0, lastError: null, finishedAt: null });
    expect(retried).toContain('hook:in-transaction');
  });

  it('is NOT_FOUND for an unknown job, CONFLICT for one that is not dead', async () => {
    expect(await admin.code(RETRY, { id: randomUUID() })).toBe('NOT_FOUND');
    expect(await admin.code(RETRY, { id: 'nope' })).toBe('NOT_FOUND');
    for (const state of ['PENDING', 'RUNNING', 'RETRYING', 'DONE']) {
      const id = await insertJob(state);
      expect(await admin.code(RETRY, { id })).toBe('CONFLICT');
      expect((await server.ds.query(`SELECT "state" FROM "outbox" WHERE "id" = $1`, [id]))[0].state).toBe(state);
    }
  });

  it('is refused to a read-only API key, even an admin’s', async () => {
    const key = await createApiKeyRow(server.ds, admin.user.id, { readOnly: true });
    const dead = await insertJob('DEAD', { lastError: 'x' });
    const viaKey = new Client(server.url, key.secret, admin.user);
    expect(await viaKey.code(RETRY, { id: dead })).toBe('FORBIDDEN');
    expect((await viaKey.ok(`{ jobs(failures: 0) { mode } }`)).jobs.mode).toBe('IN_PROCESS');
  });
});
