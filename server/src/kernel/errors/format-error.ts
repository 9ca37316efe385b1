import { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PUBLIC_CODES } from './errors';
import { logger } from '../logger';

/**
 * The one place errors become responses: known codes pass through, everything else is masked
 * (no stack, no SQL) and logged with the request id.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  if (code && PUBLIC_CODES.has(code)) {
    const { stacktrace: _s, exception: _e, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  const original = unwrapResolverError(error);
  logger.error({ err: original, requestId, path: formatted.path }, 'internal error');
  return {
    message: requestId ? `Internal server error (request ${requestId})` : 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  };
}
