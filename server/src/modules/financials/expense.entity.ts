import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateScalar } from '../../kernel/calendar-date';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import { MoneyScalar, toMinor } from '../../kernel/money';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import { ExpenseStatus } from './financial.types';
import { CreateExpenseInput } from './expense.inputs';
import { JournalEntry } from './journal-entry.entity';
import { LedgerAccountType } from './ledger-account-type';
import { LedgerAccount, ledgerAccounts } from './ledger-account.entity';
import { financialPolicy } from './ledger-account.policy';

export const expensePolicy = financialPolicy('Expense');

/** Money spent: submitted, then approved (posting Dr its category, Cr cash) or rejected. */
@ObjectType({ description: 'An expense: submitted, then approved (and posted) or rejected with a reason.', simpleResolvers: true })
@Entity('expenses')
@Index(['vendor', 'id'])
@Index(['date', 'id'])
@Index(['amount', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
export class Expense extends BaseEntity {
  @Field({ description: 'Who was paid.' })
  @Filterable('Vendor.')
  @Sortable()
  @Column('text')
  vendor!: string;

  @Index()
  @Column('uuid')
  categoryId!: string;

  @Filterable('Its expense account.')
  @ManyToOne(() => LedgerAccount)
  @JoinColumn({ name: 'categoryId' })
  category?: LedgerAccount;

  @Field(() => MoneyScalar, { description: 'Amount spent.' })
  @Filterable('Amount.')
  @Sortable()
  @Column('numeric', { precision: 14, scale: 2 })
  amount!: string;

  @Field(() => DateScalar, { description: 'The day it was spent (and is posted on).' })
  @Filterable('Date.')
  @Sortable()
  @Column('date')
  date!: string;

  @Field(() => String, { nullable: true, description: 'What it was for.' })
  @Column('text', { nullable: true })
  description!: string | null;

  @Field(() => ExpenseStatus, { description: 'SUBMITTED, then APPROVED or REJECTED.' })
  @Filterable('Status.')
  @Index()
  @Column('enum', { enum: ExpenseStatus, enumName: 'expense_status', default: ExpenseStatus.SUBMITTED })
  status!: ExpenseStatus;

  @Index()
  @Column('uuid', { nullable: true })
  approvedById!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was rejected.' })
  @Column('text', { nullable: true })
  rejectionReason!: string | null;

  /** The entry that posted it on approval. */
  @Index()
  @Column('uuid', { nullable: true })
  journalEntryId!: string | null;

  @ManyToOne(() => JournalEntry)
  @JoinColumn({ name: 'journalEntryId' })
  journalEntry?: JournalEntry;
}

export const expenses: RecordKind<Expense, CreateExpenseInput> = defineRecord<Expense, CreateExpenseInput>({
  entity: Expense,
  noun: 'an expense',
  plural: 'expenses',
  policy: expensePolicy,
  capabilities: { timeline: true },
  inputs: { create: CreateExpenseInput },
  logged: ['vendor', 'categoryId', 'amount', 'date', 'description', 'status', 'approvedById', 'rejectionReason'],
  defaultOrder: [
    { field: 'DATE', direction: SortDirection.DESC },
    { field: 'CREATED_AT', direction: SortDirection.DESC },
  ],
  describe: { create: 'Submits an expense; approveExpense posts it, rejectExpense turns it down.' },
  label: (e) => `${e.vendor} ${e.amount}`,
  references: {
    category: { to: () => ledgerAccounts, via: 'categoryId', description: 'Its expense account.' },
  },
  async prepareCreate(ctx, uow, input, path) {
    if (toMinor(input.amount) <= 0n) throw badInput([...path, 'amount'], 'must be above zero');
    const category = await ledgerAccounts.service.requireVisible(ctx, uow, ledgerAccounts, input.categoryId, [...path, 'categoryId']);
    if (category.type !== LedgerAccountType.EXPENSE) throw badInput([...path, 'categoryId'], 'must be an expense account');
    if (!category.active) throw badInput([...path, 'categoryId'], 'is inactive: new postings may not use it');
    return {
      values: {
        vendor: input.vendor.trim(),
        categoryId: input.categoryId,
        amount: input.amount,
        date: input.date,
        description: input.description?.trim() || null,
      },
    };
  },
});
