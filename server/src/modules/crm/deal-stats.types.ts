import { Field, Float, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../kernel/money';
import { DealStage } from './deal-stage';

@ObjectType({ description: 'Deals and amount in one stage.' })
export class DealStageStat {
  @Field(() => DealStage, { description: 'The stage.' }) stage!: DealStage;
  @Field(() => Int, { description: 'Deals in this stage.' }) count!: number;
  @Field(() => MoneyScalar, { description: 'Sum of their amounts.' }) amount!: string;
}

@ObjectType({ description: 'Deals won in one calendar month (UTC).' })
export class DealMonthStat {
  @Field({ description: 'The month, as YYYY-MM.' }) month!: string;
  @Field(() => Int, { description: 'Deals won (closed as CLOSED_WON) in the month.' }) count!: number;
  @Field(() => MoneyScalar, { description: 'Sum of their amounts.' }) amount!: string;
}

@ObjectType({
  description:
    'Pipeline figures over the deals you may see (a sales rep: their own). Months and weeks are calendar periods in UTC; trashed records are left out.',
})
export class DealStats {
  @Field(() => MoneyScalar, { description: 'Sum of the amounts of deals in an open stage.' }) openPipelineAmount!: string;
  @Field(() => Int, { description: 'Deals in an open stage.' }) openDealCount!: number;
  @Field(() => Int, { description: 'Deals won this month.' }) wonThisMonthCount!: number;
  @Field(() => MoneyScalar, { description: 'Sum of the amounts of deals won this month.' }) wonThisMonthAmount!: string;
  @Field(() => Int, { description: 'The window of `winRate`, in days back from now.' }) winRateDays!: number;
  @Field(() => Int, { description: 'Deals won within the window.' }) wonInWindow!: number;
  @Field(() => Int, { description: 'Deals lost within the window.' }) lostInWindow!: number;

  @Field(() => Float, { nullable: true, description: 'won / (won + lost) over deals closed within the window, 0–1; null when none closed.' })
  winRate!: number | null;

  @Field(() => [DealStageStat], { description: 'Every stage in pipeline order (zeros included).' }) byStage!: DealStageStat[];

  @Field(() => [DealMonthStat], { description: 'The last 12 months, oldest first, the current month last (zeros included).' })
  wonByMonth!: DealMonthStat[];
}
