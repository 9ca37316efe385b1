import { config } from '../../config/env';
import type { Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { registerDocumentKind } from '../../kernel/documents';
import { fromMinor, toMinor } from '../../kernel/money';
import { fromThousandths, thousandths } from './invoice-amounts';
import { invoiceLinesOf } from './invoice-lines';

const escape = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const money = (v: unknown) => fromMinor(toMinor(String(v ?? '0'))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export interface InvoiceRow {
  number: string | null;
  status: string;
  issueDate: string | null;
  dueDate: string;
  subtotal: string;
  taxRate: string;
  tax: string;
  total: string;
  amountPaid: string;
  balanceDue: string;
  accountName: string;
  billingAddress: string | null;
  accountEmail: string | null;
}

/** The invoice as a printable page: the business, the account billed, lines, tax, totals, paid and due. */
export function invoiceHtml(inv: InvoiceRow, lines: { description: string; quantity: string; unitPrice: string; amount: string }[]): string {
  const { BUSINESS_NAME, BUSINESS_ADDRESS } = config();
  const title = inv.number ? `Invoice ${inv.number}` : 'Draft invoice';
  const rows = lines
    .map(
      (l) =>
        `<tr><td>${escape(l.description)}</td><td class="n">${escape(fromThousandths(thousandths(String(l.quantity))))}</td><td class="n">${money(l.unitPrice)}</td><td class="n">${money(l.amount)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title><style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font: 11pt/1.4 system-ui, sans-serif; color: #222; }
  header { display: flex; justify-content: space-between; margin-bottom: 24px; }
  h1 { font-size: 20pt; margin: 0 0 4px; } .muted { color: #555; }
  table { width: 100%; border-collapse: collapse; margin-top: 16px; }
  th, td { padding: 6px 8px; border-bottom: 1px solid #ddd; text-align: left; } .n { text-align: right; white-space: nowrap; }
  tfoot td { border: 0; } tfoot tr.total td { font-weight: 700; border-top: 2px solid #222; }
  .void { color: #b00020; font-weight: 700; }
  </style></head><body>
  <header><div><h1>${escape(BUSINESS_NAME)}</h1><div class="muted">${escape(BUSINESS_ADDRESS)}</div></div>
  <div class="n"><h1>${escape(title)}</h1>${inv.status === 'VOID' ? '<div class="void">VOID</div>' : ''}
  <div>Issued: ${escape(inv.issueDate ?? '—')}</div><div>Due: ${escape(inv.dueDate)}</div></div></header>
  <section><div class="muted">Bill to</div><strong>${escape(inv.accountName)}</strong>
  ${inv.billingAddress ? `<div>${escape(inv.billingAddress)}</div>` : ''}${inv.accountEmail ? `<div>${escape(inv.accountEmail)}</div>` : ''}</section>
  <table><thead><tr><th>Description</th><th class="n">Quantity</th><th class="n">Unit price</th><th class="n">Amount</th></tr></thead>
  <tbody>${rows}</tbody><tfoot>
  <tr><td colspan="3" class="n">Subtotal</td><td class="n">${money(inv.subtotal)}</td></tr>
  <tr><td colspan="3" class="n">Tax (${escape(fromThousandths(thousandths(String(inv.taxRate))))}%)</td><td class="n">${money(inv.tax)}</td></tr>
  <tr class="total"><td colspan="3" class="n">Total</td><td class="n">${money(inv.total)}</td></tr>
  <tr><td colspan="3" class="n">Amount paid</td><td class="n">${money(inv.amountPaid)}</td></tr>
  <tr class="total"><td colspan="3" class="n">Balance due</td><td class="n">${money(inv.balanceDue)}</td></tr>
  </tfoot></table></body></html>`;
}

export const invoicePdf = registerDocumentKind({
  kind: 'invoice',
  entityType: 'Invoice',
  title: 'Invoice PDF',
  async render(ctx: Context, id: string) {
    const db = reader(ctx.ds);
    const [inv]: InvoiceRow[] = await db.query(
      `SELECT i."number", i."status", i."issueDate", i."dueDate", i."subtotal", i."taxRate", i."tax", i."total", i."amountPaid", i."balanceDue",
              a."name" AS "accountName", a."billingAddress", a."email" AS "accountEmail"
         FROM "invoices" i JOIN "accounts" a ON a."id" = i."accountId" WHERE i."id" = $1`,
      [id],
    );
    if (!inv) return null;
    const lines = await invoiceLinesOf(db, id);
    return { html: invoiceHtml(inv, lines), filename: `${inv.number ?? 'draft-invoice'}.pdf` };
  },
});
