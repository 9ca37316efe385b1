import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../kernel/context';
import { childRowsLoader, childRowsOf, replaceChildRows, type ChildTable } from '../../kernel/data/child-rows';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { assertMoneyRange, fromMinor, normalizeMoney } from '../../kernel/money';
import type { Path, Values } from '../../kernel/records/record.service';
import { fromThousandths, invoiceTotals, thousandths, type InvoiceTotals } from './invoice-amounts';
import type { InvoiceLineInput } from './invoice.inputs';
import type { InvoiceLine } from './invoice-line.entity';

export interface PricedLines {
  lines: { description: string; quantity: string; unitPrice: string; amount: string }[];
  totals: InvoiceTotals;
}

/**
 * Lines with their amounts, and the invoice's subtotal, tax and total at a tax rate; an amount
 * numeric(14,2) cannot hold is bad input at the line's price, a total at `path`'s lines.
 */
export function priceLines(input: Pick<InvoiceLineInput, 'description' | 'quantity' | 'unitPrice'>[], taxRate: string, path: Path): PricedLines {
  const rows = input.map((l) => ({
    description: l.description.trim(),
    quantity: fromThousandths(thousandths(l.quantity)),
    unitPrice: normalizeMoney(l.unitPrice),
  }));
  const totals = invoiceTotals(rows, taxRate);
  totals.amounts.forEach((a, i) => assertMoneyRange(a, [...path, 'lines', i, 'unitPrice'], 'The line amount'));
  assertMoneyRange(totals.subtotal, [...path, 'lines'], 'The subtotal');
  assertMoneyRange(totals.tax, [...path, 'lines'], 'The tax');
  assertMoneyRange(totals.total, [...path, 'lines'], 'The total');
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

// Money is two-decimal text both as stored (numeric(14,2)) and as priced; quantities are shown in their shortest form.
const text = (l: PricedLines['lines'][number]) => `${l.description}: ${fromThousandths(thousandths(String(l.quantity)))} × ${l.unitPrice} = ${l.amount}`;

/** Lines to write over an invoice's `current` ones (as read while preparing; null for a new invoice, which has none). */
export interface InvoiceLinesWrite {
  priced: PricedLines;
  current: PricedLines['lines'] | null;
}

/** Replaces an invoice's lines; returns the logged change, or null when they stay the same. */
export async function replaceInvoiceLines(uow: UnitOfWork, invoiceId: string, { priced, current }: InvoiceLinesWrite): Promise<Values | null> {
  const before = (current ?? []).map(text);
  const after = priced.lines.map(text);
  if (before.length === after.length && before.every((b, i) => b === after[i])) return null;
  await replaceChildRows(uow.manager, INVOICE_LINES, invoiceId, priced.lines, current === null);
  return { lines: { from: before.length ? before : null, to: after } };
}

/** Lines of many invoices in one statement per request; quantities shown as given ("1.5", not "1.500"). */
export function invoiceLinesLoader(ctx: Context): DataLoader<string, InvoiceLine[]> {
  return childRowsLoader<InvoiceLine & Record<string, unknown>>(ctx, INVOICE_LINES, (r) => ({
    ...r,
    quantity: fromThousandths(thousandths(String(r.quantity))),
  }));
}
