import { registerEnum } from '../../kernel/enums';

export enum InteractionType {
  CALL = 'CALL',
  EMAIL = 'EMAIL',
  MEETING = 'MEETING',
  NOTE = 'NOTE',
  SMS = 'SMS',
}
registerEnum(InteractionType, 'InteractionType', 'Kind of touch point.');

/** An SMS's way out: QUEUED → SENDING → SENT | FAILED, then DELIVERED | UNDELIVERED from the provider. */
export enum SmsStatus {
  QUEUED = 'QUEUED',
  SENDING = 'SENDING',
  SENT = 'SENT',
  FAILED = 'FAILED',
  DELIVERED = 'DELIVERED',
  UNDELIVERED = 'UNDELIVERED',
}
registerEnum(SmsStatus, 'SmsStatus', 'Delivery status of an SMS sent from Converge.');
