import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { PageArgsInput } from '../../kernel/pagination/connection.types';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { ActivityLog } from '../system/activity-log.entity';
import { ActivityLogConnection } from '../system/activity-log.inputs';
import { activityLogService } from '../system/activity-log.service';
import { Project } from '../workflow/project.entity';
import { projectService } from '../workflow/project.service';
import { Account } from './account.entity';
import { accountService } from './account.service';
import { moveDealStage, reopenDeal } from './commands/move-deal-stage.command';
import { Contact } from './contact.entity';
import { contactService } from './contact.service';
import { DealConnection, InteractionConnection } from './crm.connections';
import { Deal, DealStage } from './deal.entity';
import { CreateDealInput, DealListArgs, UpdateDealInput } from './deal.inputs';
import { CrmRecordResolver } from './crm-record.resolver';
import { dealService } from './deal.service';
import { Interaction } from './interaction.entity';
import { InteractionListArgs } from './interaction.inputs';
import { interactionService } from './interaction.service';

@Resolver(() => Deal)
export class DealResolver extends CrmRecordResolver({
  entity: Deal, name: 'Deal', noun: 'a deal', plural: 'deals', service: dealService,
  connection: DealConnection, listArgs: DealListArgs, createInput: CreateDealInput, updateInput: UpdateDealInput,
  describe: {
    create: 'Creates a deal in an open stage.',
    update: 'Changes a deal (not its stage). With `expectedVersion`, fails with CONFLICT if it changed meanwhile.',
  },
}) {
  @Mutation(() => Deal, { description: 'Moves an open deal to another stage. CLOSED_LOST needs `lostReason`; CLOSED_WON creates the deal’s project.' })
  moveDealStage(
    @Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string,
    @Arg('stage', () => DealStage, { description: 'The stage to move to.' }) stage: DealStage,
    @Arg('lostReason', () => String, { nullable: true, description: 'Why the deal was lost; required with CLOSED_LOST.' }) lostReason: string | null,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Deal> {
    return moveDealStage(ctx, id, stage, lostReason, expectedVersion);
  }

  @Mutation(() => Deal, { description: 'Takes a closed deal back to an open stage (clears closedAt and lostReason).' })
  reopenDeal(
    @Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string,
    @Arg('stage', () => DealStage, { description: 'The stage to move to.' }) stage: DealStage,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Deal> {
    return reopenDeal(ctx, id, stage, expectedVersion);
  }

  @FieldResolver(() => Account, { nullable: true, description: 'The account; null when not visible to you.' })
  account(@Root() d: Deal, @Ctx() ctx: Context): Promise<Account | null> {
    return accountService.loader(ctx).load(d.accountId);
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The main contact; null when none or not visible.' })
  primaryContact(@Root() d: Deal, @Ctx() ctx: Context): Promise<Contact | null> | null {
    return d.primaryContactId ? contactService.loader(ctx).load(d.primaryContactId) : null;
  }

  @FieldResolver(() => InteractionConnection, { description: 'Interactions about this deal that you may see (default: newest first).' })
  interactions(@Root() d: Deal, @Args() args: InteractionListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<Interaction>> {
    return interactionService.pageUnder(ctx, 'dealId', d.id, args);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project created when the deal was won.' })
  project(@Root() d: Deal, @Ctx() ctx: Context): Promise<Project | null> {
    return projectService.byDeal(ctx).load(d.id);
  }

  @FieldResolver(() => ActivityLogConnection, { description: 'Activity about this deal, oldest → newest.' })
  timeline(@Root() d: Deal, @Args() args: PageArgsInput, @Ctx() ctx: Context): Promise<ConnectionShape<ActivityLog>> {
    return activityLogService.timeline(ctx, d.id, args);
  }
}
