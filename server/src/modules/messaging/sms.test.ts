import { randomInt } from 'node:crypto';
import { Client, errorCodes } from '../../../test/client';
import { clientAs, createContact, createDeal, ROLES } from '../../../test/factories';
import { startFakeTwilio, FakeTwilio } from '../../../test/fake-twilio';
import { clearRedisPrefix, JOB_MODES, startTestJobs, testRedisPrefix, waitFor } from '../../../test/jobs';
import { startTestServer, TestServer } from '../../../test/server';
import type { JobSystem } from '../../kernel/jobs/job-system';
import { smsSendJob } from './sms.job';

// sendSms through the GraphQL endpoint, sent by the job workers to a fake Twilio, in both job modes.
let server: TestServer;
let twilio: FakeTwilio;
let manager: Client;
let admin: Client;
const PUBLIC_URL = 'https://crm.converge.test';

beforeAll(async () => {
  twilio = await startFakeTwilio();
  server = await startTestServer({ ...twilio.env(), PUBLIC_URL });
  manager = await clientAs(server, 'SALES_MANAGER');
  admin = await clientAs(server, 'ADMIN');
});
afterAll(async () => {
  await server.stop();
  await twilio.stop();
});

const SEND = `mutation($input: SendSmsInput!) { sendSms(input: $input) { id type subject body smsStatus smsTo smsProviderId smsError contact { id } } }`;
const READ = `query($id: ID!) { interaction(id: $id) { smsStatus smsProviderId smsError smsTo } }`;
const phone = () => `+1415${randomInt(2, 10)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

async function textableContact(ownerId: string) {
  return createContact(server.ds, ownerId, { phone: phone() });
}

const smsStatus = async (id: string) => (await server.ds.query(`SELECT "smsStatus" FROM "interactions" WHERE "id" = $1`, [id]))[0]?.smsStatus;
const jobOf = async (interactionId: string) => (await server.ds.query(`SELECT * FROM "outbox" WHERE "payload"->>'interactionId' = $1`, [interactionId]))[0];

async function smsChanges(interactionId: string): Promise<string[]> {
  const data = await manager.ok(`query($id: ID!) { activityLog(first: 50, filter: { entityId: { eq: $id } }) { nodes { action changes } } }`, {
    id: interactionId,
  });
  return data.activityLog.nodes.map(
    (n: { action: string; changes: Record<string, { from: unknown; to: unknown }> }) =>
      `${n.action} ${n.changes.smsStatus ? `${n.changes.smsStatus.from}→${n.changes.smsStatus.to}` : '-'}`,
  );
}

describe('sendSms', () => {
  // Jobs written here are never run: clear them so the sending tests below start from nothing.
  afterAll(async () => {
    await server.ds.query(`DELETE FROM "outbox" WHERE "queue" = $1`, [smsSendJob.queue]);
  });

  it('records a QUEUED SMS interaction and its job in one transaction', async () => {
    const contact = await textableContact(manager.user.id);
    const deal = await createDeal(server.ds, manager.user.id);
    const { sendSms } = await manager.ok(SEND, { input: { contactId: contact.id, body: 'See you at 10', dealId: deal.id } });
    expect(sendSms).toMatchObject({
      type: 'SMS',
      subject: `SMS to ${contact.phone}`,
      body: 'See you at 10',
      smsStatus: 'QUEUED',
      smsTo: contact.phone,
      smsProviderId: null,
      smsError: null,
      contact: { id: contact.id },
    });
    expect(await jobOf(sendSms.id)).toMatchObject({ queue: 'sms.send', state: 'PENDING', attempts: 0 });
    expect(await smsChanges(sendSms.id)).toEqual(['CREATED null→QUEUED']);
  });

  it.each([
    ['no phone', null],
    ['a phone that is not a number', 'call me maybe'],
    ['a national number (not E.164)', '415 555 0123'],
  ])('refuses a contact with %s (BAD_USER_INPUT at input.contactId)', async (_label, raw) => {
    const contact = await createContact(server.ds, manager.user.id, { phone: raw });
    const res = await manager.request(SEND, { input: { contactId: contact.id, body: 'Hello' } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields).toEqual([{ path: ['input', 'contactId'], message: expect.stringMatching(/valid phone number/) }]);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['1601 characters', 'x'.repeat(1601)],
  ])('refuses a body that is %s (BAD_USER_INPUT at input.body) and writes nothing', async (_label, body) => {
    const contact = await textableContact(manager.user.id);
    const res = await manager.request(SEND, { input: { contactId: contact.id, body } });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields.map((f: { path: string[] }) => f.path)).toContainEqual(['input', 'body']);
    expect(await server.ds.query(`SELECT 1 FROM "interactions" WHERE "contactId" = $1`, [contact.id])).toEqual([]);
  });

  it('accepts a body of 1600 characters', async () => {
    const contact = await textableContact(manager.user.id);
    const { sendSms } = await manager.ok(SEND, { input: { contactId: contact.id, body: 'y'.repeat(1600) } });
    expect(sendSms.body).toHaveLength(1600);
  });

  it('is NOT_FOUND for a contact the caller may not see (or that does not exist), and writes nothing', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const othersContact = await textableContact(manager.user.id);
    for (const contactId of [othersContact.id, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expect(await rep.code(SEND, { input: { contactId, body: 'Hi' } })).toBe('NOT_FOUND');
    }
    expect(await server.ds.query(`SELECT 1 FROM "interactions" WHERE "contactId" = $1`, [othersContact.id])).toEqual([]);
    // Their own contact works.
    const own = await textableContact(rep.user.id);
    expect((await rep.ok(SEND, { input: { contactId: own.id, body: 'Hi' } })).sendSms.smsStatus).toBe('QUEUED');
  });

  it('refuses a deal the caller may not see at input.dealId', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const own = await textableContact(rep.user.id);
    const deal = await createDeal(server.ds, manager.user.id);
    const res = await rep.request(SEND, { input: { contactId: own.id, body: 'Hi', dealId: deal.id } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'dealId'] }] });
  });

  it.each(ROLES.filter((r) => !['ADMIN', 'SALES_MANAGER', 'SALES_REP'].includes(r)))('is FORBIDDEN for %s (they do not record interactions)', async (role) => {
    const c = await clientAs(server, role);
    const contact = await textableContact(manager.user.id);
    expect(await c.code(SEND, { input: { contactId: contact.id, body: 'Hi' } })).toBe('FORBIDDEN');
  });
});

describe.each(JOB_MODES)('sending through Twilio (%s)', (mode) => {
  let jobs: JobSystem | undefined;
  let prefix: string;
  const start = (attempts = 5) => {
    prefix = testRedisPrefix();
    jobs = startTestJobs(server.ds, mode, { jobs: [smsSendJob], prefix, policy: { attempts, backoffMs: 20 } });
  };
  afterEach(async () => {
    await jobs?.stop(5000);
    jobs = undefined;
    if (mode === 'bull') await clearRedisPrefix(prefix);
  });

  it('retries after two 500s and sends the message once: SENT with its Twilio id, each step in the activity log', async () => {
    const contact = await textableContact(manager.user.id);
    twilio.script(500, 500);
    start();
    const { sendSms } = await manager.ok(SEND, { input: { contactId: contact.id, body: 'Your technician is on the way' } });
    await waitFor('the SMS to be sent', async () => (await smsStatus(sendSms.id)) === 'SENT');
    expect(twilio.creates.filter((to) => to === contact.phone)).toHaveLength(3);
    const sent = twilio.messages.filter((m) => m.to === contact.phone);
    expect(sent).toHaveLength(1);
    expect(sent[0].body).toMatch(/^Your technician is on the way\n\(ref [0-9a-f]{8}\)$/);
    expect(sent[0].statusCallback).toBe(`${PUBLIC_URL}/webhooks/twilio/status?interactionId=${sendSms.id}`);
    expect((await manager.ok(READ, { id: sendSms.id })).interaction).toEqual({
      smsStatus: 'SENT',
      smsProviderId: sent[0].sid,
      smsError: null,
      smsTo: contact.phone,
    });
    expect(await jobOf(sendSms.id)).toMatchObject({ state: 'DONE', attempts: 3 });
    expect(await smsChanges(sendSms.id)).toEqual(['CREATED null→QUEUED', 'UPDATED QUEUED→SENDING', 'UPDATED SENDING→SENT']);
  });

  it('fails at once on a 400: FAILED with the reason, no retry', async () => {
    const contact = await textableContact(manager.user.id);
    twilio.script(400);
    start();
    const { sendSms } = await manager.ok(SEND, { input: { contactId: contact.id, body: 'Hello' } });
    await waitFor('the SMS to fail', async () => (await smsStatus(sendSms.id)) === 'FAILED');
    const { interaction } = await manager.ok(READ, { id: sendSms.id });
    expect(interaction).toMatchObject({ smsStatus: 'FAILED', smsProviderId: null, smsError: expect.stringMatching(/HTTP 400, error 21211/) });
    await waitFor('the job to finish', async () => (await jobOf(sendSms.id)).state === 'DONE');
    expect(twilio.creates.filter((to) => to === contact.phone)).toHaveLength(1);
    expect(twilio.messages.filter((m) => m.to === contact.phone)).toHaveLength(0);
    expect((await jobOf(sendSms.id)).attempts).toBe(1);
  });

  it('after the last attempt the job is dead and the SMS FAILED; an admin sees it in `jobs` and retries it', async () => {
    const contact = await textableContact(manager.user.id);
    twilio.script(500, 503, 500);
    start(3);
    const { sendSms } = await manager.ok(SEND, { input: { contactId: contact.id, body: 'Reminder' } });
    await waitFor('the job to be dead', async () => (await jobOf(sendSms.id))?.state === 'DEAD');
    const job = await jobOf(sendSms.id);
    expect(job).toMatchObject({ attempts: 3, lastError: expect.stringMatching(/Internal Server Error/) });
    expect((await manager.ok(READ, { id: sendSms.id })).interaction).toMatchObject({
      smsStatus: 'FAILED',
      smsError: expect.stringMatching(/^Gave up after 3 attempts/),
    });

    const overview = await admin.ok(
      `{ jobs(queue: "sms.send") { mode queues { queue dead running broker { failed } } recentFailures { id queue state attempts lastError } } }`,
    );
    expect(overview.jobs.mode).toBe(mode === 'bull' ? 'BULL' : 'IN_PROCESS');
    expect(overview.jobs.queues[0]).toMatchObject({ queue: 'sms.send', running: 0 });
    expect(overview.jobs.queues[0].dead).toBeGreaterThanOrEqual(1);
    if (mode === 'bull') expect(overview.jobs.queues[0].broker.failed).toBeGreaterThanOrEqual(1);
    else expect(overview.jobs.queues[0].broker).toBeNull();
    expect(overview.jobs.recentFailures).toContainEqual({ id: job.id, queue: 'sms.send', state: 'DEAD', attempts: 3, lastError: job.lastError });

    const { retryJob } = await admin.ok(`mutation($id: ID!) { retryJob(id: $id) { id state attempts lastError } }`, { id: job.id });
    expect(retryJob).toEqual({ id: job.id, state: 'PENDING', attempts: 0, lastError: null });
    await waitFor('the SMS to be sent after the retry', async () => (await smsStatus(sendSms.id)) === 'SENT');
    expect(twilio.messages.filter((m) => m.to === contact.phone)).toHaveLength(1);
    expect(await smsChanges(sendSms.id)).toEqual([
      'CREATED null→QUEUED',
      'UPDATED QUEUED→SENDING',
      'UPDATED SENDING→FAILED',
      'UPDATED FAILED→QUEUED',
      'UPDATED QUEUED→SENDING',
      'UPDATED SENDING→SENT',
    ]);
  });
});

describe('without Twilio credentials', () => {
  let offline: TestServer;
  beforeAll(async () => {
    offline = await startTestServer({});
  });
  afterAll(async () => {
    await offline.stop();
  });

  it('the console provider logs the message and marks it SENT', async () => {
    const rep = await clientAs(offline, 'SALES_REP');
    const contact = await createContact(offline.ds, rep.user.id, { phone: phone() });
    const jobs = startTestJobs(offline.ds, 'in-process', { jobs: [smsSendJob] });
    try {
      const { sendSms } = await rep.ok(SEND, { input: { contactId: contact.id, body: 'Offline demo' } });
      await waitFor('the SMS to be sent', async () => (await smsStatus(sendSms.id)) === 'SENT');
      const { interaction } = await rep.ok(READ, { id: sendSms.id });
      expect(interaction.smsProviderId).toMatch(/^console-/);
      expect(twilio.messages.filter((m) => m.to === contact.phone)).toHaveLength(0);
    } finally {
      await jobs.stop(5000);
    }
  });
});
