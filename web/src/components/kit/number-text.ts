// Reading numbers as people type them, shared by amounts (money.ts) and quantities and rates
// (decimal.ts): which "," or "." is the decimal point, and which ones group thousands.
import { numberFormat } from './intl';

function separators(locale?: string): { decimal: string; group: string } {
  const parts = numberFormat(locale).formatToParts(12345.6);
  return { decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.', group: parts.find((p) => p.type === 'group')?.value ?? ',' };
}

/**
 * Splits unsigned digits with separators ("12,000", "1.500", "48000,5") into whole and fraction
 * digits, or null when it is not a number. Both separators present: the last is the point. One kind:
 * several always group; a single one followed by three digits groups where the locale groups with
 * it (or where the locale's point is the other sign); otherwise it is the point. Groups are threes.
 */
export function splitNumber(t: string, locale?: string): { whole: string; fraction: string } | null {
  if (!t || /[^\d.,]/.test(t)) return null;
  const { decimal, group } = separators(locale);
  const lastDot = t.lastIndexOf('.');
  const lastComma = t.lastIndexOf(',');
  let point = -1;
  if (lastDot >= 0 && lastComma >= 0) {
    point = Math.max(lastDot, lastComma);
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const count = t.split(sep).length - 1;
    const after = t.length - t.lastIndexOf(sep) - 1;
    const groups = count > 1 || (after === 3 && sep === group) || (after === 3 && sep !== decimal);
    if (!groups) point = t.lastIndexOf(sep);
  }
  const grouped = point >= 0 ? t.slice(0, point) : t;
  if (/[.,]/.test(grouped) && !/^\d{1,3}([.,]\d{3})+$/.test(grouped)) return null;
  const whole = grouped.replace(/[.,]/g, '');
  const fraction = point >= 0 ? t.slice(point + 1) : '';
  if (!/^\d*$/.test(whole) || !/^\d*$/.test(fraction) || (!whole && !fraction)) return null;
  return { whole, fraction };
}
