import { Client } from '../../../test/client';
import { clientAs, createContact } from '../../../test/factories';
import { startFakeTwilio, FakeTwilio } from '../../../test/fake-twilio';
import { waitFor } from '../../../test/jobs';
import { killServerProcesses, startWorkerProcess } from '../../../test/processes';
import { RedisServer, startRedisServer, workerRedisPrefix } from '../../../test/redis';
import { startTestServer, TestServer } from '../../../test/server';
import { smsSendJob } from './sms.job';

// `npm run worker` sending SMS on a Redis that is killed (SIGKILL) and started again without its
// data, one SMS at Twilio and another waiting on the queue: each is sent once.
let server: TestServer;
let twilio: FakeTwilio;
let redis: RedisServer;
let manager: Client;
const PUBLIC_URL = 'https://crm.converge.test';

beforeAll(async () => {
  twilio = await startFakeTwilio();
  redis = await startRedisServer();
  server = await startTestServer({ ...twilio.env(), PUBLIC_URL });
  manager = await clientAs(server, 'SALES_MANAGER');
  await server.ds.query(`DELETE FROM "outbox" WHERE "queue" = $1 AND "state" NOT IN ('DONE', 'DEAD')`, [smsSendJob.queue]);
});
afterAll(async () => {
  await killServerProcesses();
  await server?.stop();
  await twilio?.stop();
  await redis?.stop();
});

const SEND = `mutation($input: SendSmsInput!) { sendSms(input: $input) { id } }`;
const jobOf = async (interactionId: string) =>
  (await server.ds.query(`SELECT "state", "attempts" FROM "outbox" WHERE "payload"->>'interactionId' = $1`, [interactionId]))[0];
const smsStatus = async (id: string) => (await server.ds.query(`SELECT "smsStatus" FROM "interactions" WHERE "id" = $1`, [id]))[0].smsStatus;

describe('SMS across Redis losing its data', () => {
  it('sends the SMS being sent and the one waiting on the queue, once each', async () => {
    const worker = await startWorkerProcess({
      REDIS_URL: redis.url,
      REDIS_PREFIX: workerRedisPrefix('sms-loss'),
      ...twilio.env(),
      PUBLIC_URL,
      JOB_CONCURRENCY: '1',
      JOB_LEASE_MS: '2000',
      JOB_POLL_MS: '50',
    });
    const [first, second] = [
      await createContact(server.ds, manager.user.id, { phone: '+14155550181' }),
      await createContact(server.ds, manager.user.id, { phone: '+14155550182' }),
    ];
    twilio.script('hang');
    const accepted = twilio.hung();
    const sending = (await manager.ok(SEND, { input: { contactId: first.id, body: 'At Twilio when Redis dies' } })).sendSms.id;
    await accepted;
    const queued = (await manager.ok(SEND, { input: { contactId: second.id, body: 'Queued when Redis dies' } })).sendSms.id;
    await waitFor('the second SMS to wait on its queue', async () => (await jobOf(queued)).state === 'DISPATCHED');

    await redis.kill();
    await redis.start(); // empty: it keeps nothing on disk
    twilio.release();

    await waitFor(
      () => `both SMS to be sent (worker output: ${worker.output()})`,
      async () => (await smsStatus(sending)) === 'SENT' && (await smsStatus(queued)) === 'SENT',
      30_000,
    );
    expect(twilio.creates.filter((to) => to === first.phone)).toHaveLength(1);
    expect(twilio.creates.filter((to) => to === second.phone)).toHaveLength(1);
    expect(await jobOf(sending)).toEqual({ state: 'DONE', attempts: 1 });
    expect(await jobOf(queued)).toEqual({ state: 'DONE', attempts: 1 });
  }, 150_000); // builds the server when its build is stale
});
