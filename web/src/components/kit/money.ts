// Money is a decimal string on the wire ("48000.50"): parsed from what people type and formatted for
// reading without ever going through a float.

import { splitNumber } from './number-text';
import { numberFormat } from './intl';

const MAX_WHOLE_DIGITS = 12; // numeric(14,2)

export type MoneyParse = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads an amount as people type it: "12,000", "12000", "$48,000.50", " 48 000,50 " (spaces and the
 * locale's group separator group thousands; a single "," or "." followed by one or two digits is the
 * decimal point whatever the locale). Returns the API's decimal string with two decimals.
 */
export function parseMoney(text: string, locale?: string): MoneyParse {
  let t = text.normalize('NFKC').trim();
  if (!t) return { ok: false, message: 'is required' };
  // Currency signs and codes around the number carry no meaning here (one currency per installation).
  t = t
    .replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/g, '')
    .replace(/[$€£¥]/g, '')
    .trim();
  const negative = /^[-−(]/.test(t) || /-$/.test(t);
  t = t.replace(/^[-−(+]|[-)]$/g, '').replace(/[\s\u00a0\u202f']/g, '');
  const parts = splitNumber(t, locale);
  if (!parts) return { ok: false, message: 'is not a number' };
  const { whole, fraction } = parts;
  if (negative && /[1-9]/.test(whole + fraction)) return { ok: false, message: 'must be ≥ 0' };
  if (fraction.length > 2) return { ok: false, message: 'must have at most 2 decimals' };
  const digits = whole.replace(/^0+(?=\d)/, '') || '0';
  if (digits.length > MAX_WHOLE_DIGITS) return { ok: false, message: 'is too large' };
  return { ok: true, value: `${digits}.${fraction.padEnd(2, '0')}` };
}

/** "1234.5" → "$1,234.50" in the user's locale, exactly (the string is formatted as a decimal, not a float). */
export function formatMoney(value: string | null | undefined, locale?: string): string {
  if (value == null || value === '') return '—';
  const format = numberFormat(locale, { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Intl formats numeric strings as exact decimals (no float rounding on the way).
  return format.format(value as unknown as number);
}

/** The amount as an input shows it for editing: "48000.50" → "48,000.50". */
export function moneyInputText(value: string | null | undefined, locale?: string): string {
  if (value == null || value === '') return '';
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value as unknown as number);
}

/** A decimal string from the API or parseMoney ("1234.5", "-0.01") as whole cents, so sums are exact. */
export function toCents(value: string): bigint {
  const m = /^(-?)(\d*)(?:\.(\d{0,2}))?$/.exec(value.trim());
  if (!m || (!m[2] && !m[3])) throw new Error(`Not an amount: ${value}`);
  const cents = BigInt(m[2] || '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** Whole cents back to the API's decimal string: 123450n → "1234.50". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** An amount as typed in a form, in whole cents; null while it does not read as one (blank included). */
export function typedCents(value: unknown): bigint | null {
  const parsed = parseMoney(String(value ?? ''));
  return parsed.ok ? toCents(parsed.value) : null;
}

/** Whole cents as an input or a running total shows them: 123450n → "1,234.50". */
export function centsText(cents: bigint, locale?: string): string {
  return moneyInputText(fromCents(cents), locale);
}

/** A one-sided amount (a debit, a credit): blank at zero rather than "$0.00". */
export function blankIfZero(value: string, locale?: string): string {
  return toCents(value) === 0n ? '' : formatMoney(value, locale);
}
