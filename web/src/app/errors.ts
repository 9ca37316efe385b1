import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What a screen shows for a failed operation: one sentence, and per-field messages for forms. */
export interface UserFacingError {
  code: string;
  message: string;
  /** Field name (last path segment of the input) → message, from BAD_USER_INPUT. */
  fields: Record<string, string>;
}

const MESSAGES: Record<string, string> = {
  FORBIDDEN: 'You do not have permission to do that.',
  NOT_FOUND: 'Not found — it may have been deleted, or you may not have access to it.',
  CONFLICT: 'This record was changed by someone else — reload to see the latest version.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  BAD_USER_INPUT: 'Some fields need attention.',
  NETWORK: 'Cannot reach the server. Check your connection and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Try again in a moment.',
};

interface FieldError {
  path?: unknown[];
  message?: string;
}

/** The field errors a BAD_USER_INPUT carries, each with its whole input path (e.g. `input.lines.0.quantity`). */
export function fieldErrors(error: unknown): { path: unknown[]; message: string }[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((e) =>
    ((e.extensions?.fields ?? []) as FieldError[]).flatMap((f) => (f.message ? [{ path: f.path ?? [], message: f.message }] : [])),
  );
}

/** The field an error path is about: its last named segment other than `input`. */
export function fieldName(path: unknown[]): string | undefined {
  const name = [...path].reverse().find((p) => typeof p === 'string' && p !== 'input');
  return typeof name === 'string' ? name : undefined;
}

/** Maps any error from Apollo to a message chosen by its code; never shows raw server text except validation messages. */
export function describeError(error: unknown): UserFacingError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const fields: Record<string, string> = {};
    for (const f of fieldErrors(error)) {
      const name = fieldName(f.path);
      if (name !== undefined && !fields[name]) fields[name] = f.message;
    }
    let message = MESSAGES[code] ?? MESSAGES.INTERNAL_SERVER_ERROR;
    // A BAD_USER_INPUT without field details (e.g. "lostReason is required") carries a message meant for people.
    if (code === 'BAD_USER_INPUT' && Object.keys(fields).length === 0 && first?.message) message = first.message;
    if (code === 'RATE_LIMITED' && first?.message) message = first.message;
    return { code, message, fields };
  }
  if (ServerError.is(error)) return { code: 'INTERNAL_SERVER_ERROR', message: MESSAGES.INTERNAL_SERVER_ERROR, fields: {} };
  return { code: 'NETWORK', message: MESSAGES.NETWORK, fields: {} };
}

export function errorCode(error: unknown): string {
  return describeError(error).code;
}

/**
 * One sentence for a failed action outside a form: a field message from BAD_USER_INPUT when there
 * is one (e.g. "You cannot deactivate yourself ..."), else the message for the error's code.
 */
export function actionErrorMessage(err: unknown): string {
  const d = describeError(err);
  return Object.values(d.fields)[0] ?? d.message;
}
