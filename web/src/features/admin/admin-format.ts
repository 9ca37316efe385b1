import { describeError } from '../../app/errors';

/** A moment with its time of day (sign-ins, key use); "—" when it never happened. */
export function formatDateTime(value: string | null | undefined, never = '—'): string {
  if (!value) return never;
  return new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * One sentence for a failed action outside a form: a field message from BAD_USER_INPUT when there
 * is one (e.g. "You cannot deactivate yourself ..."), else the message for the error's code.
 */
export function actionErrorMessage(err: unknown): string {
  const d = describeError(err);
  return Object.values(d.fields)[0] ?? d.message;
}
