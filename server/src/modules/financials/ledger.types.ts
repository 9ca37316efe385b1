import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kernel/calendar-date';
import { MoneyScalar } from '../../kernel/money';
import { LedgerAccount } from './ledger-account.entity';

@ObjectType({ description: 'An account of the trial balance, on the side of its balance.' })
export class TrialBalanceRow {
  @Field(() => LedgerAccount, { description: 'The account.' })
  ledgerAccount!: LedgerAccount;

  @Field(() => MoneyScalar, { description: 'Its balance when on the debit side, else "0.00".' })
  debit!: string;

  @Field(() => MoneyScalar, { description: 'Its balance when on the credit side, else "0.00".' })
  credit!: string;
}

@ObjectType({ description: 'Every account with a balance at the end of a day; the two totals are always equal.' })
export class TrialBalance {
  @Field(() => DateScalar, { description: 'The day it is at (postings on it included).' })
  asOf!: string;

  @Field(() => [TrialBalanceRow], { description: 'Accounts with a non-zero balance, by account number.' })
  rows!: TrialBalanceRow[];

  @Field(() => MoneyScalar, { description: 'Sum of the debit column.' })
  totalDebit!: string;

  @Field(() => MoneyScalar, { description: 'Sum of the credit column.' })
  totalCredit!: string;
}
