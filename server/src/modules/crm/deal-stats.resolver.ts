import { Ctx, FieldResolver, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { dealStatsService } from './deal-stats.service';
import { DealStats } from './deal-stats.types';

@Resolver(() => DealStats)
export class DealStatsResolver {
  @Query(() => DealStats, { description: 'Pipeline figures for the dashboard over the deals you may see.' })
  dealStats(@Ctx() ctx: Context): Promise<Omit<DealStats, 'interactionsThisWeek'>> {
    return dealStatsService.stats(ctx);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Interactions you may see that happened this calendar week (UTC). Only for roles that read interactions; others get FORBIDDEN on this field.',
  })
  interactionsThisWeek(@Ctx() ctx: Context): Promise<number> {
    return dealStatsService.interactionsThisWeek(ctx);
  }
}
