import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import type { Context } from '../../kernel/context';
import { arAging, financialSummary, profitAndLoss } from './reports.service';
import { ArAging, FinancialSummary, ProfitAndLoss } from './reports.types';

@Resolver()
export class FinancialReportsResolver {
  @Query(() => ProfitAndLoss, { description: 'Revenue, expenses and net income of a period (both days included), from posted entries.' })
  profitAndLoss(
    @Arg('from', () => DateScalar, { description: 'First day.' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day.' }) to: string,
    @Ctx() ctx: Context,
  ): Promise<ProfitAndLoss> {
    return profitAndLoss(ctx, from, to);
  }

  @Query(() => ArAging, { description: 'What each account owed at the end of a day, by days past due (current, 1–30, 31–60, 61–90, 90+).' })
  arAging(@Arg('asOf', () => DateScalar, { description: 'The day.' }) asOf: string, @Ctx() ctx: Context): Promise<ArAging> {
    return arAging(ctx, asOf);
  }

  @Query(() => FinancialSummary, { description: 'The dashboard’s figures for the books: receivables, revenue this month and by month.' })
  financialSummary(@Ctx() ctx: Context): Promise<FinancialSummary> {
    return financialSummary(ctx);
  }
}
