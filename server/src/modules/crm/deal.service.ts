import type { Context } from '../../kernel/context';
import { badInput } from '../../kernel/errors/errors';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { SortDirection } from '../../kernel/pagination/filters';
import { normalizeMoney } from '../../kernel/validation';
import { accountService } from './account.service';
import { contactService } from './contact.service';
import { CrmRecordService, Path, Values } from './crm-record.service';
import { Deal, DealStage, isOpenStage } from './deal.entity';
import { CreateDealInput, UpdateDealInput } from './deal.inputs';

/** The primary contact must be visible and work at the deal's account (when it has one). */
async function checkPrimaryContact(ctx: Context, uow: UnitOfWork, contactId: string, accountId: string, path: Path): Promise<void> {
  const contact = await dealService.requireVisible(ctx, uow, contactService, contactId, path);
  if (contact.accountId && contact.accountId !== accountId) throw badInput(path, 'must be a contact of the deal’s account');
}

export const dealService = new CrmRecordService<Deal, CreateDealInput, UpdateDealInput>({
  entity: Deal,
  typeName: 'Deal',
  area: 'deals',
  label: (d) => d.name,
  loggedFields: ['name', 'accountId', 'primaryContactId', 'stage', 'amount', 'probability', 'expectedCloseDate', 'closedAt', 'lostReason', 'ownerId'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  prepareCreate: async (ctx, uow, input, path) => {
    if (!isOpenStage(input.stage)) throw badInput([...path, 'stage'], 'A deal starts in an open stage; close it with moveDealStage');
    await dealService.requireVisible(ctx, uow, accountService, input.accountId, [...path, 'accountId']);
    if (input.primaryContactId != null) await checkPrimaryContact(ctx, uow, input.primaryContactId, input.accountId, [...path, 'primaryContactId']);
    return {
      name: input.name.trim(),
      accountId: input.accountId,
      primaryContactId: input.primaryContactId ?? null,
      amount: normalizeMoney(input.amount ?? '0'),
      stage: input.stage,
      probability: input.probability ?? null,
      expectedCloseDate: input.expectedCloseDate ?? null,
    };
  },
  prepareUpdate: async (ctx, uow, before, input, path) => {
    for (const f of ['name', 'accountId', 'amount'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    // A closed deal's project hangs off its account: moving it needs a reopen first.
    if (input.accountId && input.accountId !== before.accountId && !isOpenStage(before.stage)) {
      throw badInput([...path, 'accountId'], `The deal is ${before.stage}; reopen it before moving it to another account`);
    }
    const accountId = input.accountId ?? before.accountId;
    if (input.accountId != null) await dealService.requireVisible(ctx, uow, accountService, input.accountId, [...path, 'accountId']);
    const contactId = input.primaryContactId === undefined ? before.primaryContactId : input.primaryContactId;
    if (contactId != null && (input.primaryContactId != null || input.accountId != null)) {
      await checkPrimaryContact(ctx, uow, contactId, accountId, [...path, input.primaryContactId != null ? 'primaryContactId' : 'accountId']);
    }
    const values: Values = {
      name: input.name?.trim(),
      accountId: input.accountId,
      primaryContactId: input.primaryContactId,
      amount: input.amount === undefined ? undefined : normalizeMoney(input.amount),
      probability: input.probability,
      expectedCloseDate: input.expectedCloseDate,
    };
    return values;
  },
});

