import { GraphQLFormattedError } from 'graphql';
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
  const path = (at ?? variable).split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const reason = message.split('; ').slice(1).join('; ') || message;
  return [{ path, message: reason }];
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
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    if (code === 'BAD_USER_INPUT' && !extensions.fields) extensions.fields = variableFields(formatted.message);
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  if (isUniqueViolation(original)) {
    return { message: 'Another record already uses this value; reload and try again', locations: formatted.locations, path: formatted.path, extensions: { code: 'CONFLICT' } };
  }
  logger.error({ err: loggable(original), requestId, path: formatted.path }, 'internal error');
  return {
    message: requestId ? `Internal server error (request ${requestId})` : 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
