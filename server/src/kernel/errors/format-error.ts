import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PUBLIC_CODES } from './errors';
import { logger } from '../logger';

/**
 * Apollo reports bad variables ("Variable "$input" got invalid value … at "input.stage"; …") as
 * BAD_USER_INPUT without field paths; derive them so every BAD_USER_INPUT carries `fields`.
 */
function variableFields(message: string): { path: (string | number)[]; message: string }[] {
  const variable = /Variable "\$([^"]+)"/.exec(message)?.[1];
  if (!variable) return [];
  const at = /at "([^"]+)"/.exec(message)?.[1];
  // graphql-js prints paths as `inputs[3].name`.
  const path = [...(at ?? variable).matchAll(/\[(\d+)\]|[^.[\]]+/g)].map((m) => (m[1] === undefined ? m[0] : Number(m[1])));
  const reason = message.split('; ').slice(1).join('; ') || message;
  return [{ path, message: reason }];
}

/**
 * The code for an error graphql-js raised about what the client sent, which carries no code of its
 * own: bad variables (including its "too many errors" abort) and arguments are BAD_USER_INPUT, any
 * other error about the request as a whole (no path, no underlying exception) is a refusal before
 * execution. Null for everything else (a resolver's failure, a broken result): those stay internal.
 */
function clientErrorOf(error: unknown): { code: string; fields?: { path: (string | number)[]; message: string }[] } | null {
  if (!(error instanceof GraphQLError)) return null;
  const { message } = error;
  if (!error.path) {
    if (message.startsWith('Too many errors processing variables')) {
      return { code: 'BAD_USER_INPUT', fields: [{ path: ['variables'], message: 'Too many invalid values in the variables; fix the ones reported first' }] };
    }
    if (message.startsWith('Variable "$')) return { code: 'BAD_USER_INPUT' };
    return error.originalError ? null : { code: 'GRAPHQL_VALIDATION_FAILED' };
  }
  // Arguments are coerced while executing (e.g. an explicit null for a non-null argument with a variable default).
  const argument = /^Argument "([^"]+)" (?:of required type .* was not provided|of non-null type .* must not be null|has invalid value )/.exec(message);
  const raw = error.originalError;
  if (argument && (!raw || (raw instanceof GraphQLError && !raw.extensions?.code)))
    return { code: 'BAD_USER_INPUT', fields: [{ path: [argument[1]], message }] };
  return null;
}

/** What goes into the log for an unexpected error: no SQL parameters, rows or secrets. */
function loggable(err: unknown): Record<string, unknown> {
  const e = err as { name?: string; message?: string; stack?: string; code?: string; driverError?: { code?: string } };
  return { name: e?.name, message: e?.message, code: e?.code ?? e?.driverError?.code, stack: e?.stack };
}

/** PostgreSQL's unique violation: two writers raced for the same unique value. */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/**
 * The one place errors become responses: known codes pass through, everything else is masked
 * (no stack, no SQL) and logged with the request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  const clientError = PUBLIC_CODES.has(formatted.extensions?.code as string) ? null : clientErrorOf(error);
  if (clientError) formatted = { ...formatted, extensions: { ...formatted.extensions, ...clientError } };
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (code === 'BAD_USER_INPUT' && !extensions.fields) extensions.fields = variableFields(formatted.message);
    // graphql-js's own word for a document it gave up comparing (too many overlapping fields).
    if (code === 'GRAPHQL_VALIDATION_FAILED' && formatted.message === 'Validation aborted.') {
      return { ...formatted, message: 'Validation aborted: the document has too many fields or fragments to compare. Send a smaller one.', extensions };
    }
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  if (isUniqueViolation(original)) {
    return {
      message: 'Another record already uses this value; reload and try again',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'CONFLICT' },
    };
  }
  logger.error({ err: loggable(original), requestId, path: formatted.path }, 'internal error');
  return {
    message: requestId ? `Internal server error (request ${requestId})` : 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
