import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { ActivityLog } from '../system/activity-log.entity';
import { ActivityLogConnection } from '../system/activity-log.inputs';
import { activityLogService } from '../system/activity-log.service';
import { Account } from './account.entity';
import { AccountListArgs, CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { accountService } from './account.service';
import { Contact } from './contact.entity';
import { ContactListArgs } from './contact.inputs';
import { contactService } from './contact.service';
import { AccountBatchResult, AccountConnection, ContactConnection, DealConnection } from './crm.connections';
import { CrmRecordResolver } from './crm-record.resolver';
import { Deal } from './deal.entity';
import { DealListArgs } from './deal.inputs';
import { dealService } from './deal.service';

@Resolver(() => Account)
export class AccountResolver extends CrmRecordResolver({
  entity: Account, name: 'Account', noun: 'an account', plural: 'accounts', service: accountService,
  connection: AccountConnection, listArgs: AccountListArgs, createInput: CreateAccountInput, updateInput: UpdateAccountInput,
}) {
  @Mutation(() => AccountBatchResult, { description: 'Creates up to 100 accounts, reporting a result per item.' })
  createAccounts(
    @Arg('inputs', () => [CreateAccountInput], { description: 'One input per record to create (at most 100).' }) inputs: CreateAccountInput[],
    @Arg('allOrNone', () => Boolean, { nullable: true, defaultValue: false, description: 'true: one transaction; any failure writes nothing.' }) allOrNone: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return accountService.createMany(ctx, inputs, allOrNone ?? false);
  }

  @FieldResolver(() => ContactConnection, { description: 'Contacts at this account that you may see.' })
  contacts(@Root() a: Account, @Args() args: ContactListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Contact>> {
    return contactService.pageUnder(ctx, 'accountId', a.id, args);
  }

  @FieldResolver(() => DealConnection, { description: 'Deals with this account that you may see.' })
  deals(@Root() a: Account, @Args() args: DealListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Deal>> {
    return dealService.pageUnder(ctx, 'accountId', a.id, args);
  }

  @FieldResolver(() => ActivityLogConnection, { description: 'Activity about this account, oldest → newest.' })
  timeline(@Root() a: Account, @Args() args: PageArgsInput, @Ctx() ctx: Context): Promise<ConnectionShape<ActivityLog>> {
    return activityLogService.timeline(ctx, a.id, args);
  }
}
