import type { Context } from '../../kernel/context';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { SortDirection } from '../../kernel/pagination/filters';
import { contactService } from './contact.service';
import { CrmRecordService, Path } from './crm-record.service';
import { dealService } from './deal.service';
import { Interaction, InteractionType } from './interaction.entity';
import { CreateInteractionInput, UpdateInteractionInput } from './interaction.inputs';

async function checkRefs(ctx: Context, uow: UnitOfWork, contactId: string | undefined, dealId: string | null | undefined, path: Path): Promise<void> {
  if (contactId != null) await interactionService.requireVisible(ctx, uow, contactService, contactId, [...path, 'contactId']);
  if (dealId != null) await interactionService.requireVisible(ctx, uow, dealService, dealId, [...path, 'dealId']);
}

/**
 * What an SMS sent with `sendSms` says, to whom and when is a record of what went out (or is about
 * to: the worker reads the stored text when it sends), so those fields never change once the
 * message exists. Sending the same value again is not a change.
 */
const SENT_SMS_FIXED = ['type', 'body', 'contactId', 'occurredAt'] as const;

const sameValue = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

function guardSms(before: Interaction, input: UpdateInteractionInput, path: Path): void {
  if (before.smsStatus) {
    for (const f of SENT_SMS_FIXED) {
      if (input[f] !== undefined && !sameValue(input[f], before[f])) {
        throw badInput([...path, f], 'cannot be changed on an SMS sent from Converge: it records what was sent, to whom and when');
      }
    }
  } else if (input.type === InteractionType.SMS && before.type !== InteractionType.SMS) {
    // A logged call or note turned into an SMS would pose as a text that was never sent.
    throw badInput([...path, 'type'], 'cannot be changed to SMS; send a text with sendSms instead');
  }
}

export const interactionService = new CrmRecordService<Interaction, CreateInteractionInput, UpdateInteractionInput>({
  entity: Interaction,
  typeName: 'Interaction',
  area: 'interactions',
  label: (i) => i.subject,
  loggedFields: ['type', 'subject', 'body', 'occurredAt', 'contactId', 'dealId', 'ownerId', 'smsStatus', 'smsTo', 'smsProviderId', 'smsError'],
  defaultOrder: [{ field: 'OCCURRED_AT', direction: SortDirection.DESC }],
  prepareCreate: async (ctx, uow, input, path) => {
    await checkRefs(ctx, uow, input.contactId, input.dealId, path);
    return {
      type: input.type,
      subject: input.subject.trim(),
      body: input.body ?? null,
      occurredAt: input.occurredAt ?? new Date(),
      contactId: input.contactId,
      dealId: input.dealId ?? null,
    };
  },
  prepareUpdate: async (ctx, uow, before, input, path) => {
    for (const f of ['type', 'subject', 'occurredAt', 'contactId'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    guardSms(before, input, path);
    await checkRefs(ctx, uow, input.contactId, input.dealId, path);
    return {
      type: input.type,
      subject: input.subject?.trim(),
      body: input.body,
      occurredAt: input.occurredAt,
      contactId: input.contactId,
      dealId: input.dealId,
    };
  },
});
