import { DocumentNode, GraphQLError, parse } from 'graphql';
import { badInput, FieldError } from '../errors/errors';
import { documentShapeProblem } from './limits';

/** Deepest nesting of input objects/lists a request may carry (filters need a handful). */
export const MAX_INPUT_NESTING = 32;

/** Parses query text; a syntax error comes out as GRAPHQL_PARSE_FAILED, as Apollo reports it over HTTP. */
export function parseQuery(query: string): DocumentNode {
  try {
    return parse(query);
  } catch (err) {
    const e = err as GraphQLError;
    throw new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
  }
}

/**
 * Checks a request's variables and query text before GraphQL validates them: text with NUL
 * characters (PostgreSQL cannot store them) and inputs nested deeper than any real filter
 * (recursion in coercion) are refused as BAD_USER_INPUT with the path to the offending value; a
 * document over the shape limits (fragment spreads, repeated fields) as GRAPHQL_VALIDATION_FAILED.
 * Returns the parsed document, or null when there is no query text or it does not parse (the
 * GraphQL layer reports the syntax error).
 */
export function checkRequestInput(query: unknown, variables: unknown): DocumentNode | null {
  checkVariables(variables);
  if (typeof query !== 'string') return null;
  const known = checkedQueries.get(query);
  if (known) {
    // Most recently used last, so the oldest is the one let go.
    checkedQueries.delete(query);
    checkedQueries.set(query, known);
    return known;
  }
  const document = checkQueryText(query);
  if (document && query.length <= CACHED_QUERY_CHARS) {
    if (checkedQueries.size >= CACHED_QUERIES) checkedQueries.delete(checkedQueries.keys().next().value!);
    checkedQueries.set(query, document);
  }
  return document;
}

// Clients send the same few documents again and again: a text that passed the checks below (which
// depend on the text alone) is not scanned and parsed again. Bounded in count and size.
const CACHED_QUERIES = 1000;
const CACHED_QUERY_CHARS = 20_000;
const checkedQueries = new Map<string, DocumentNode>();

function checkVariables(variables: unknown): void {
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
  if (problems.length) throw badInput(problems[0].path, problems[0].message);
}

/** The query text's own checks, then its parse and shape; null when it does not parse. */
function checkQueryText(query: string): DocumentNode | null {
  if (/\\u0000|\\u\{0+\}/i.test(query) || query.includes('\u0000')) throw badInput(['query'], 'Text must not contain NUL characters');
  let depth = 0;
  let max = 0;
  for (const ch of query) {
    if (ch === '{' || ch === '[' || ch === '(') max = Math.max(max, ++depth);
    else if (ch === '}' || ch === ']' || ch === ')') depth--;
  }
  if (max > MAX_INPUT_NESTING * 2) throw badInput(['query'], `The query nests deeper than ${MAX_INPUT_NESTING * 2} brackets`);
  let document: DocumentNode;
  try {
    document = parseQuery(query);
  } catch {
    return null;
  }
  const problem = documentShapeProblem(document);
  if (problem) throw new GraphQLError(problem, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  return document;
}
