import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';

// A stand-in for Twilio's REST API on 127.0.0.1, for tests: the two message endpoints the SMS
// worker uses, with scriptable answers, and signed status callbacks as Twilio sends them.

export interface FakeMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  statusCallback: string | null;
  dateCreated: Date;
  dateSent: Date;
}

/** What the next create request gets: an HTTP status (201 records the message), or 'hang'. */
export type Answer = number | 'hang';

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  from: string;
  /** Messages Twilio accepted (what a phone would get). */
  messages: FakeMessage[];
  /** Create requests received, whatever their answer. */
  createRequests: number;
  /** The `To` of every create request, in order. */
  creates: string[];
  listRequests: number;
  /** Answers for the next create requests, in order; afterwards 201. */
  script(...answers: Answer[]): void;
  /** Resolves when a 'hang' answer has recorded its message (the response never comes). */
  hung(): Promise<FakeMessage>;
  /** Answers the hanging requests after all (201). */
  release(): void;
  /** Env for the server and workers: credentials and TWILIO_BASE_URL pointing here. */
  env(): Record<string, string>;
  /**
   * Sends a status callback for a message the way Twilio does: form-encoded, signed for the
   * callback URL the message was sent with; `via` is where that URL's server really listens.
   */
  callback(sid: string, status: string, opts: { via: string; signature?: string | null; extra?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

const twilioDate = (d: Date) => d.toUTCString().replace('GMT', '+0000');

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let s = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (s += c));
    req.on('end', () => resolve(s));
    req.on('error', reject);
  });
}

function resource(m: FakeMessage, accountSid: string) {
  return {
    sid: m.sid,
    account_sid: accountSid,
    to: m.to,
    from: m.from,
    body: m.body,
    status: m.status,
    direction: 'outbound-api',
    num_segments: '1',
    num_media: '0',
    price: null,
    price_unit: 'USD',
    error_code: null,
    error_message: null,
    api_version: '2010-04-01',
    messaging_service_sid: null,
    date_created: twilioDate(m.dateCreated),
    date_updated: twilioDate(m.dateCreated),
    date_sent: twilioDate(m.dateSent),
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${m.sid}.json`,
    subresource_uris: {},
  };
}

/** Twilio's `DateSent`, `DateSent>` (on or after), `DateSent<` (on or before) filters; a date alone means that whole day. */
function dateFilter(params: URLSearchParams): (d: Date) => boolean {
  const checks: ((d: Date) => boolean)[] = [];
  const dayOnly = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);
  const on = params.get('DateSent');
  const after = params.get('DateSent>');
  const before = params.get('DateSent<');
  if (on) checks.push(dayOnly(on) ? (d) => d.toISOString().slice(0, 10) === on : (d) => d.getTime() === Date.parse(on));
  if (after) checks.push((d) => d.getTime() >= Date.parse(dayOnly(after) ? `${after}T00:00:00Z` : after));
  if (before) checks.push((d) => d.getTime() <= Date.parse(dayOnly(before) ? `${before}T23:59:59.999Z` : before));
  return (d) => checks.every((c) => c(d));
}

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = `AC${randomBytes(16).toString('hex')}`;
  const authToken = randomBytes(16).toString('hex');
  const from = '+15005550006';
  const answers: Answer[] = [];
  const hangWaiters: ((m: FakeMessage) => void)[] = [];
  const hanging: { res: http.ServerResponse; message: FakeMessage }[] = [];
  const base = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const fake = {
    messages: [] as FakeMessage[],
    createRequests: 0,
    creates: [] as string[],
    listRequests: 0,
  };

  const fail = (res: http.ServerResponse, status: number, code: number, message: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
  };

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
    if (auth !== `${accountSid}:${authToken}`) return fail(res, 401, 20003, 'Authenticate');
    if (url.pathname !== base) return fail(res, 404, 20404, 'The requested resource was not found');
    if (req.method === 'GET') {
      fake.listRequests++;
      const to = url.searchParams.get('To');
      const when = dateFilter(url.searchParams);
      const found = fake.messages.filter((m) => (!to || m.to === to) && when(m.dateSent)).sort((a, b) => b.dateCreated.getTime() - a.dateCreated.getTime());
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          messages: found.map((m) => resource(m, accountSid)),
          page: 0,
          page_size: found.length || 50,
          start: 0,
          end: Math.max(0, found.length - 1),
          uri: url.pathname + url.search,
          first_page_uri: url.pathname + url.search,
          next_page_uri: null,
          previous_page_uri: null,
        }),
      );
      return;
    }
    if (req.method !== 'POST') return fail(res, 405, 20004, 'Method not allowed');
    fake.createRequests++;
    const form = new URLSearchParams(await readBody(req));
    fake.creates.push(form.get('To') ?? '');
    const answer = answers.shift() ?? 201;
    if (typeof answer === 'number' && answer >= 300) {
      return answer >= 500
        ? fail(res, answer, 20500, 'Internal Server Error')
        : fail(res, answer, 21211, `The 'To' number ${form.get('To')} is not a valid phone number.`);
    }
    const now = new Date();
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to: form.get('To') ?? '',
      from: form.get('From') ?? '',
      body: form.get('Body') ?? '',
      status: 'queued',
      statusCallback: form.get('StatusCallback'),
      dateCreated: now,
      dateSent: now,
    };
    fake.messages.push(message);
    if (answer === 'hang') {
      hanging.push({ res, message }); // accepted at "Twilio", but the caller does not hear back
      hangWaiters.shift()?.(message);
      return;
    }
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify(resource(message, accountSid)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(fake, {
    url,
    accountSid,
    authToken,
    from,
    script: (...a: Answer[]) => {
      answers.push(...a);
    },
    hung: () => new Promise<FakeMessage>((resolve) => hangWaiters.push(resolve)),
    release() {
      for (const { res, message } of hanging.splice(0)) {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify(resource(message, accountSid)));
      }
    },
    env: () => ({ TWILIO_ACCOUNT_SID: accountSid, TWILIO_AUTH_TOKEN: authToken, TWILIO_FROM: from, TWILIO_BASE_URL: url }),
    async callback(sid: string, status: string, opts: { via: string; signature?: string | null; extra?: Record<string, string> }) {
      const m = fake.messages.find((x) => x.sid === sid);
      if (!m?.statusCallback) throw new Error(`message ${sid} has no status callback`);
      const params: Record<string, string> = { MessageSid: sid, MessageStatus: status, AccountSid: accountSid, To: m.to, From: m.from, ...opts.extra };
      const signature = opts.signature === undefined ? twilio.getExpectedTwilioSignature(authToken, m.statusCallback, params) : opts.signature;
      const target = new URL(m.statusCallback);
      return fetch(`${opts.via.replace(/\/$/, '')}${target.pathname}${target.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature === null ? {} : { 'x-twilio-signature': signature }) },
        body: new URLSearchParams(params).toString(),
      });
    },
    async stop() {
      for (const { res } of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
