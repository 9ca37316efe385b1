import type { Context } from '../../kernel/context';
import { requirePrincipal } from '../../kernel/context';
import { lockRow } from '../../kernel/data/rows';
import { badInput, NotFoundError } from '../../kernel/errors/errors';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { enqueueJob } from '../../kernel/jobs/enqueue';
import { normalizePhone, validateInput } from '../../kernel/validation';
import type { Contact } from '../crm/contact.entity';
import { contactService } from '../crm/contact.service';
import { readScope } from '../crm/crm.scope';
import { Interaction, InteractionType, SmsStatus } from '../crm/interaction.entity';
import { CreateInteractionInput } from '../crm/interaction.inputs';
import { interactionService } from '../crm/interaction.service';
import { SendSmsInput } from './sms.inputs';
import { smsSendJob } from './sms.job';

/** A stored phone that is a valid E.164 number, or null. */
function textablePhone(phone: string | null): string | null {
  return phone && phone.startsWith('+') && normalizePhone(phone) === phone ? phone : null;
}

/**
 * Records an SMS interaction with the contact (QUEUED) and, in the same transaction, the job that
 * sends it. Contacts the caller may not see are NOT_FOUND.
 */
export async function sendSms(ctx: Context, input: SendSmsInput): Promise<Interaction> {
  await validateInput(input, ['input']);
  const p = requirePrincipal(ctx);
  return inTransaction(ctx, async (uow) => {
    const contact = await lockRow<Contact>(uow.manager, contactService.spec(ctx), input.contactId, { where: readScope(p, 'contacts'), trashed: null, lock: 'KEY SHARE' });
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
    const interaction = await interactionService.createIn(ctx, uow, create, ['input'], { smsStatus: SmsStatus.QUEUED, smsTo: to });
    await enqueueJob(uow.manager, smsSendJob, { interactionId: interaction.id });
    return interaction;
  });
}
