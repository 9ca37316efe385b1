import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateScalar } from '../../kernel/calendar-date';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { MoneyScalar } from '../../kernel/money';
import { JournalEntry } from './journal-entry.entity';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import { Invoice, invoices } from './invoice.entity';
import { paymentPolicy } from './invoice.policy';
import { PaymentMethod } from './financial.types';

/** Money received against an invoice; recorded with its posting, never changed. */
@ObjectType({ description: 'A payment received against an invoice.', simpleResolvers: true })
@Entity('payments')
@Index(['date', 'id'])
@Index(['amount', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
export class Payment extends BaseEntity {
  @Index()
  @Column('uuid')
  invoiceId!: string;

  @Filterable('The invoice paid.')
  @ManyToOne(() => Invoice)
  @JoinColumn({ name: 'invoiceId' })
  invoice?: Invoice;

  @Field(() => MoneyScalar, { description: 'Amount received.' })
  @Filterable('Amount.')
  @Sortable()
  @Column('numeric', { precision: 14, scale: 2 })
  amount!: string;

  @Field(() => DateScalar, { description: 'The day it was received.' })
  @Filterable('Date received.')
  @Sortable()
  @Column('date')
  date!: string;

  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  @Filterable('Method.')
  @Index()
  @Column('enum', { enum: PaymentMethod, enumName: 'payment_method' })
  method!: PaymentMethod;

  @Field(() => String, { nullable: true, description: 'Check number, transfer reference, ...' })
  @Column('text', { nullable: true })
  reference!: string | null;

  /** The entry that posted it (Dr cash, Cr receivable). */
  @Index()
  @Column('uuid')
  journalEntryId!: string;

  @ManyToOne(() => JournalEntry)
  @JoinColumn({ name: 'journalEntryId' })
  journalEntry?: JournalEntry;
}

export const payments: RecordKind<Payment> = defineRecord<Payment>({
  entity: Payment,
  noun: 'a payment',
  plural: 'payments',
  policy: paymentPolicy,
  // Recorded by recordPayment with its posting; listed, never edited.
  capabilities: { lookup: false },
  logged: ['invoiceId', 'amount', 'date', 'method', 'reference'],
  defaultOrder: [
    { field: 'DATE', direction: SortDirection.DESC },
    { field: 'CREATED_AT', direction: SortDirection.DESC },
  ],
  label: (p) => `Payment of ${p.amount}`,
  references: {
    invoice: { to: () => invoices, via: 'invoiceId', description: 'The invoice paid.' },
  },
});
