import type { TaskRowFragment } from '../../gql/graphql';
import { formatDateTime } from '../../components/kit/format';

/** Earliest due first: overdue tasks lead, undated ones come last. */
export const DUE_FIRST = [{ field: 'DUE_AT' as const, direction: 'ASC' as const }];

export function isOverdue(t: { dueAt?: string | null; done?: boolean }, now = Date.now()): boolean {
  return !t.done && !!t.dueAt && Date.parse(t.dueAt) < now;
}

/** "Overdue · Dec 1, 2026, 9:00 AM", "Due …", or "No due date". */
export function dueText(t: { dueAt?: string | null; done?: boolean }): string {
  if (!t.dueAt) return 'No due date';
  return `${isOverdue(t) ? 'Overdue' : 'Due'} · ${formatDateTime(t.dueAt)}`;
}

/** What a task is about, most specific first: its deal, else its contact, else its account. */
export function relatedOf(t: Pick<TaskRowFragment, 'deal' | 'contact' | 'account'>): { type: string; id: string; label: string } | null {
  if (t.deal) return { type: 'Deal', id: t.deal.id, label: t.deal.name };
  if (t.contact) return { type: 'Contact', id: t.contact.id, label: `${t.contact.firstName} ${t.contact.lastName}` };
  if (t.account) return { type: 'Account', id: t.account.id, label: t.account.name };
  return null;
}
