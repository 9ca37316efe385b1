import { todayUtc } from '../../../kernel/calendar-date';
import { requirePrincipal, type Context } from '../../../kernel/context';
import { ActivityAction } from '../../../kernel/activity/activity-log.entity';
import { badInput } from '../../../kernel/errors/errors';
import { inTransaction, type UnitOfWork } from '../../../kernel/events/unit-of-work';
import { lockRow } from '../../../kernel/data/rows';
import { fromMinor, toMinor } from '../../../kernel/money';
import type { Path } from '../../../kernel/records/record.service';
import { validateInput } from '../../../kernel/validation';
import { accounts } from '../../crm';
import { Invoice, invoices } from '../invoice.entity';
import type { RecordPaymentInput } from '../invoice.inputs';
import { InvoiceStatus, WorkOrderStatus } from '../financial.types';
import { followInvoice } from './work-order.command';
import { LedgerSystemRole } from '../ledger-account-type';
import type { JournalLineInput } from '../journal-entry.inputs';
import { JournalSource } from '../journal.types';
import { nextNumber } from '../number-sequence.entity';
import { Payment, payments } from '../payment.entity';
import { requiredReason } from './reason';
import { postSystemEntry, reverseIn, systemAccounts } from './post-journal-entry.command';

const line = (ledgerAccountId: string, side: 'debit' | 'credit', amount: string, description: string): JournalLineInput => ({
  ledgerAccountId,
  debit: side === 'debit' ? amount : '0',
  credit: side === 'credit' ? amount : '0',
  description,
});

/** Locks an invoice the caller may write: NOT_FOUND when missing, or bad input at `inputPath` when the id is an input field. */
async function lockInvoice(ctx: Context, uow: UnitOfWork, id: string, inputPath?: Path): Promise<Invoice> {
  if (!inputPath) return invoices.service.lockForWrite(ctx, uow, id);
  const row = await lockRow<Invoice>(uow.manager, invoices.service.spec(ctx), id, { where: invoices.policy.writeWhere(requirePrincipal(ctx)) });
  if (!row) throw badInput(inputPath, 'Invoice not found');
  return row;
}

/**
 * Issues a draft: numbers it INV-<year>-<0001…> (gapless per year) and posts Dr receivable, Cr
 * revenue, Cr sales tax payable — all in one transaction with its activity entries. Dated today
 * (the demo books pass earlier days).
 */
export function issueInvoice(ctx: Context, id: string, issueDate = todayUtc()): Promise<Invoice> {
  return inTransaction(ctx, async (uow) => {
    const draft = await lockInvoice(ctx, uow, id);
    if (draft.status !== InvoiceStatus.DRAFT) {
      throw badInput(['id'], `${draft.number ?? 'The invoice'} is already ${draft.status.toLowerCase().replace('_', ' ')}`);
    }
    // A total above zero implies lines.
    if (toMinor(String(draft.total)) <= 0n) throw badInput(['id'], 'An invoice needs lines and a total above zero to issue');
    await accounts.service.requireVisible(ctx, uow, accounts, draft.accountId, ['id']);
    const number = await nextNumber(uow, 'INV', Number(issueDate.slice(0, 4)), 4);
    const {
      ACCOUNTS_RECEIVABLE: ar,
      SERVICE_REVENUE: revenue,
      SALES_TAX_PAYABLE: taxPayable,
    } = await systemAccounts(uow, LedgerSystemRole.ACCOUNTS_RECEIVABLE, LedgerSystemRole.SERVICE_REVENUE, LedgerSystemRole.SALES_TAX_PAYABLE);
    const lines = [line(ar, 'debit', String(draft.total), number), line(revenue, 'credit', String(draft.subtotal), number)];
    if (toMinor(String(draft.tax)) > 0n) lines.push(line(taxPayable, 'credit', String(draft.tax), `${number} sales tax`));
    const entry = await postSystemEntry(ctx, uow, { date: issueDate, memo: `Invoice ${number}`, source: JournalSource.INVOICE, lines });
    await followInvoice(ctx, uow, draft, WorkOrderStatus.INVOICED);
    return invoices.service.applyUpdate(
      ctx,
      uow,
      draft,
      { status: InvoiceStatus.ISSUED, number, issueDate, journalEntryId: entry.id, balanceDue: draft.total },
      null,
      ActivityAction.ISSUED,
    );
  });
}

