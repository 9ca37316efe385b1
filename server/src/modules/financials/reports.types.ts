import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import { MoneyScalar } from '../../kernel/money';
import { Account } from '../crm';
import { LedgerAccount } from './ledger-account.entity';

@ObjectType({ description: 'An account of the profit and loss with its amount for the period.' })
export class ProfitAndLossRow {
  @Field(() => LedgerAccount, { description: 'A revenue or expense account.' })
  ledgerAccount!: LedgerAccount;

  @Field(() => MoneyScalar, { description: 'Its amount for the period, on its normal side (credit for revenue, debit for expenses).' })
  amount!: string;
}

@ObjectType({ description: 'Revenue and expenses of one calendar month of a profit and loss.' })
export class ProfitAndLossMonth {
  @Field({ description: 'The month, "YYYY-MM".' })
  month!: string;

  @Field(() => MoneyScalar, { description: 'Revenue posted in it (within the period).' })
  revenue!: string;

  @Field(() => MoneyScalar, { description: 'Expenses posted in it (within the period).' })
  expenses!: string;
}

@ObjectType({ description: 'Revenue, expenses and net income of a period, from posted entries.' })
export class ProfitAndLoss {
  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to!: string;

  @Field(() => MoneyScalar, { description: 'Total revenue.' })
  revenue!: string;

  @Field(() => MoneyScalar, { description: 'Total expenses.' })
  expenses!: string;

  @Field(() => MoneyScalar, { description: 'revenue − expenses.' })
  netIncome!: string;

  @Field(() => [ProfitAndLossRow], { description: 'Revenue accounts, then expense accounts, by number; those with no amount left out.' })
  rows!: ProfitAndLossRow[];

  // Resolved only when asked for (FinancialReportsResolver.months).
  @Field(() => [ProfitAndLossMonth], {
    description: 'Each calendar month the period touches, oldest first, clipped to the period; months with nothing posted are zero.',
  })
  months?: ProfitAndLossMonth[];
}

@ObjectType({ description: 'Open invoice balances by how long past due they are.' })
export class ArAgingBuckets {
  @Field(() => MoneyScalar, { description: 'Not yet due.' })
  current!: string;

  @Field(() => MoneyScalar, { description: '1 to 30 days past due.' })
  days1to30!: string;

  @Field(() => MoneyScalar, { description: '31 to 60 days past due.' })
  days31to60!: string;

  @Field(() => MoneyScalar, { description: '61 to 90 days past due.' })
  days61to90!: string;

  @Field(() => MoneyScalar, { description: 'More than 90 days past due.' })
  over90!: string;

  @Field(() => MoneyScalar, { description: 'All of them.' })
  total!: string;
}

@ObjectType({ description: 'One customer account’s open balances by age.' })
export class ArAgingRow extends ArAgingBuckets {
  @Field(() => Account, { description: 'The account billed.' })
  account!: Account;
}

@ObjectType({ description: 'Accounts receivable by age at the end of a day: what each account owes, by days past due.' })
export class ArAging {
  @Field(() => DateScalar, { description: 'The day it is at.' })
  asOf!: string;

  @Field(() => [ArAgingRow], { description: 'Accounts that owe something, largest balance first.' })
  rows!: ArAgingRow[];

  @Field(() => MoneyScalar, { description: 'Everything owed.' })
  total!: string;

  @Field(() => ArAgingBuckets, { description: 'The columns summed over all accounts.' })
  totals!: ArAgingBuckets;
}

@ObjectType({ description: 'Revenue of one calendar month.' })
export class MonthRevenue {
  @Field({ description: 'The month, "YYYY-MM".' })
  month!: string;

  @Field(() => MoneyScalar, { description: 'Revenue posted in it.' })
  amount!: string;
}

@ObjectType({ description: 'The figures the dashboard shows for the books.' })
export class FinancialSummary {
  @Field(() => MoneyScalar, { description: 'What customers owe now (the receivable account’s balance).' })
  arOutstanding!: string;

  @Field(() => MoneyScalar, { description: 'Revenue posted this calendar month (UTC).' })
  revenueThisMonth!: string;

  @Field(() => [MonthRevenue], { description: 'Revenue of each of the last twelve months, oldest first (this month last).' })
  revenueByMonth!: MonthRevenue[];
}
