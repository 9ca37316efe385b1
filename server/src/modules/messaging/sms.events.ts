import { defineEvent } from '../../kernel/events/domain-events';

/** An SMS interaction was recorded and waits to be sent. */
export const SmsRequested = defineEvent<{ interactionId: string }>('messaging.sms-requested');
