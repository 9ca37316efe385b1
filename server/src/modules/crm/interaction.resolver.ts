import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { Contact } from './contact.entity';
import { contactService } from './contact.service';
import { InteractionConnection } from './crm.connections';
import { Deal } from './deal.entity';
import { dealService } from './deal.service';
import { Interaction } from './interaction.entity';
import { CreateInteractionInput, InteractionListArgs, UpdateInteractionInput } from './interaction.inputs';
import { CrmRecordResolver } from './crm-record.resolver';
import { interactionService } from './interaction.service';

@Resolver(() => Interaction)
export class InteractionResolver extends CrmRecordResolver({
  entity: Interaction, name: 'Interaction', noun: 'an interaction', plural: 'interactions', service: interactionService,
  connection: InteractionConnection, listArgs: InteractionListArgs, createInput: CreateInteractionInput, updateInput: UpdateInteractionInput,
  describe: { create: 'Records an interaction.' },
}) {
  @FieldResolver(() => Contact, { nullable: true, description: 'The contact; null when not visible to you.' })
  contact(@Root() i: Interaction, @Ctx() ctx: Context): Promise<Contact | null> {
    return contactService.loader(ctx).load(i.contactId);
  }

  @FieldResolver(() => Deal, { nullable: true, description: 'The deal; null when none or not visible.' })
  deal(@Root() i: Interaction, @Ctx() ctx: Context): Promise<Deal | null> | null {
    return i.dealId ? dealService.loader(ctx).load(i.dealId) : null;
  }
}
