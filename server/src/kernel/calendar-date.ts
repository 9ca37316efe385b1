import { GraphQLScalarType, type ValueNode } from 'graphql';
import { LocalDateResolver } from 'graphql-scalars';

const local = LocalDateResolver.toConfig();

/** Years 1 to 9999: the range PostgreSQL and JavaScript share (LocalDate alone lets "0000-01-01" by). */
function inRange(value: unknown): string {
  const year = Number(String(value).slice(0, 4));
  if (!(year >= 1 && year <= 9999)) throw new TypeError('Date must be between the years 1 and 9999');
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
