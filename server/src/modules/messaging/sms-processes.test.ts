import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from '../../../test/client';
import { gql } from '../../../test/client';
import { clientAs, createContact, createSession } from '../../../test/factories';
import { freePort } from '../../../test/redis';
import { startFakeTwilio, FakeTwilio } from '../../../test/fake-twilio';
import { workerDatabaseUrl } from '../../../test/database';
import { clearRedisPrefix, JOB_MODES, startTestJobs, testRedisPrefix, waitFor } from '../../../test/jobs';
import { sharedRedisUrl } from '../../../test/redis';
import { startTestServer, TestServer } from '../../../test/server';
import { smsSendJob } from './sms.job';

// SMS sending in real processes: `npm run worker` killed mid-send or stopped with SIGTERM, and
// `npm start` running the workers itself.
let server: TestServer;
let twilio: FakeTwilio;
let manager: Client;
const PUBLIC_URL = 'https://crm.converge.test';

beforeAll(async () => {
  twilio = await startFakeTwilio();
  server = await startTestServer({ ...twilio.env(), PUBLIC_URL });
  manager = await clientAs(server, 'SALES_MANAGER');
  await server.ds.query(`DELETE FROM "outbox" WHERE "queue" = $1 AND "state" NOT IN ('DONE', 'DEAD')`, [smsSendJob.queue]);
});
afterAll(async () => {
  await server.stop();
  await twilio.stop();
});

function startProcess(entry: string, ready: RegExp, env: Record<string, string | undefined>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', '..', '..', 'scripts', 'run.js'), entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${out}`)), 90_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.stderr!.off('data', onData);
        resolve(child);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${out}`));
    });
  });
}

async function workerEnv(mode: string, prefix: string) {
  return {
    DATABASE_URL: await workerDatabaseUrl(),
    REDIS_URL: mode === 'bull' ? sharedRedisUrl() : undefined,
    REDIS_PREFIX: prefix,
    ...twilio.env(),
    PUBLIC_URL,
    JOB_LEASE_MS: '1000',
    JOB_POLL_MS: '50',
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: 'error',
  };
}

const startWorkerProcess = (env: Record<string, string | undefined>) => startProcess('worker', /Converge worker ready/, env);
const smsRow = async (id: string) => (await server.ds.query(`SELECT "smsStatus", "smsProviderId" FROM "interactions" WHERE "id" = $1`, [id]))[0];
const SEND = `mutation($input: SendSmsInput!) { sendSms(input: $input) { id } }`;

describe.each(JOB_MODES)('a worker killed between sending and recording (%s)', (mode) => {
  let child: ChildProcess | undefined;
  const prefix = testRedisPrefix();
  afterAll(async () => {
    child?.kill('SIGKILL');
    if (mode === 'bull') await clearRedisPrefix(prefix);
  });

  it('leaves one SMS: the next worker finds it at Twilio instead of sending again', async () => {
    child = await startWorkerProcess(await workerEnv(mode, prefix));
    const contact = await createContact(server.ds, manager.user.id, { phone: mode === 'bull' ? '+14155550171' : '+14155550172' });
    twilio.script('hang');
    const accepted = twilio.hung();
    const { sendSms } = await manager.ok(SEND, { input: { contactId: contact.id, body: 'Crash course' } });
    const message = await accepted;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    child = undefined;
    const [before] = await server.ds.query(`SELECT "smsStatus", "smsProviderId" FROM "interactions" WHERE "id" = $1`, [sendSms.id]);
    expect(before).toEqual({ smsStatus: 'SENDING', smsProviderId: null });

    const successor = startTestJobs(server.ds, mode, { jobs: [smsSendJob], prefix });
    try {
      await waitFor(
        'the SMS to be recorded as sent',
        async () => {
          const [row] = await server.ds.query(`SELECT "smsStatus" FROM "interactions" WHERE "id" = $1`, [sendSms.id]);
          return row.smsStatus === 'SENT';
        },
        20_000,
      );
    } finally {
      await successor.stop(5000);
    }
    expect(twilio.creates.filter((to) => to === contact.phone)).toHaveLength(1);
    expect(twilio.messages.filter((m) => m.to === contact.phone)).toHaveLength(1);
    const { interaction } = await manager.ok(`query($id: ID!) { interaction(id: $id) { smsStatus smsProviderId } }`, { id: sendSms.id });
    expect(interaction).toEqual({ smsStatus: 'SENT', smsProviderId: message.sid });
    const [job] = await server.ds.query(`SELECT "state", "attempts" FROM "outbox" WHERE "payload"->>'interactionId' = $1`, [sendSms.id]);
    expect(job.state).toBe('DONE');
    expect(job.attempts).toBeGreaterThanOrEqual(2); // the killed attempt counts
  }, 120_000);
});

// Both modes drain through the same JobSystem.stop (kernel/jobs/outbox.test.ts); one real process here.
describe.each(['bull'])('a worker stopped with SIGTERM (%s)', (mode) => {
  const prefix = testRedisPrefix();
  afterAll(async () => {
    if (mode === 'bull') await clearRedisPrefix(prefix);
  });

  it('finishes the SMS it is sending, then exits 0', async () => {
    const child = await startWorkerProcess(await workerEnv(mode, prefix));
    try {
      const contact = await createContact(server.ds, manager.user.id, { phone: mode === 'bull' ? '+14155550173' : '+14155550174' });
      twilio.script('hang');
      const accepted = twilio.hung();
      const { sendSms } = await manager.ok(SEND, { input: { contactId: contact.id, body: 'Drain me' } });
      const message = await accepted;
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      expect(child.exitCode).toBeNull(); // still waiting for its job
      twilio.release();
      expect(await exited).toBe(0);
      expect(await smsRow(sendSms.id)).toEqual({ smsStatus: 'SENT', smsProviderId: message.sid });
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);
});

describe('npm start', () => {
  it('runs the job workers in its own process (no Redis: in-process from the outbox)', async () => {
    const port = await freePort();
    const main = await startProcess('main', /Converge is ready/, { ...(await workerEnv('in-process', 'unused')), PORT: String(port), NODE_ENV: 'development' });
    try {
      const contact = await createContact(server.ds, manager.user.id, { phone: '+14155550175' });
      const token = await createSession(server.ds, manager.user.id);
      const res = await gql(`http://127.0.0.1:${port}/graphql`, SEND, { input: { contactId: contact.id, body: 'All in one' } }, token);
      const id = res.data.sendSms.id;
      await waitFor('the SMS to be sent', async () => (await smsRow(id)).smsStatus === 'SENT');
      expect(twilio.messages.filter((m) => m.to === contact.phone)).toHaveLength(1);
    } finally {
      main.kill('SIGKILL');
    }
  }, 120_000);
});
