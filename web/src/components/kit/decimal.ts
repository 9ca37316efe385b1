// Decimal quantities and rates ("1.5" hours, "8.25" %) as exact strings and scaled integers, never
// floats; money has its own rules in money.ts.

import { splitNumber } from './number-text';
import { numberFormat } from './intl';

export type DecimalParse = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads a non-negative decimal as typed ("1.5", "1,5", " 2 ", ".25", "1,000") with at most
 * `decimals` places, the way amounts are read (money.ts): a single "," or "." followed by one or two
 * digits is the decimal point; followed by three, it groups thousands where the locale groups with
 * it. Returns the shortest text of the value ("1.50" → "1.5", "007" → "7").
 */
export function parseDecimal(text: string, decimals: number, locale?: string): DecimalParse {
  let t = text.normalize('NFKC').trim();
  if (!t) return { ok: false, message: 'is required' };
  if (/^[-−]/.test(t)) return { ok: false, message: 'must be ≥ 0' };
  t = t.replace(/^\+/, '').replace(/[\s\u00a0\u202f']/g, '');
  const parts = splitNumber(t, locale);
  if (!parts) return { ok: false, message: 'is not a number' };
  const whole = parts.whole.replace(/^0+(?=\d)/, '') || '0';
  const fraction = parts.fraction.replace(/0+$/, '');
  if (fraction.length > decimals) return { ok: false, message: decimals === 0 ? 'must be a whole number' : `must have at most ${decimals} decimals` };
  return { ok: true, value: fraction ? `${whole}.${fraction}` : whole };
}

/** A decimal string as an integer in units of 10^-decimals: scaled("1.5", 3) → 1500n. */
export function scaled(value: string, decimals: number): bigint {
  const [whole, fraction = ''] = value.trim().split('.');
  return BigInt(whole || '0') * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0').slice(0, decimals) || '0');
}

/** n / d for non-negative integers, rounded half up. */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  return (n * 2n + d) / (d * 2n);
}

/** A decimal for reading in the user's locale, exactly: "1234.5" → "1,234.5". */
export function formatDecimal(value: string | null | undefined, decimals = 3, locale?: string): string {
  if (value == null || value === '') return '—';
  // Intl formats numeric strings as exact decimals (no float rounding on the way).
  return numberFormat(locale, { maximumFractionDigits: decimals }).format(value as unknown as number);
}
