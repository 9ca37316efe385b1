import type { FeedEntryFragment } from '../../gql/graphql';
import { entityOf, recordPath } from '../../app/registry';

const VERBS: Record<string, string> = {
  CREATED: 'created',
  UPDATED: 'updated',
  DELETED: 'moved to the trash',
  RESTORED: 'restored',
  STAGE_CHANGED: 'moved',
  WON: 'won',
  LOST: 'lost',
  REOPENED: 'reopened',
  COMPLETED: 'completed',
  SIGNED_IN: 'signed in',
};

/** The noun for an entity type: from its registry entry, else its name in words ("Project" → "project"). */
function noun(entityType: string): string {
  return entityOf(entityType)?.labels.noun ?? entityType.replace(/(?<=[a-z])(?=[A-Z])/g, ' ').toLowerCase();
}

function stageText(value: unknown): string {
  return typeof value === 'string' ? value.replace(/_/g, ' ').toLowerCase() : '';
}

/** One readable sentence for an activity entry: "Dana Rep moved deal Big Sale to proposal". */
export function describeEntry(e: FeedEntryFragment): string {
  const who = e.actor?.name ?? 'System';
  const what = `${noun(e.entityType)} ${e.entityLabel}`;
  if (e.action === 'SIGNED_IN') return `${who} signed in`;
  if (e.action === 'STAGE_CHANGED') {
    const stage = (e.changes as Record<string, { to?: unknown }>).stage?.to;
    return `${who} moved ${what}${stage ? ` to ${stageText(stage)}` : ''}`;
  }
  return `${who} ${VERBS[e.action] ?? e.action.toLowerCase()} ${what}`;
}

/** The changed field names of an UPDATED entry (values may be redacted for this viewer). */
export function changedFields(e: FeedEntryFragment): string[] {
  return e.action === 'UPDATED' ? Object.keys(e.changes ?? {}) : [];
}

/** Where an entry's record lives in the app, when it has a page. */
export function entryLink(e: Pick<FeedEntryFragment, 'entityType' | 'entityId' | 'action'>): string | null {
  return recordPath(e.entityType, e.entityId);
}

export function timeAgo(iso: string, now = Date.now()): string {
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`;
  return new Date(iso).toLocaleDateString();
}
