import twilioSdk from 'twilio';
import { Client } from '../../../test/client';
import { clientAs, createContact } from '../../../test/factories';
import { startFakeTwilio, FakeTwilio } from '../../../test/fake-twilio';
import { startTestJobs, waitFor } from '../../../test/jobs';
import { startTestServer, TestServer } from '../../../test/server';
import type { JobSystem } from '../../kernel/jobs/job-system';
import { smsSendJob } from './sms.job';

// Twilio's status callbacks: signed with the auth token over the public URL they were sent to.
let server: TestServer;
let twilio: FakeTwilio;
let jobs: JobSystem;
let manager: Client;
let via: string;
const PUBLIC_URL = 'https://crm.converge.test';

beforeAll(async () => {
  twilio = await startFakeTwilio();
  server = await startTestServer({ ...twilio.env(), PUBLIC_URL });
  via = server.url.replace(/\/graphql$/, '');
  manager = await clientAs(server, 'SALES_MANAGER');
  await server.ds.query(`DELETE FROM "outbox" WHERE "queue" = $1 AND "state" NOT IN ('DONE', 'DEAD')`, [smsSendJob.queue]);
  jobs = startTestJobs(server.ds, 'in-process', { jobs: [smsSendJob] });
});
afterAll(async () => {
  await jobs.stop(5000);
  await server.stop();
  await twilio.stop();
});

let n = 0;
async function sentSms(): Promise<{ id: string; sid: string }> {
  const contact = await createContact(server.ds, manager.user.id, { phone: `+1415555${String(1000 + ++n).padStart(4, '0')}` });
  const { sendSms } = await manager.ok(`mutation($input: SendSmsInput!) { sendSms(input: $input) { id } }`, {
    input: { contactId: contact.id, body: 'Status please' },
  });
  const sid = await waitFor('the SMS to be sent', async () => {
    const [row] = await server.ds.query(`SELECT "smsStatus", "smsProviderId" FROM "interactions" WHERE "id" = $1`, [sendSms.id]);
    return row.smsStatus === 'SENT' && row.smsProviderId;
  });
  return { id: sendSms.id, sid };
}

const read = async (id: string) => (await manager.ok(`query($id: ID!) { interaction(id: $id) { smsStatus smsProviderId smsError } }`, { id })).interaction;

/** The SMS's latest activity entry once it records `status` (entries are served once every older transaction has ended). */
async function activity(id: string, status: string) {
  return waitFor(`an activity entry for ${status}`, async () => {
    const data = await manager.ok(`query($id: ID!) { activityLog(last: 1, filter: { entityId: { eq: $id } }) { nodes { action changes actor { id } } } }`, {
      id,
    });
    const latest = data.activityLog.nodes[0];
    return latest?.changes?.smsStatus?.to === status ? latest : null;
  });
}

describe('POST /webhooks/twilio/status', () => {
  it('a correctly signed "delivered" report marks the SMS DELIVERED, with an activity entry', async () => {
    const sms = await sentSms();
    const res = await twilio.callback(sms.sid, 'delivered', { via });
    expect(res.status).toBe(204);
    expect(await read(sms.id)).toEqual({ smsStatus: 'DELIVERED', smsProviderId: sms.sid, smsError: null });
    expect(await activity(sms.id, 'DELIVERED')).toEqual({ action: 'UPDATED', changes: { smsStatus: { from: 'SENT', to: 'DELIVERED' } }, actor: null });
  });

  it('an "undelivered" report records the reason', async () => {
    const sms = await sentSms();
    expect((await twilio.callback(sms.sid, 'undelivered', { via, extra: { ErrorCode: '30003' } })).status).toBe(204);
    expect(await read(sms.id)).toEqual({ smsStatus: 'UNDELIVERED', smsProviderId: sms.sid, smsError: 'Not delivered (undelivered, Twilio error 30003)' });
  });

  it.each([
    ['without a signature', () => null],
    ['signed with another auth token', (url: string, params: Record<string, string>) => twilioSdk.getExpectedTwilioSignature('not-the-token', url, params)],
    [
      'signed for another URL',
      (url: string, params: Record<string, string>) => twilioSdk.getExpectedTwilioSignature(twilio.authToken, url.replace(PUBLIC_URL, via), params),
    ],
    [
      'signed for other parameters',
      (url: string, params: Record<string, string>) => twilioSdk.getExpectedTwilioSignature(twilio.authToken, url, { ...params, MessageStatus: 'sent' }),
    ],
    ['with a garbage signature', () => 'bm90IGEgc2lnbmF0dXJl'],
  ])('refuses a report %s (403) and changes nothing', async (_label, sign) => {
    const sms = await sentSms();
    const message = twilio.messages.find((m) => m.sid === sms.sid)!;
    const params = { MessageSid: sms.sid, MessageStatus: 'delivered', AccountSid: twilio.accountSid, To: message.to, From: message.from };
    const res = await twilio.callback(sms.sid, 'delivered', { via, signature: sign(message.statusCallback!, params) });
    expect(res.status).toBe(403);
    expect((await read(sms.id)).smsStatus).toBe('SENT');
  });

  it('a delivery report that beats the worker to recording the send still lands', async () => {
    const contact = await createContact(server.ds, manager.user.id, { phone: '+14155550199' });
    twilio.script('hang');
    const accepted = twilio.hung();
    const { sendSms } = await manager.ok(`mutation($input: SendSmsInput!) { sendSms(input: $input) { id } }`, {
      input: { contactId: contact.id, body: 'Fast network' },
    });
    const message = await accepted;
    expect((await twilio.callback(message.sid, 'delivered', { via })).status).toBe(204);
    expect(await read(sendSms.id)).toEqual({ smsStatus: 'DELIVERED', smsProviderId: message.sid, smsError: null });
    twilio.release(); // the worker now hears Twilio's answer: it keeps the delivery status
    await waitFor(
      'the job to finish',
      async () => (await server.ds.query(`SELECT "state" FROM "outbox" WHERE "payload"->>'interactionId' = $1`, [sendSms.id]))[0].state === 'DONE',
    );
    expect(await read(sendSms.id)).toEqual({ smsStatus: 'DELIVERED', smsProviderId: message.sid, smsError: null });
  });

  it('ignores reports for messages it does not know', async () => {
    const sms = await sentSms();
    const url = `${PUBLIC_URL}/webhooks/twilio/status`;
    const params = { MessageSid: 'SM00000000000000000000000000000000', MessageStatus: 'delivered' };
    const res = await fetch(`${via}/webhooks/twilio/status`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': twilioSdk.getExpectedTwilioSignature(twilio.authToken, url, params),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(204);
    expect((await read(sms.id)).smsStatus).toBe('SENT');
  });
});
