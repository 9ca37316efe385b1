import type { Context } from '../../kernel/context';
import { badInput, ForbiddenError } from '../../kernel/errors/errors';
import { activeRules, canReadField } from '../../kernel/permissions/apply';
import { SortDirection } from '../../kernel/pagination/filters';
import { normalizeEmail, normalizeMoney, normalizePhone } from '../../kernel/validation';
import { Account } from './account.entity';
import { CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { CrmRecordService, Values } from './crm-record.service';

/** Only those who may read the credit limit may set it. */
function guardCreditLimit(ctx: Context, input: AccountFields): void {
  if (input.creditLimit !== undefined && !canReadField(activeRules(), 'Account', 'creditLimit', null, ctx)) {
    throw new ForbiddenError('You may not set Account.creditLimit');
  }
}

type AccountFields = CreateAccountInput | UpdateAccountInput;

/** Column values from a validated input: undefined = unchanged, null = cleared. */
function accountValues(input: AccountFields): Values {
  const opt = <V>(v: V | null | undefined, f: (x: V) => unknown) => (v === undefined ? undefined : v === null ? null : f(v));
  return {
    name: input.name?.trim(),
    industry: opt(input.industry, (v) => v.trim()),
    website: opt(input.website, (v) => v.trim()),
    phone: opt(input.phone, normalizePhone),
    email: opt(input.email, normalizeEmail),
    billingAddress: opt(input.billingAddress, (v) => v.trim()),
    creditLimit: opt(input.creditLimit, normalizeMoney),
  };
}

export const accountService = new CrmRecordService<Account, CreateAccountInput, UpdateAccountInput>({
  entity: Account,
  typeName: 'Account',
  area: 'accounts',
  label: (a) => a.name,
  loggedFields: ['name', 'industry', 'website', 'phone', 'email', 'billingAddress', 'creditLimit', 'ownerId'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  prepareCreate: async (ctx, _uow, input) => {
    guardCreditLimit(ctx, input);
    return accountValues(input);
  },
  prepareUpdate: async (ctx, _uow, _before, input, path) => {
    if (input.name === null) throw badInput([...path, 'name'], 'cannot be cleared');
    guardCreditLimit(ctx, input);
    return accountValues(input);
  },
});
