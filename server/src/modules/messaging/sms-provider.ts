import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/env';
import { logger } from '../../kernel/logger';
import { TwilioSmsProvider } from './twilio-provider';

/** One message on its way out, with what it takes to recognise it at the provider later. */
export interface OutgoingSms {
  to: string;
  /** The text as sent (the body plus its reference tag, when it fits). */
  text: string;
  /** Short per-message reference embedded in the text. */
  tag: string;
  /** When sending was first attempted: the provider is searched from then on. */
  since: Date;
  /** Where the provider reports delivery (set when PUBLIC_URL is known). */
  statusCallback?: string;
}

export interface SmsProvider {
  readonly name: string;
  /** Sends; throws SmsRejectedError when the provider refuses it for good, anything else when it may work later. */
  send(sms: OutgoingSms): Promise<{ providerId: string }>;
  /** The provider's id of this message if it was sent already (by an attempt that died before recording it). */
  find(sms: OutgoingSms): Promise<{ providerId: string } | null>;
}

/** The provider refused the message (bad number, blocked, ...): retrying will not help. */
export class SmsRejectedError extends Error {}

/** Without Twilio credentials: writes the message to the log and reports it sent, so the demo works offline. */
export class ConsoleSmsProvider implements SmsProvider {
  readonly name = 'console';

  async send(sms: OutgoingSms): Promise<{ providerId: string }> {
    const providerId = `console-${randomUUID()}`;
    logger.info({ to: sms.to, text: sms.text, providerId }, 'SMS (console provider: not sent to a network)');
    return { providerId };
  }

  async find(): Promise<null> {
    return null;
  }
}

const providers = new WeakMap<Config, SmsProvider>();

/** Twilio when its credentials are configured, else the console provider. */
export function smsProviderFor(cfg: Config): SmsProvider {
  let p = providers.get(cfg);
  if (!p) {
    p = cfg.TWILIO_ACCOUNT_SID && cfg.TWILIO_AUTH_TOKEN && cfg.TWILIO_FROM
      ? new TwilioSmsProvider({ accountSid: cfg.TWILIO_ACCOUNT_SID, authToken: cfg.TWILIO_AUTH_TOKEN, from: cfg.TWILIO_FROM, baseUrl: cfg.TWILIO_BASE_URL })
      : new ConsoleSmsProvider();
    providers.set(cfg, p);
  }
  return p;
}
