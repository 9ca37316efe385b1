import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { User } from '../system/user.entity';
import { userService } from '../system/user.service';
import { Contact } from './contact.entity';
import { contactService } from './contact.service';
import { InteractionConnection } from './crm.connections';
import { Deal } from './deal.entity';
import { dealService } from './deal.service';
import { Interaction } from './interaction.entity';
import { CreateInteractionInput, InteractionListArgs, UpdateInteractionInput } from './interaction.inputs';
import { interactionService } from './interaction.service';

@Resolver(() => Interaction)
export class InteractionResolver {
  @Query(() => Interaction, { nullable: true, description: 'An interaction; null when missing or not visible to you.' })
  interaction(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<Interaction | null> {
    return interactionService.get(ctx, id);
  }

  @Query(() => InteractionConnection, { description: 'Interactions you may see.' })
  interactions(@Args() args: InteractionListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Interaction>> {
    return interactionService.list(ctx, args);
  }

  @Mutation(() => Interaction, { description: 'Records an interaction.' })
  createInteraction(@Arg('input', { description: 'The values to write.' }) input: CreateInteractionInput, @Ctx() ctx: Context): Promise<Interaction> {
    return interactionService.create(ctx, input);
  }

  @Mutation(() => Interaction, { description: 'Changes an interaction. With `expectedVersion`, fails with CONFLICT if it changed meanwhile.' })
  updateInteraction(
    @Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string,
    @Arg('input', { description: 'The values to write.' }) input: UpdateInteractionInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Interaction> {
    return interactionService.update(ctx, id, input, expectedVersion);
  }

  @Mutation(() => Boolean, { description: 'Moves an interaction to the trash.' })
  deleteInteraction(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return interactionService.remove(ctx, id);
  }

  @Mutation(() => Interaction, { description: 'Brings an interaction back from the trash.' })
  restoreInteraction(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<Interaction> {
    return interactionService.restore(ctx, id);
  }

  @FieldResolver(() => User, { description: 'Who owns the interaction.' })
  owner(@Root() i: Interaction, @Ctx() ctx: Context): Promise<User | null> {
    return userService.loader(ctx).load(i.ownerId);
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The contact; null when not visible to you.' })
  contact(@Root() i: Interaction, @Ctx() ctx: Context): Promise<Contact | null> {
    return contactService.loader(ctx).load(i.contactId);
  }

  @FieldResolver(() => Deal, { nullable: true, description: 'The deal; null when none or not visible.' })
  deal(@Root() i: Interaction, @Ctx() ctx: Context): Promise<Deal | null> | null {
    return i.dealId ? dealService.loader(ctx).load(i.dealId) : null;
  }
}
