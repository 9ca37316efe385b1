import { randomUUID } from 'node:crypto';
import type { Config } from '../../config/env';
import { logger } from '../../kernel/logger';
import { TwilioSmsProvider } from './twilio-provider';

export { SmsRejectedError, type OutgoingSms, type SmsProvider } from './sms-provider.types';
import type { OutgoingSms, SmsProvider } from './sms-provider.types';

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
    p =
      cfg.TWILIO_ACCOUNT_SID && cfg.TWILIO_AUTH_TOKEN && cfg.TWILIO_FROM
        ? new TwilioSmsProvider({ accountSid: cfg.TWILIO_ACCOUNT_SID, authToken: cfg.TWILIO_AUTH_TOKEN, from: cfg.TWILIO_FROM, baseUrl: cfg.TWILIO_BASE_URL })
        : new ConsoleSmsProvider();
    providers.set(cfg, p);
  }
  return p;
}
