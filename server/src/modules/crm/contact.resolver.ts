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
import { accountService } from './account.service';
import { Contact } from './contact.entity';
import { ContactListArgs, CreateContactInput, UpdateContactInput } from './contact.inputs';
import { contactService } from './contact.service';
import { ContactBatchResult, ContactConnection, InteractionConnection } from './crm.connections';
import { Interaction } from './interaction.entity';
import { InteractionListArgs } from './interaction.inputs';
import { interactionService } from './interaction.service';

@Resolver(() => Contact)
export class ContactResolver {
  @Query(() => Contact, { nullable: true, description: 'A contact; null when missing or not visible to you.' })
  contact(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<Contact | null> {
    return contactService.get(ctx, id);
  }

  @Query(() => ContactConnection, { description: 'Contacts you may see.' })
  contacts(@Args() args: ContactListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Contact>> {
    return contactService.list(ctx, args);
  }

  @Mutation(() => Contact, { description: 'Creates a contact.' })
  createContact(@Arg('input', { description: 'The values to write.' }) input: CreateContactInput, @Ctx() ctx: Context): Promise<Contact> {
    return contactService.create(ctx, input);
  }

  @Mutation(() => ContactBatchResult, { description: 'Creates up to 100 contacts, reporting a result per item.' })
  createContacts(
    @Arg('inputs', () => [CreateContactInput], { description: 'One input per record to create (at most 100).' }) inputs: CreateContactInput[],
    @Arg('allOrNone', { defaultValue: false, description: 'true: one transaction; any failure writes nothing.' }) allOrNone: boolean,
    @Ctx() ctx: Context,
  ) {
    return contactService.createMany(ctx, inputs, allOrNone);
  }

  @Mutation(() => Contact, { description: 'Changes a contact. With `expectedVersion`, fails with CONFLICT if it changed meanwhile.' })
  updateContact(
    @Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string,
    @Arg('input', { description: 'The values to write.' }) input: UpdateContactInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Contact> {
    return contactService.update(ctx, id, input, expectedVersion);
  }

  @Mutation(() => Boolean, { description: 'Moves a contact to the trash.' })
  deleteContact(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return contactService.remove(ctx, id);
  }

  @Mutation(() => Contact, { description: 'Brings a contact back from the trash.' })
  restoreContact(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<Contact> {
    return contactService.restore(ctx, id);
  }

  @FieldResolver(() => User, { description: 'Who owns the contact.' })
  owner(@Root() c: Contact, @Ctx() ctx: Context): Promise<User | null> {
    return userService.loader(ctx).load(c.ownerId);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account (also when trashed: see its deletedAt); null when none or not visible.' })
  account(@Root() c: Contact, @Ctx() ctx: Context): Promise<Account | null> | null {
    return c.accountId ? accountService.loader(ctx).load(c.accountId) : null;
  }

  @FieldResolver(() => InteractionConnection, { description: 'Interactions with this contact that you may see.' })
  interactions(@Root() c: Contact, @Args() args: InteractionListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Interaction>> {
    return interactionService.pageUnder(ctx, 'contactId', c.id, args);
  }

  @FieldResolver(() => ActivityLogConnection, { description: 'Activity about this contact, oldest → newest.' })
  timeline(@Root() c: Contact, @Args() args: PageArgsInput, @Ctx() ctx: Context): Promise<ConnectionShape<ActivityLog>> {
    return activityLogService.timeline(ctx, c.id, args);
  }
}
