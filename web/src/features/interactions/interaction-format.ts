import type { InteractionType } from '../../gql/graphql';

export const INTERACTION_TYPES = ['CALL', 'EMAIL', 'MEETING', 'NOTE', 'SMS'] as const satisfies readonly InteractionType[];
/** SMS interactions are recorded by sending a text, never typed in by hand. */
export const LOGGABLE_TYPES = ['CALL', 'EMAIL', 'MEETING', 'NOTE'] as const satisfies readonly InteractionType[];

export const TYPE_LABELS: Record<InteractionType, string> = {
  CALL: 'Call',
  EMAIL: 'Email',
  MEETING: 'Meeting',
  NOTE: 'Note',
  SMS: 'SMS',
};

export function isInteractionType(v: string | null): v is InteractionType {
  return !!v && (INTERACTION_TYPES as readonly string[]).includes(v);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a `datetime-local` input (local time, minutes). */
export function toLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A `datetime-local` value (local time) as an ISO instant; null when it is not a date. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Mirrors the server's @IsDate @InCalendarRange on occurredAt. */
export function dateTimeCheck(value: string): string | null {
  if (!value.trim()) return null;
  const iso = fromLocalInput(value.trim());
  if (!iso) return 'must be a date and time';
  const year = Number(value.slice(0, 4));
  return year >= 1 && year <= 9999 ? null : 'must be a date between the years 1 and 9999';
}
