import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { ActivityLog } from '../system/activity-log.entity';
import { ActivityLogConnection } from '../system/activity-log.inputs';
import { activityLogService } from '../system/activity-log.service';
import { User } from '../system/user.entity';
import { userService } from '../system/user.service';
import { Account } from './account.entity';
import { AccountBatchResult, AccountConnection, ContactConnection, DealConnection } from './crm.connections';
import { AccountListArgs, CreateAccountInput, UpdateAccountInput } from './account.inputs';
import { accountService } from './account.service';
import { Contact } from './contact.entity';
import { ContactListArgs } from './contact.inputs';
import { contactService } from './contact.service';
import { Deal } from './deal.entity';
import { DealListArgs } from './deal.inputs';
import { dealService } from './deal.service';


@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true, description: 'An account; null when missing or not visible to you.' })
  account(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<Account | null> {
    return accountService.get(ctx, id);
  }

  @Query(() => AccountConnection, { description: 'Accounts you may see.' })
  accounts(@Args() args: AccountListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Account>> {
    return accountService.list(ctx, args);
  }

  @Mutation(() => Account, { description: 'Creates an account.' })
  createAccount(@Arg('input', { description: 'The values to write.' }) input: CreateAccountInput, @Ctx() ctx: Context): Promise<Account> {
    return accountService.create(ctx, input);
  }

  @Mutation(() => AccountBatchResult, { description: 'Creates up to 100 accounts, reporting a result per item.' })
  createAccounts(
    @Arg('inputs', () => [CreateAccountInput], { description: 'One input per record to create (at most 100).' }) inputs: CreateAccountInput[],
    @Arg('allOrNone', { defaultValue: false, description: 'true: one transaction; any failure writes nothing.' }) allOrNone: boolean,
    @Ctx() ctx: Context,
  ) {
    return accountService.createMany(ctx, inputs, allOrNone);
  }

  @Mutation(() => Account, { description: 'Changes an account. With `expectedVersion`, fails with CONFLICT if it changed meanwhile.' })
  updateAccount(
    @Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string,
    @Arg('input', { description: 'The values to write.' }) input: UpdateAccountInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Account> {
    return accountService.update(ctx, id, input, expectedVersion);
  }

  @Mutation(() => Boolean, { description: 'Moves an account to the trash.' })
  deleteAccount(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return accountService.remove(ctx, id);
  }

  @Mutation(() => Account, { description: 'Brings an account back from the trash.' })
  restoreAccount(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<Account> {
    return accountService.restore(ctx, id);
  }

  @FieldResolver(() => User, { description: 'Who owns the account.' })
  owner(@Root() a: Account, @Ctx() ctx: Context): Promise<User | null> {
    return userService.loader(ctx).load(a.ownerId);
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
