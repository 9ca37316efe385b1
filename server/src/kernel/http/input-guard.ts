import { badInput, FieldError } from '../errors/errors';

/** Deepest nesting of input objects/lists a request may carry (filters need a handful). */
export const MAX_INPUT_NESTING = 32;

/**
 * Checks a request's variables and query text before GraphQL sees them: text with NUL characters
 * (PostgreSQL cannot store them) and inputs nested deeper than any real filter (recursion in
 * coercion) are refused as BAD_USER_INPUT with the path to the offending value.
 */
export function checkRequestInput(query: unknown, variables: unknown): void {
  const problems: FieldError[] = [];
  const walk = (v: unknown, path: (string | number)[], depth: number) => {
    if (problems.length) return;
    if (depth > MAX_INPUT_NESTING) {
      problems.push({ path, message: `Input nests deeper than ${MAX_INPUT_NESTING} levels` });
    } else if (typeof v === 'string') {
      if (v.includes('\u0000')) problems.push({ path, message: 'Text must not contain NUL characters' });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i], depth + 1));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k], depth + 1);
    }
  };
  walk(variables, ['variables'], 0);
  if (typeof query === 'string') {
    if (/\\u0000|\\u\{0+\}/i.test(query) || query.includes('\u0000')) problems.push({ path: ['query'], message: 'Text must not contain NUL characters' });
    let depth = 0;
    let max = 0;
    for (const ch of query) {
      if (ch === '{' || ch === '[' || ch === '(') max = Math.max(max, ++depth);
      else if (ch === '}' || ch === ']' || ch === ')') depth--;
    }
    if (max > MAX_INPUT_NESTING * 2) problems.push({ path: ['query'], message: `The query nests deeper than ${MAX_INPUT_NESTING * 2} brackets` });
  }
  if (problems.length) throw badInput(problems[0].path, problems[0].message);
}
