import { GraphQLError } from 'graphql';

/** The closed set of codes our own errors carry (plus Apollo's parse/validation codes). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED' | 'INTERNAL_SERVER_ERROR';

export const PUBLIC_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

export interface FieldError {
  path: (string | number)[];
  message: string;
}

export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in required: send a valid token in the Authorization header') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string, id?: string) {
    super('NOT_FOUND', id ? `${entity} ${id} was not found` : `${entity} was not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, { retryAfterSeconds });
  }
}

export class BadUserInputError extends AppError {
  constructor(
    readonly fields: FieldError[],
    message = fields.length === 1 ? fields[0].message : 'The input is invalid',
  ) {
    super('BAD_USER_INPUT', message, { fields });
  }

  /** The same errors, re-rooted under another argument path (batch items). */
  prefixed(prefix: (string | number)[]): BadUserInputError {
    return new BadUserInputError(
      this.fields.map((f) => ({ ...f, path: [...prefix, ...f.path] })),
      this.message,
    );
  }
}

export function badInput(path: (string | number)[], message: string): BadUserInputError {
  return new BadUserInputError([{ path, message }]);
}
