import { randomInt } from 'node:crypto';
import type { Client } from '../../../test/client';
import { clientAs, createContact, createDeal, createInteraction, createUser } from '../../../test/factories';
import { startFakeTwilio, FakeTwilio } from '../../../test/fake-twilio';
import { startTestJobs, waitFor } from '../../../test/jobs';
import { startTestServer, TestServer } from '../../../test/server';
import type { JobSystem } from '../../kernel/jobs/job-system';
import { smsSendJob } from './sms.job';

// An SMS sent with sendSms is a record of what went out: its kind, text, contact and time never
// change through updateInteraction, in any status; its subject, deal and owner may. A logged
// interaction cannot be turned into an SMS.

let server: TestServer;
let twilio: FakeTwilio;
let manager: Client;
let via: string;
const PUBLIC_URL = 'https://crm.converge.test';

beforeAll(async () => {
  twilio = await startFakeTwilio();
  server = await startTestServer({ ...twilio.env(), PUBLIC_URL });
  via = server.url.replace(/\/graphql$/, '');
  manager = await clientAs(server, 'SALES_MANAGER');
});
afterAll(async () => {
  await server.stop();
  await twilio.stop();
});

const FIELDS = `id type subject body occurredAt contact { id } deal { id } owner { id } smsStatus version`;
const SEND = `mutation($input: SendSmsInput!) { sendSms(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInteractionInput!) { updateInteraction(id: $id, input: $input) { ${FIELDS} } }`;
const phone = () => `+1415${randomInt(2, 10)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;

async function sendSms(body = 'Your technician arrives at 10'): Promise<any> {
  const contact = await createContact(server.ds, manager.user.id, { phone: phone() });
  return { ...(await manager.ok(SEND, { input: { contactId: contact.id, body } })).sendSms, phone: contact.phone };
}

const row = async (id: string) =>
  (
    await server.ds.query(`SELECT "type", "subject", "body", "contactId", "occurredAt", "dealId", "ownerId", "version" FROM "interactions" WHERE "id" = $1`, [
      id,
    ])
  )[0];
const smsStatus = async (id: string) => (await server.ds.query(`SELECT "smsStatus" FROM "interactions" WHERE "id" = $1`, [id]))[0].smsStatus;

/** Each read-only field, changed: refused at its path with the reason, and nothing written. */
async function expectReadOnly(sms: any): Promise<void> {
  const before = await row(sms.id);
  const otherContact = await createContact(server.ds, manager.user.id, { phone: phone() });
  const attempts: [string, unknown][] = [
    ['type', 'CALL'],
    ['body', 'Actually we come at noon'],
    ['body', null],
    ['contactId', otherContact.id],
    ['occurredAt', '2020-01-01T00:00:00.000Z'],
  ];
  for (const [field, value] of attempts) {
    const res = await manager.request(UPDATE, { id: sms.id, input: { subject: 'Renamed too', [field]: value } });
    expect([field, res.errors?.map((e) => e.extensions?.code)]).toEqual([field, ['BAD_USER_INPUT']]);
    expect(res.errors![0].extensions!.fields).toEqual([
      { path: ['input', field], message: expect.stringMatching(/cannot be changed on an SMS sent from Converge/) },
    ]);
  }
  expect(await row(sms.id)).toEqual(before);
}

/** Subject, deal and owner change; the read-only fields may be sent again unchanged (as the dashboard's form does). */
async function expectEditable(sms: any): Promise<void> {
  const deal = await createDeal(server.ds, manager.user.id);
  const rep = await createUser(server.ds, { role: 'SALES_REP' });
  const before = await row(sms.id);
  const input = {
    subject: 'Arrival time',
    dealId: deal.id,
    ownerId: rep.id,
    type: 'SMS',
    body: sms.body,
    contactId: sms.contact.id,
    occurredAt: sms.occurredAt,
  };
  const { updateInteraction: after } = await manager.ok(UPDATE, { id: sms.id, input });
  expect(after).toMatchObject({
    type: 'SMS',
    subject: 'Arrival time',
    body: sms.body,
    occurredAt: sms.occurredAt,
    contact: sms.contact,
    deal: { id: deal.id },
    owner: { id: rep.id },
  });
  expect(await row(sms.id)).toMatchObject({ body: before.body, contactId: before.contactId, occurredAt: before.occurredAt, version: before.version + 1 });
  const log = await manager.ok(`query($id: ID!) { activityLog(last: 1, filter: { entityId: { eq: $id } }) { nodes { changes } } }`, { id: sms.id });
  expect(Object.keys(log.activityLog.nodes[0].changes).sort()).toEqual(['dealId', 'ownerId', 'subject']);
}

describe('a QUEUED SMS (the worker has not read it yet)', () => {
  // Its job is never run here: clear it so no later worker in this database sends it.
  afterAll(async () => {
    await server.ds.query(`DELETE FROM "outbox" WHERE "queue" = $1 AND "state" = 'PENDING'`, [smsSendJob.queue]);
  });

  it('refuses a new type, text, contact or time (BAD_USER_INPUT at the field)', async () => {
    const sms = await sendSms();
    expect(sms.smsStatus).toBe('QUEUED');
    await expectReadOnly(sms);
  });

  it('takes a new subject, deal and owner', async () => {
    const sms = await sendSms();
    await expectEditable(sms);
    expect(await smsStatus(sms.id)).toBe('QUEUED');
  });
});

describe('an SMS on its way or sent', () => {
  let jobs: JobSystem;
  beforeAll(() => {
    jobs = startTestJobs(server.ds, 'in-process', { jobs: [smsSendJob] });
  });
  afterAll(async () => {
    await jobs.stop(5000);
  });

  async function sentSms(): Promise<any> {
    const sms = await sendSms();
    await waitFor('the SMS to be sent', async () => (await smsStatus(sms.id)) === 'SENT');
    return sms;
  }

  it('SENDING (the provider has it, no answer yet): refuses the read-only fields; what went out is the original text', async () => {
    twilio.script('hang');
    const accepted = twilio.hung();
    const sms = await sendSms('Original text');
    await accepted;
    expect(await smsStatus(sms.id)).toBe('SENDING');
    await expectReadOnly(sms);
    twilio.release();
    await waitFor('the SMS to be sent', async () => (await smsStatus(sms.id)) === 'SENT');
    expect(twilio.messages.filter((m) => m.to === sms.phone).map((m) => m.body)).toEqual([expect.stringMatching(/^Original text\n/)]);
  });

  it('SENT: refuses the read-only fields and takes a new subject, deal and owner', async () => {
    const sms = await sentSms();
    await expectReadOnly(sms);
    await expectEditable(sms);
  });

  it('DELIVERED: refuses the read-only fields', async () => {
    const sms = await sentSms();
    const [{ smsProviderId }] = await server.ds.query(`SELECT "smsProviderId" FROM "interactions" WHERE "id" = $1`, [sms.id]);
    expect((await twilio.callback(smsProviderId, 'delivered', { via })).status).toBe(204);
    expect(await smsStatus(sms.id)).toBe('DELIVERED');
    await expectReadOnly(sms);
  });
});

describe('interactions that were not sent from Converge', () => {
  it('refuses turning a logged call into an SMS at input.type', async () => {
    const call = await createInteraction(server.ds, manager.user.id, { type: 'CALL' });
    const res = await manager.request(UPDATE, { id: call.id, input: { type: 'SMS' } });
    expect(res.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['input', 'type'], message: expect.stringMatching(/sendSms/) }],
    });
    expect((await row(call.id)).type).toBe('CALL');
    // Other kinds stay free to change.
    expect((await manager.ok(UPDATE, { id: call.id, input: { type: 'MEETING', body: 'Met instead' } })).updateInteraction).toMatchObject({
      type: 'MEETING',
      body: 'Met instead',
    });
  });

  it('leaves a logged SMS (no delivery status) editable like any logged interaction', async () => {
    const logged = await createInteraction(server.ds, manager.user.id, { type: 'SMS', body: 'Texted from my phone' });
    const { updateInteraction } = await manager.ok(UPDATE, { id: logged.id, input: { body: 'Texted from my phone at 9', type: 'CALL' } });
    expect(updateInteraction).toMatchObject({ type: 'CALL', body: 'Texted from my phone at 9', smsStatus: null });
  });
});
