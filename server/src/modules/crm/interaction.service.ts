import type { Context } from '../../kernel/context';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { SortDirection } from '../../kernel/pagination/filters';
import { contactService } from './contact.service';
import { CrmRecordService, Path } from './crm-record.service';
import { dealService } from './deal.service';
import { Interaction } from './interaction.entity';
import { CreateInteractionInput, UpdateInteractionInput } from './interaction.inputs';

async function checkRefs(ctx: Context, uow: UnitOfWork, contactId: string | undefined, dealId: string | null | undefined, path: Path): Promise<void> {
  if (contactId != null) await interactionService.requireVisible(ctx, uow, contactService, contactId, [...path, 'contactId']);
  if (dealId != null) await interactionService.requireVisible(ctx, uow, dealService, dealId, [...path, 'dealId']);
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
  prepareUpdate: async (ctx, uow, _before, input, path) => {
    for (const f of ['type', 'subject', 'occurredAt', 'contactId'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
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
