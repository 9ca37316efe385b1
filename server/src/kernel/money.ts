import { GraphQLScalarType, Kind } from 'graphql';
import { badInput } from './errors/errors';

// Money travels as a decimal string ("1234.50"), is stored as numeric(14,2) and computed in
// integer minor units (bigint) — never as a float.
const MONEY_RE = /^-?\d{1,12}(\.\d{1,2})?$/;

export function isMoneyString(value: unknown): value is string {
  return typeof value === 'string' && MONEY_RE.test(value.trim());
}

export function toMinor(value: string): bigint {
  const [whole, frac = ''] = value.trim().replace(/^-/, '').split('.');
  const minor = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  return value.trim().startsWith('-') ? -minor : minor;
}

export function fromMinor(minor: bigint): string {
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  const s = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** The largest amount numeric(14,2) holds, in minor units: 999 999 999 999.99. */
export const MAX_MONEY_MINOR = 99_999_999_999_999n;

/** Refuses, as bad input at `path`, an amount (a line's, a total) beyond what numeric(14,2) holds. */
export function assertMoneyRange(minor: bigint, path: (string | number)[], what = 'The amount'): void {
  if (minor > MAX_MONEY_MINOR || minor < -MAX_MONEY_MINOR) {
    throw badInput(path, `${what} would be ${fromMinor(minor)}: amounts go up to ${fromMinor(MAX_MONEY_MINOR)}`);
  }
}

/** "1234.5" → "1234.50"; assumes isMoneyString(value). */
export function normalizeMoney(value: string): string {
  return fromMinor(toMinor(value));
}

export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An amount of money as a decimal string with two decimals, e.g. "1234.50". Inputs accept at most two decimals.',
  serialize(value) {
    if (typeof value === 'string') return isMoneyString(value) ? normalizeMoney(value) : value;
    if (typeof value === 'bigint') return fromMinor(value);
    throw new TypeError('Money must be a decimal string');
  },
  // Parsed loosely here; the service validates format and sign so errors carry field paths.
  parseValue(value) {
    if (typeof value !== 'string' && typeof value !== 'number') throw new TypeError('Money must be a decimal string such as "1234.50"');
    return String(value);
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return ast.value;
    throw new TypeError('Money must be a decimal string such as "1234.50"');
  },
});
