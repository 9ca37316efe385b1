import { GraphQLScalarType, type ValueNode } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

const local = LocalDateResolver.toConfig();

/** Dates PostgreSQL and JavaScript agree on: years 1 to 9999 (LocalDate alone lets "0000-01-01" by). */
export function inCalendarRange(v: unknown): boolean {
  const year = v instanceof Date ? v.getUTCFullYear() : typeof v === 'string' ? Number(v.slice(0, 4)) : NaN;
  return (v instanceof Date ? !isNaN(v.getTime()) : true) && year >= 1 && year <= 9999;
}

function inRange(value: unknown): string {
  if (!inCalendarRange(value)) throw new TypeError('Date must be between the years 1 and 9999');
  return value as string;
}

/**
 * `Date`: a calendar date, "YYYY-MM-DD", as the financial contract names it (books are kept by the
 * day, without a time zone). It parses like `LocalDate`, which older fields use, within years 1–9999.
 */
export const DateScalar = new GraphQLScalarType({
  ...local,
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD" (no time, no time zone), in the years 1 to 9999.',
  specifiedByURL: undefined,
  parseValue: (value: unknown) => inRange(local.parseValue!(value)),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => inRange(local.parseLiteral!(ast, variables)),
});

/** Today's date in UTC, "YYYY-MM-DD". */
export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** A calendar date `n` days after (before, for a negative `n`) `iso`: "2026-01-31" + 1 → "2026-02-01". */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
