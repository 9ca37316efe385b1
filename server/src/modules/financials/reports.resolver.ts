import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import type { Context } from '../../kernel/context';
import { arAging, financialSummary, profitAndLoss, profitAndLossMonths } from './reports.service';
import { ArAging, FinancialSummary, ProfitAndLoss, ProfitAndLossMonth } from './reports.types';

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

@Resolver(() => ProfitAndLoss)
export class ProfitAndLossResolver {
  // Its own statement, run only when a client asks for the months (the chart), not for the table alone.
  @FieldResolver(() => [ProfitAndLossMonth])
  months(@Root() report: ProfitAndLoss, @Ctx() ctx: Context): Promise<ProfitAndLossMonth[]> {
    return profitAndLossMonths(ctx, report.from, report.to);
  }
}
