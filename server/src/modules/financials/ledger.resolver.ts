import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import type { Context } from '../../kernel/context';
import { MoneyScalar } from '../../kernel/money';
import { FinancialSettings } from './financial-settings.entity';
import { financialSettings, setLockDate } from './financial-settings.service';
import { LedgerAccount } from './ledger-account.entity';
import { balanceLoader, trialBalance } from './ledger.service';
import { TrialBalance } from './ledger.types';

@Resolver(() => LedgerAccount)
export class LedgerBalanceResolver {
  @FieldResolver(() => MoneyScalar, {
    description:
      'Balance at the end of a day (default: today), from posted entries, with the accounts grouped under it, on its normal side (debit for assets and expenses).',
  })
  balance(
    @Root() a: LedgerAccount,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day; postings on it count. Default: today (UTC).' }) asOf: string | null,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return balanceLoader(ctx, asOf).load(a.id);
  }
}

@Resolver()
export class LedgerReportsResolver {
  @Query(() => TrialBalance, { description: 'Every account with a balance at the end of a day, debits and credits; the totals are always equal.' })
  trialBalance(@Arg('asOf', () => DateScalar, { description: 'The day; postings on it count.' }) asOf: string, @Ctx() ctx: Context): Promise<TrialBalance> {
    return trialBalance(ctx, asOf);
  }

  @Query(() => FinancialSettings, { description: 'Settings of the books (the lock date).' })
  financialSettings(@Ctx() ctx: Context): Promise<FinancialSettings> {
    return financialSettings(ctx);
  }

  @Mutation(() => FinancialSettings, { description: 'Sets the lock date: nothing posts or reverses on or before it. Not after today.' })
  setLockDate(@Arg('date', () => DateScalar, { description: 'The last closed day.' }) date: string, @Ctx() ctx: Context): Promise<FinancialSettings> {
    return setLockDate(ctx, date);
  }
}
