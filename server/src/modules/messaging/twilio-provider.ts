import type TwilioSdk from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { isSameMessage } from './sms-text';
import { OutgoingSms, SmsProvider, SmsRejectedError } from './sms-provider.types';

let sdk: typeof TwilioSdk | undefined;

/** The Twilio SDK, loaded on first use: it adds about a second to start-up, and most processes never text. */
export function twilioSdk(): typeof TwilioSdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (sdk ??= require('twilio') as typeof TwilioSdk);
}

/** A request client that sends every request of the Twilio client to another host (TWILIO_BASE_URL, e.g. a local fake). */
function rebasedRequestClient(base: URL, opts: RequestClient.RequestClientOptions): RequestClient {
  const dir = base.href.endsWith('/') ? base : new URL(`${base.href}/`);
  class RebasedRequestClient extends twilioSdk().RequestClient {
    override request<T>(req: RequestClient.RequestOptions<T>) {
      const uri = new URL(req.uri);
      return super.request<T>({ ...req, uri: new URL(uri.pathname.replace(/^\//, '') + uri.search, dir).href });
    }
  }
  return new RebasedRequestClient(opts);
}

const TIMEOUT_MS = 15_000;

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** A phone number, or a Messaging Service SID (MG…). */
  from: string;
  baseUrl?: string;
}

/** SMS through the official Twilio client. */
export class TwilioSmsProvider implements SmsProvider {
  readonly name = 'twilio';
  private readonly client: TwilioSdk.Twilio;

  constructor(private readonly settings: TwilioSettings) {
    const httpClient = settings.baseUrl ? rebasedRequestClient(new URL(settings.baseUrl), { timeout: TIMEOUT_MS }) : undefined;
    this.client = twilioSdk()(settings.accountSid, settings.authToken, { httpClient, timeout: TIMEOUT_MS });
  }

  async send(sms: OutgoingSms): Promise<{ providerId: string }> {
    const from = this.settings.from.startsWith('MG') ? { messagingServiceSid: this.settings.from } : { from: this.settings.from };
    try {
      const msg = await this.client.messages.create({
        to: sms.to,
        body: sms.text,
        ...from,
        ...(sms.statusCallback ? { statusCallback: sms.statusCallback } : {}),
      });
      return { providerId: msg.sid };
    } catch (err) {
      const status = (err as { status?: number }).status;
      // 4xx (except rate limiting) means Twilio refused this request; it would refuse it again.
      if (typeof status === 'number' && status >= 400 && status < 500 && status !== 429) {
        const code = (err as { code?: number }).code;
        throw new SmsRejectedError(`Twilio refused the message (HTTP ${status}${code ? `, error ${code}` : ''}): ${(err as Error).message}`);
      }
      throw err;
    }
  }

  async find(sms: OutgoingSms): Promise<{ providerId: string } | null> {
    // Messages sent since the first attempt (a minute of clock slack), plus the newest ones to the
    // number: a message Twilio accepted but has not sent yet has no send date.
    const [bySendDate, newest] = await Promise.all([
      this.client.messages.list({ to: sms.to, dateSentAfter: new Date(sms.since.getTime() - 60_000), limit: 500 }),
      this.client.messages.list({ to: sms.to, limit: 50 }),
    ]);
    const hit = [...bySendDate, ...newest].find((m) => isSameMessage(m.body, sms.text, sms.tag));
    return hit ? { providerId: hit.sid } : null;
  }
}
