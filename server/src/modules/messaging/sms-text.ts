import { SMS_MAX_LENGTH } from './sms.inputs';

// Twilio takes no idempotency key, so each message carries a short reference derived from its
// interaction: after a crash the handler finds the message at Twilio by it instead of sending twice.

export function smsTag(interactionId: string): string {
  return interactionId.replace(/-/g, '').slice(0, 8);
}

const suffix = (tag: string) => `\n(ref ${tag})`;

/** The text to send: the body plus its reference, unless that would make it too long. */
export function smsText(body: string, tag: string): string {
  const withTag = body + suffix(tag);
  return withTag.length <= SMS_MAX_LENGTH ? withTag : body;
}

/** Whether a message found at the provider is this one: by its reference, or (untagged) by its exact text. */
export function isSameMessage(foundText: string | null | undefined, text: string, tag: string): boolean {
  if (!foundText) return false;
  return text.endsWith(suffix(tag)) ? foundText.includes(suffix(tag).trim()) : foundText === text;
}
