import { divideHalfUp, parseDecimal, scaled } from '../../components/kit/decimal';
import { parseMoney, toCents } from '../../components/kit/money';

// Invoice arithmetic as the server does it, in integers: quantities in thousandths, money in cents,
// tax rates in thousandths of a percent; one rounding rule, half up to the cent.

export const QUANTITY_DECIMALS = 3;
export const RATE_DECIMALS = 3;

/** A line's amount in cents: quantity × unit price, rounded half up to the cent. */
export function lineCents(quantity: string, unitPrice: string): bigint {
  return divideHalfUp(scaled(quantity, QUANTITY_DECIMALS) * toCents(unitPrice), 1000n);
}

/** Tax in cents: subtotal × rate / 100, rounded half up to the cent. */
export function taxCents(subtotal: bigint, taxRate: string): bigint {
  return divideHalfUp(subtotal * scaled(taxRate, RATE_DECIMALS), 100_000n);
}

export interface InvoiceTotals {
  subtotal: bigint;
  tax: bigint;
  total: bigint;
  /** The rate as read ("8.25"); null while what is typed is not a rate. */
  rate: string | null;
}

/** A quantity or rate as typed; null while it does not read as one. */
function typedDecimal(value: unknown): string | null {
  const parsed = parseDecimal(String(value ?? ''), QUANTITY_DECIMALS);
  return parsed.ok ? parsed.value : null;
}

/** A price as typed; null while it does not read as an amount. */
function typedMoney(value: unknown): string | null {
  const parsed = parseMoney(String(value ?? ''));
  return parsed.ok ? parsed.value : null;
}

/** Totals of the lines as typed so far (lines not readable yet count as nothing). */
export function typedInvoiceTotals(rows: Record<string, unknown>[], taxRate: unknown): InvoiceTotals {
  const subtotal = rows.reduce((sum, r) => {
    const quantity = typedDecimal(r.quantity);
    const price = typedMoney(r.unitPrice);
    return quantity && price ? sum + lineCents(quantity, price) : sum;
  }, 0n);
  const text = String(taxRate ?? '').trim();
  const read = text ? typedDecimal(text) : '0';
  // A percentage: above 100 it is not a rate the server takes.
  const rate = read && scaled(read, RATE_DECIMALS) <= 100_000n ? read : null;
  const tax = rate ? taxCents(subtotal, rate) : 0n;
  return { subtotal, tax, total: subtotal + tax, rate };
}

/** Why a draft cannot be issued yet, in the server's words; null when it can. */
export function issueBlocker(invoice: { lines: unknown[]; total: string }): string | null {
  if (invoice.lines.length === 0) return 'An invoice needs at least one line to issue.';
  if (toCents(invoice.total) <= 0n) return 'An invoice needs a total above zero to issue.';
  return null;
}
