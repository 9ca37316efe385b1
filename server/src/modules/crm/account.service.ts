import { badInput } from '../../kernel/errors/errors';
import { SortDirection } from '../../kernel/pagination/filters';
import { normalizeEmail, normalizeMoney, normalizePhone } from '../../kernel/validation';
import { Account } from './account.entity';
import { CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { CrmRecordService, optional, Values } from './crm-record.service';

type AccountFields = CreateAccountInput | UpdateAccountInput;

/** Column values from a validated input: undefined = unchanged, null = cleared. */
function accountValues(input: AccountFields): Values {
  return {
    name: input.name?.trim(),
    industry: optional(input.industry, (v) => v.trim()),
    website: optional(input.website, (v) => v.trim()),
    phone: optional(input.phone, normalizePhone),
    email: optional(input.email, normalizeEmail),
    billingAddress: optional(input.billingAddress, (v) => v.trim()),
    creditLimit: optional(input.creditLimit, normalizeMoney),
  };
}

export const accountService = new CrmRecordService<Account, CreateAccountInput, UpdateAccountInput>({
  entity: Account,
  typeName: 'Account',
  area: 'accounts',
  label: (a) => a.name,
  loggedFields: ['name', 'industry', 'website', 'phone', 'email', 'billingAddress', 'creditLimit', 'ownerId'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  prepareCreate: async (_ctx, _uow, input) => accountValues(input),
  prepareUpdate: async (_ctx, _uow, _before, input, path) => {
    if (input.name === null) throw badInput([...path, 'name'], 'cannot be cleared');
    return accountValues(input);
  },
});
