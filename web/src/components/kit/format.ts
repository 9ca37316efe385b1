// Dates and times in the user's locale (Intl); money in money.ts, phones in phone.ts.
import { dateTimeFormat } from './intl';
export { formatMoney } from './money';

const dateFormat = () => dateTimeFormat(undefined, { dateStyle: 'medium' });
const dateAndTimeFormat = () => dateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A calendar day ("2026-12-31") or an instant, as a date: "Dec 31, 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  // A calendar day has no time zone: read it as that day where the user is.
  const d = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFormat().format(d);
}

/** An instant with its time of day; `never` when it has not happened. */
export function formatDateTime(value: string | null | undefined, never = '—'): string {
  if (!value) return never;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateAndTimeFormat().format(d);
}

/** An enum value for reading: "CLOSED_WON" → "Closed won". */
export function enumLabel(value: string): string {
  const s = value.replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the value of a `datetime-local` input (local time, minutes). */
export function toLocalInput(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today where the user is, as a calendar day ("2026-03-31"). */
export const today = (): string => toLocalInput(new Date()).slice(0, 10);

/** A `datetime-local` value (local time) as an ISO instant; null when it is not a date and time. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Whether "YYYY-MM-DD" names a real calendar day in the years 1–9999. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return y >= 1 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
