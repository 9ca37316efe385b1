import DataLoader from 'dataloader';
import type { Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
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

export async function invoiceLinesOf(uow: UnitOfWork, invoiceId: string): Promise<PricedLines['lines']> {
  return uow.manager.query(`SELECT "description", "quantity", "unitPrice", "amount" FROM "invoice_lines" WHERE "invoiceId" = $1 ORDER BY "position"`, [
    invoiceId,
  ]);
}

const text = (l: PricedLines['lines'][number]) =>
  `${l.description}: ${fromThousandths(thousandths(String(l.quantity)))} × ${fromMinor(toMinor(String(l.unitPrice)))} = ${fromMinor(toMinor(String(l.amount)))}`;

/** Replaces an invoice's lines; returns the logged change, or null when they stay the same. */
export async function replaceInvoiceLines(uow: UnitOfWork, invoiceId: string, priced: PricedLines): Promise<Values | null> {
  const before = (await invoiceLinesOf(uow, invoiceId)).map(text);
  const after = priced.lines.map(text);
  if (before.length === after.length && before.every((b, i) => b === after[i])) return null;
  await uow.manager.query(`DELETE FROM "invoice_lines" WHERE "invoiceId" = $1`, [invoiceId]);
  if (priced.lines.length) {
    await uow.manager.query(
      `INSERT INTO "invoice_lines" ("invoiceId", "position", "description", "quantity", "unitPrice", "amount")
       SELECT $1, l.ord - 1, l.description, l.quantity, l.price, l.amount
         FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::numeric[]) WITH ORDINALITY AS l(description, quantity, price, amount, ord)`,
      [
        invoiceId,
        priced.lines.map((l) => l.description),
        priced.lines.map((l) => l.quantity),
        priced.lines.map((l) => l.unitPrice),
        priced.lines.map((l) => l.amount),
      ],
    );
  }
  return { lines: { from: before.length ? before : null, to: after } };
}

/** Lines of many invoices in one statement per request. */
export function invoiceLinesLoader(ctx: Context): DataLoader<string, InvoiceLine[]> {
  return ctx.loaders.get(
    'InvoiceLine.byInvoice',
    () =>
      new DataLoader<string, InvoiceLine[]>(async (ids) => {
        const rows: InvoiceLine[] = await reader(ctx.ds).query(
          `SELECT "id", "invoiceId", "position", "description", "quantity", "unitPrice", "amount" FROM "invoice_lines"
            WHERE "invoiceId" = ANY($1::uuid[]) ORDER BY "invoiceId", "position"`,
          [ids],
        );
        const by = new Map<string, InvoiceLine[]>();
        for (const r of rows) {
          // numeric(12,3) comes back as "1.500": shown as given, "1.5".
          r.quantity = fromThousandths(thousandths(String(r.quantity)));
          (by.get(r.invoiceId) ?? by.set(r.invoiceId, []).get(r.invoiceId)!).push(r);
        }
        return ids.map((id) => by.get(id) ?? []);
      }),
  );
}
