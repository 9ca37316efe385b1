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
