import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { DateScalar } from '../../kernel/calendar-date';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { badInput } from '../../kernel/errors/errors';
import { MoneyScalar } from '../../kernel/money';
import { JournalEntry } from './journal-entry.entity';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord, type RecordKind } from '../../kernel/records/record-kind';
import type { Values } from '../../kernel/records/record.service';
import { Account, accounts } from '../crm';
import { fromThousandths, thousandths } from './invoice-amounts';
import { invoiceLinesOf, priceLines, replaceInvoiceLines, totalsValues, type InvoiceLinesWrite } from './invoice-lines';
import { CreateInvoiceInput, UpdateInvoiceInput } from './invoice.inputs';
import { invoicePolicy } from './invoice.policy';
import { WorkOrder, workOrders } from './work-order.entity';
import { checkWorkOrderToBill } from './work-order-billing';
import { InvoiceStatus } from './financial.types';

@ObjectType({ description: 'An invoice to an account: lines, tax and total; its status follows the money.', simpleResolvers: true })
@Entity('invoices')
@Index('invoices_number_unique', ['number'], { unique: true, where: '"number" IS NOT NULL' })
@Index(['number', 'id'])
@Index(['issueDate', 'id'])
@Index(['dueDate', 'id'])
@Index(['total', 'id'])
@Index(['balanceDue', 'id'])
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
export class Invoice extends BaseEntity {
  @Field(() => String, { nullable: true, description: 'INV-<year>-<0001…>, given at issue (gapless per year); null for a draft.' })
  @Filterable('Invoice number.')
  @Sortable()
  @Column('text', { nullable: true })
  number!: string | null;

  @Index()
  @Column('uuid')
  accountId!: string;

  @Filterable('The account billed.')
  @ManyToOne(() => Account)
  @JoinColumn({ name: 'accountId' })
  account?: Account;

  @Index()
  @Column('uuid', { nullable: true })
  workOrderId!: string | null;

  @ManyToOne(() => WorkOrder)
  @JoinColumn({ name: 'workOrderId' })
  workOrder?: WorkOrder;

  @Field(() => InvoiceStatus, { description: 'DRAFT → ISSUED → PARTIALLY_PAID → PAID; VOID while unpaid.' })
  @Filterable('Status.')
  @Index()
  @Column('enum', { enum: InvoiceStatus, enumName: 'invoice_status', default: InvoiceStatus.DRAFT })
  status!: InvoiceStatus;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was issued; null for a draft.' })
  @Filterable('Issue date.')
  @Sortable()
  @Column('date', { nullable: true })
  issueDate!: string | null;

  @Field(() => DateScalar, { description: 'When payment is due.' })
  @Filterable('Due date.')
  @Sortable()
  @Column('date')
  dueDate!: string;

  @Field(() => MoneyScalar, { description: 'Sum of the line amounts.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  subtotal!: string;

  @Column('numeric', { precision: 6, scale: 3, default: 0 })
  taxRate!: string;

  @Field(() => MoneyScalar, { description: 'subtotal × taxRate / 100, rounded half up to the cent.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  tax!: string;

  @Field(() => MoneyScalar, { description: 'subtotal + tax.' })
  @Filterable('Total.')
  @Sortable()
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  total!: string;

  @Field(() => MoneyScalar, { description: 'Sum of the payments recorded.' })
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  amountPaid!: string;

  @Field(() => MoneyScalar, { description: 'total − amountPaid ("0.00" for a void invoice).' })
  @Filterable('Balance due.')
  @Sortable()
  @Column('numeric', { precision: 14, scale: 2, default: 0 })
  balanceDue!: string;

  @Field(() => String, { nullable: true, description: 'Why it was voided.' })
  @Column('text', { nullable: true })
  voidReason!: string | null;

  /** The entry that posted the issue (reversed when voided). */
  @Index()
  @Column('uuid', { nullable: true })
  journalEntryId!: string | null;

  @ManyToOne(() => JournalEntry)
  @JoinColumn({ name: 'journalEntryId' })
  journalEntry?: JournalEntry;
}

export const invoices: RecordKind<Invoice, CreateInvoiceInput, UpdateInvoiceInput, InvoiceLinesWrite> = defineRecord<
  Invoice,
  CreateInvoiceInput,
  UpdateInvoiceInput,
  InvoiceLinesWrite
>({
  entity: Invoice,
  noun: 'an invoice',
  plural: 'invoices',
  policy: invoicePolicy,
  capabilities: { timeline: true },
  inputs: { create: CreateInvoiceInput, update: UpdateInvoiceInput },
  logged: ['number', 'accountId', 'status', 'issueDate', 'dueDate', 'taxRate', 'subtotal', 'tax', 'total', 'amountPaid', 'balanceDue', 'voidReason'],
  defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
  describe: {
    create: 'Creates a draft invoice with its lines; issueInvoice numbers and posts it.',
    update: 'Changes a draft invoice (given lines replace all its lines). Issued invoices never change.',
  },
  label: (i) => i.number ?? 'Draft invoice',
  references: {
    account: { to: () => accounts, via: 'accountId', description: 'The account billed.' },
    workOrder: { to: () => workOrders, via: 'workOrderId', description: 'The work order it bills; null when none.' },
  },
  async prepareCreate(ctx, uow, input, path) {
    await accounts.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    if (input.workOrderId) await checkWorkOrderToBill(ctx, uow, input.workOrderId, input.accountId, [...path, 'workOrderId']);
    const p = priceLines(input.lines, input.taxRate, path);
    const values = {
      workOrderId: input.workOrderId ?? null,
      accountId: input.accountId,
      dueDate: input.dueDate,
      taxRate: fromThousandths(thousandths(input.taxRate)),
      ...totalsValues(p.totals),
      balanceDue: totalsValues(p.totals).total,
    };
    return { values, children: { priced: p, current: null } };
  },
  async prepareUpdate(ctx, uow, before, input, path) {
    for (const f of ['accountId', 'dueDate', 'taxRate', 'lines'] as const) if (input[f] === null) throw badInput([...path, f], 'cannot be cleared');
    if (input.accountId) await accounts.service.requireVisible(ctx, uow, accounts, input.accountId, [...path, 'accountId']);
    if (input.accountId && before.workOrderId && input.accountId !== before.accountId) {
      throw badInput([...path, 'accountId'], 'bills a work order: it stays with the work order’s account');
    }
    // The column keeps three decimals ("8.250"): a rate equal to the stored one is no change.
    const rate = input.taxRate == null ? undefined : thousandths(input.taxRate);
    const taxRate = rate === undefined || rate === thousandths(String(before.taxRate)) ? undefined : fromThousandths(rate);
    const values: Values = { accountId: input.accountId, dueDate: input.dueDate, taxRate };
    if (!input.lines && input.taxRate === undefined) return { values };
    // Read once: repriced at a new rate, and what new lines replace.
    const current = await invoiceLinesOf(uow.manager, before.id);
    const p = priceLines(input.lines ?? current, input.taxRate ?? before.taxRate, path);
    Object.assign(values, totalsValues(p.totals), { balanceDue: totalsValues(p.totals).total });
    return { values, children: { priced: p, current } };
  },
  async writeChildren(_ctx, uow, row, lines) {
    return replaceInvoiceLines(uow, row.id, lines);
  },
  guardChange(before) {
    if (before.status !== InvoiceStatus.DRAFT)
      throw badInput(['id'], `${before.number} is ${before.status.toLowerCase().replace('_', ' ')}: only a draft invoice changes`);
  },
});