/** Voids an invoice nothing has been paid on; an issued one's posting is reversed on `on` (today). */
export function voidInvoice(ctx: Context, id: string, reason: string, on = todayUtc()): Promise<Invoice> {
  return inTransaction(ctx, async (uow) => {
    const why = requiredReason(reason);
    const invoice = await lockInvoice(ctx, uow, id);
    if (invoice.status === InvoiceStatus.VOID) throw badInput(['id'], `${invoice.number ?? 'The invoice'} is already void`);
    if (toMinor(String(invoice.amountPaid)) > 0n) throw badInput(['id'], `${invoice.number} has payments: only an unpaid invoice is voided`);
    if (invoice.journalEntryId) {
      await reverseIn(ctx, uow, invoice.journalEntryId, on, `Void of invoice ${invoice.number}`);
      await followInvoice(ctx, uow, invoice, WorkOrderStatus.COMPLETED);
    }
    return invoices.service.applyUpdate(ctx, uow, invoice, { status: InvoiceStatus.VOID, voidReason: why, balanceDue: '0' }, null, ActivityAction.VOIDED);
  });
}

/** Records money received: posts Dr cash, Cr receivable and moves the invoice to PARTIALLY_PAID or PAID. */
export function recordPayment(ctx: Context, input: RecordPaymentInput): Promise<Payment> {
  return inTransaction(ctx, async (uow) => {
    await validateInput(input, ['input']);
    const invoice = await lockInvoice(ctx, uow, input.invoiceId, ['input', 'invoiceId']);
    if (invoice.status !== InvoiceStatus.ISSUED && invoice.status !== InvoiceStatus.PARTIALLY_PAID) {
      throw badInput(
        ['input', 'invoiceId'],
        `${invoice.number ?? 'A draft invoice'} is ${invoice.status.toLowerCase().replace('_', ' ')}: payments go to issued, unpaid invoices`,
      );
    }
    const amount = toMinor(input.amount);
    const due = toMinor(String(invoice.balanceDue));
    if (amount <= 0n) throw badInput(['input', 'amount'], 'must be above zero');
    if (amount > due) throw badInput(['input', 'amount'], `is more than the balance due (${fromMinor(due)})`);
    if (input.date < invoice.issueDate!) throw badInput(['input', 'date'], `cannot be before the invoice was issued (${invoice.issueDate})`);
    const { CASH: cash, ACCOUNTS_RECEIVABLE: ar } = await systemAccounts(uow, LedgerSystemRole.CASH, LedgerSystemRole.ACCOUNTS_RECEIVABLE);
    const money = fromMinor(amount);
    const entry = await postSystemEntry(
      ctx,
      uow,
      {
        date: input.date,
        memo: `Payment of ${invoice.number}`,
        source: JournalSource.PAYMENT,
        lines: [line(cash, 'debit', money, invoice.number!), line(ar, 'credit', money, invoice.number!)],
      },
      ['input', 'date'],
    );
    const payment = await payments.service.createIn(ctx, uow, {}, ['input'], {
      invoiceId: invoice.id,
      amount: money,
      date: input.date,
      method: input.method,
      reference: input.reference?.trim() || null,
      journalEntryId: entry.id,
    });
    const left = due - amount;
    await invoices.service.applyUpdate(
      ctx,
      uow,
      invoice,
      {
        amountPaid: fromMinor(toMinor(String(invoice.amountPaid)) + amount),
        balanceDue: fromMinor(left),
        status: left === 0n ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID,
      },
      null,
    );
    return payment;
  });
}
