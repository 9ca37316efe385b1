import { badInput } from '../../kernel/errors/errors';
import { SortDirection } from '../../kernel/pagination/filters';
import { normalizeEmail, normalizePhone } from '../../kernel/validation';
import { accountService } from './account.service';
import { Contact } from './contact.entity';
import { CreateContactInput, UpdateContactInput } from './contact.inputs';
import { CrmRecordService, optional, Values } from './crm-record.service';

function contactValues(input: CreateContactInput | UpdateContactInput): Values {
  return {
    firstName: input.firstName?.trim(),
    lastName: input.lastName?.trim(),
    email: optional(input.email, normalizeEmail),
    phone: optional(input.phone, normalizePhone),
    title: optional(input.title, (v) => v.trim()),
  };
}

export const contactService = new CrmRecordService<Contact, CreateContactInput, UpdateContactInput>({
  entity: Contact,
  typeName: 'Contact',
  area: 'contacts',
  label: (c) => `${c.firstName} ${c.lastName}`,
  loggedFields: ['firstName', 'lastName', 'email', 'phone', 'title', 'accountId', 'ownerId'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  prepareCreate: async (ctx, uow, input, path) => {
    if (input.accountId != null) await contactService.requireVisible(ctx, uow, accountService, input.accountId, [...path, 'accountId']);
    return { ...contactValues(input), accountId: input.accountId ?? null };
  },
  prepareUpdate: async (ctx, uow, _before, input, path) => {
    for (const f of ['firstName', 'lastName'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    if (input.accountId != null) await contactService.requireVisible(ctx, uow, accountService, input.accountId, [...path, 'accountId']);
    return { ...contactValues(input), accountId: input.accountId };
  },
});
