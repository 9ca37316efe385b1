import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { ActivityLog } from '../system/activity-log.entity';
import { ActivityLogConnection } from '../system/activity-log.inputs';
import { activityLogService } from '../system/activity-log.service';
import { Account } from './account.entity';
import { accountService } from './account.service';
import { Contact } from './contact.entity';
import { ContactListArgs, CreateContactInput, UpdateContactInput } from './contact.inputs';
import { contactService } from './contact.service';
import { ContactBatchResult, ContactConnection, InteractionConnection } from './crm.connections';
import { CrmRecordResolver } from './crm-record.resolver';
import { Interaction } from './interaction.entity';
import { InteractionListArgs } from './interaction.inputs';
import { interactionService } from './interaction.service';

@Resolver(() => Contact)
export class ContactResolver extends CrmRecordResolver({
  entity: Contact, name: 'Contact', noun: 'a contact', plural: 'contacts', service: contactService,
  connection: ContactConnection, listArgs: ContactListArgs, createInput: CreateContactInput, updateInput: UpdateContactInput,
}) {
  @Mutation(() => ContactBatchResult, { description: 'Creates up to 100 contacts, reporting a result per item.' })
  createContacts(
    @Arg('inputs', () => [CreateContactInput], { description: 'One input per record to create (at most 100).' }) inputs: CreateContactInput[],
    @Arg('allOrNone', () => Boolean, { nullable: true, defaultValue: false, description: 'true: one transaction; any failure writes nothing.' }) allOrNone: boolean | null,
    @Ctx() ctx: Context,
  ) {
    return contactService.createMany(ctx, inputs, allOrNone ?? false);
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
