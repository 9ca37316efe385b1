import { divideHalfUp, parseDecimal, scaled } from '../../components/kit/decimal';
import { toCents, typedCents } from '../../components/kit/money';

// Invoice arithmetic as the server does it, in integers: quantities in thousandths, money in cents,
// tax rates in thousandths of a percent; one rounding rule, half up to the cent.

export const QUANTITY_DECIMALS = 3;
export const RATE_DECIMALS = 3;

/** A line's amount in cents: quantity × unit price, rounded half up to the cent. */
export function lineCents(quantity: string, unitPrice: string): bigint {
  return priceLine(quantity, toCents(unitPrice));
}

const priceLine = (quantity: string, priceCents: bigint) => divideHalfUp(scaled(quantity, QUANTITY_DECIMALS) * priceCents, 1000n);

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

/** A quantity (QUANTITY_DECIMALS) or rate (RATE_DECIMALS) as typed; null while it does not read as one. */
function typedDecimal(value: unknown, decimals: number): string | null {
  const parsed = parseDecimal(String(value ?? ''), decimals);
  return parsed.ok ? parsed.value : null;
}

/**
 * The lines as typed so far, priced as the server will: the sum of those with a quantity and a price,
 * and how many have no price yet (invoice and work order forms alike).
 */
export function typedLinesTotal(rows: Record<string, unknown>[]): { total: bigint; unpriced: number } {
  let total = 0n;
  let unpriced = 0;
  for (const r of rows) {
    const quantity = typedDecimal(r.quantity, QUANTITY_DECIMALS);
    const price = typedCents(r.unitPrice);
    if (price === null) unpriced += 1;
    else if (quantity) total += priceLine(quantity, price);
  }
  return { total, unpriced };
}

/** Totals of the lines as typed so far (lines not readable yet count as nothing). */
export function typedInvoiceTotals(rows: Record<string, unknown>[], taxRate: unknown): InvoiceTotals {
  const subtotal = typedLinesTotal(rows).total;
  const text = String(taxRate ?? '').trim();
  const read = text ? typedDecimal(text, RATE_DECIMALS) : '0';
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
