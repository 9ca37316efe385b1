import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { moveDealStage, reopenDeal } from './commands/move-deal-stage.command';
import { Deal, DealStage } from './deal.entity';

const VERSION_ARG = { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' };

/** The pipeline's commands; the rest of a deal's fields come from the record kit. */
@Resolver(() => Deal)
export class DealResolver {
  @Mutation(() => Deal, { description: 'Moves an open deal to another stage. CLOSED_LOST needs `lostReason`; CLOSED_WON creates the deal’s project.' })
  moveDealStage(
    @Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string,
    @Arg('stage', () => DealStage, { description: 'The stage to move to.' }) stage: DealStage,
    @Arg('lostReason', () => String, { nullable: true, description: 'Why the deal was lost; required with CLOSED_LOST.' }) lostReason: string | null,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Deal> {
    return moveDealStage(ctx, id, stage, lostReason, expectedVersion);
  }

  @Mutation(() => Deal, { description: 'Takes a closed deal back to an open stage (clears closedAt and lostReason).' })
  reopenDeal(
    @Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string,
    @Arg('stage', () => DealStage, { description: 'The stage to move to.' }) stage: DealStage,
    @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ): Promise<Deal> {
    return reopenDeal(ctx, id, stage, expectedVersion);
  }
}
