import { toMinor } from '../../kernel/money';

// Invoice arithmetic in integers: quantities in thousandths, money in cents, tax rates in
// thousandths of a percent. One rounding rule everywhere: half up, to the cent.

const QUANTITY = /^\d{1,9}(\.\d{1,3})?$/;
const RATE = /^\d{1,3}(\.\d{1,3})?$/;

export const isQuantity = (v: unknown): v is string => typeof v === 'string' && QUANTITY.test(v.trim()) && thousandths(v) > 0n;
export const isTaxRate = (v: unknown): v is string => typeof v === 'string' && RATE.test(v.trim()) && thousandths(v) <= 100_000n;

/** "1.5" → 1500n (thousandths). */
export function thousandths(value: string): bigint {
  const [whole, frac = ''] = value.trim().split('.');
  return BigInt(whole) * 1000n + BigInt((frac + '000').slice(0, 3));
}

/** Thousandths back to the shortest decimal text: 1500n → "1.5", 2000n → "2". */
export function fromThousandths(v: bigint): string {
  const whole = v / 1000n;
  const frac = (v % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

/** n / d for non-negative integers, rounded half up. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

/** A line's amount in cents: quantity × unit price, rounded half up to the cent. */
export function lineAmount(quantity: string, unitPrice: string): bigint {
  return divideHalfUp(thousandths(quantity) * toMinor(unitPrice), 1000n);
}

/** Tax in cents: subtotal × rate / 100, rounded half up to the cent. */
export function taxOf(subtotal: bigint, taxRate: string): bigint {
  return divideHalfUp(subtotal * thousandths(taxRate), 100_000n);
}

export interface InvoiceTotals {
  amounts: bigint[];
  subtotal: bigint;
  tax: bigint;
  total: bigint;
}

export function invoiceTotals(lines: { quantity: string; unitPrice: string }[], taxRate: string): InvoiceTotals {
  const amounts = lines.map((l) => lineAmount(l.quantity, l.unitPrice));
  const subtotal = amounts.reduce((s, a) => s + a, 0n);
  const tax = taxOf(subtotal, taxRate);
  return { amounts, subtotal, tax, total: subtotal + tax };
}
