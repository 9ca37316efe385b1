import type { Context } from '../../kernel/context';
import { requirePrincipal } from '../../kernel/context';
import { lockRow } from '../../kernel/data/rows';
import { badInput, NotFoundError } from '../../kernel/errors/errors';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { normalizePhone, validateInput } from '../../kernel/validation';
import { Contact, contacts, CreateInteractionInput, Interaction, interactions, InteractionType, SmsStatus } from '../crm';
import { SmsRequested } from './sms.events';
import { SendSmsInput } from './sms.inputs';

/** A stored phone that is a valid E.164 number, or null. */
function textablePhone(phone: string | null): string | null {
  return phone && phone.startsWith('+') && normalizePhone(phone) === phone ? phone : null;
}

/**
 * Records an SMS interaction with the contact (QUEUED); its SmsRequested event puts the job that
 * sends it in the outbox, in the same transaction. Contacts the caller may not see are NOT_FOUND.
 */
export async function sendSms(ctx: Context, input: SendSmsInput): Promise<Interaction> {
  await validateInput(input, ['input']);
  const p = requirePrincipal(ctx);
  return inTransaction(ctx, async (uow) => {
    const contact = await lockRow<Contact>(uow.manager, contacts.service.spec(ctx), input.contactId, {
      where: contacts.policy.readWhere(p),
      trashed: null,
      lock: 'KEY SHARE',
    });
    if (!contact) throw new NotFoundError('Contact', input.contactId);
    if (contact.deletedAt) throw badInput(['input', 'contactId'], 'Contact is in the trash');
    const to = textablePhone(contact.phone);
    if (!to) throw badInput(['input', 'contactId'], 'The contact has no valid phone number to text (E.164, e.g. +14155550100)');
    const create = Object.assign(new CreateInteractionInput(), {
      type: InteractionType.SMS,
      subject: `SMS to ${to}`,
      body: input.body,
      contactId: contact.id,
      dealId: input.dealId ?? null,
    });
    const interaction = await interactions.service.createIn(ctx, uow, create, ['input'], { smsStatus: SmsStatus.QUEUED, smsTo: to });
    await uow.emit(SmsRequested, { interactionId: interaction.id });
    return interaction;
  });
}
