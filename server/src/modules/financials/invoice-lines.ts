import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context';
import { childRowsLoader, childRowsOf, replaceChildRows, type ChildTable } from '../../kernel/data/child-rows';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { fromMinor, toMinor } from '../../kernel/money';
import type { Values } from '../../kernel/records/record.service';
import { fromThousandths, invoiceTotals, thousandths, type InvoiceTotals } from './invoice-amounts';
import type { InvoiceLineInput } from './invoice.inputs';
import type { InvoiceLine } from './invoice-line.entity';

export interface PricedLines {
  lines: { description: string; quantity: string; unitPrice: string; amount: string }[];
  totals: InvoiceTotals;
}

/** Lines with their amounts, and the invoice's subtotal, tax and total at a tax rate. */
export function priceLines(input: Pick<InvoiceLineInput, 'description' | 'quantity' | 'unitPrice'>[], taxRate: string): PricedLines {
  const rows = input.map((l) => ({
    description: l.description.trim(),
    quantity: fromThousandths(thousandths(l.quantity)),
    unitPrice: fromMinor(toMinor(l.unitPrice)),
  }));
  const totals = invoiceTotals(rows, taxRate);
  return { lines: rows.map((r, i) => ({ ...r, amount: fromMinor(totals.amounts[i]) })), totals };
}

export function totalsValues(t: InvoiceTotals): Values {
  return { subtotal: fromMinor(t.subtotal), tax: fromMinor(t.tax), total: fromMinor(t.total) };
}

const INVOICE_LINES: ChildTable = {
  table: 'invoice_lines',
  parent: 'invoiceId',
  columns: { description: 'text', quantity: 'numeric', unitPrice: 'numeric', amount: 'numeric' },
};

/** An invoice's lines in order, in a transaction (`uow.manager`) or outside one (a reader). */
export function invoiceLinesOf(m: Pick<EntityManager, 'query'>, invoiceId: string): Promise<PricedLines['lines']> {
  return childRowsOf(m, INVOICE_LINES, invoiceId);
}

const text = (l: PricedLines['lines'][number]) =>
  `${l.description}: ${fromThousandths(thousandths(String(l.quantity)))} × ${fromMinor(toMinor(String(l.unitPrice)))} = ${fromMinor(toMinor(String(l.amount)))}`;

/** Replaces an invoice's lines; returns the logged change, or null when they stay the same. */
export async function replaceInvoiceLines(uow: UnitOfWork, invoiceId: string, priced: PricedLines): Promise<Values | null> {
  const before = (await invoiceLinesOf(uow.manager, invoiceId)).map(text);
  const after = priced.lines.map(text);
  if (before.length === after.length && before.every((b, i) => b === after[i])) return null;
  await replaceChildRows(uow.manager, INVOICE_LINES, invoiceId, priced.lines);
  return { lines: { from: before.length ? before : null, to: after } };
}

/** Lines of many invoices in one statement per request; quantities shown as given ("1.5", not "1.500"). */
export function invoiceLinesLoader(ctx: Context): DataLoader<string, InvoiceLine[]> {
  return childRowsLoader<InvoiceLine & Record<string, unknown>>(ctx, INVOICE_LINES, (r) => ({
    ...r,
    quantity: fromThousandths(thousandths(String(r.quantity))),
  }));
}
