import type { ApolloClient, ObservableQuery } from '@apollo/client';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { FeedEntryFragment } from '../../gql/graphql';

// Keeps open screens current from the feed: a query is refetched when its result shows the changed
// record, or when it lists records of the changed type (so creations, deletions and stage moves
// appear). Generic over the documents, so new screens need no registration.
const LIST_ROOTS: Record<string, string[]> = {
  Account: ['accounts', 'search'],
  Contact: ['contacts', 'search'],
  Deal: ['deals', 'dealStats', 'search'],
  Interaction: ['interactions', 'dealStats'],
  User: ['users'],
  ApiKey: ['apiKeys'],
};

function rootFields(doc: DocumentNode): string[] {
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return op?.operation === 'query' ? op.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : [])) : [];
}

function mentions(value: unknown, typename: string, id: string, depth = 0): boolean {
  if (!value || typeof value !== 'object' || depth > 8) return false;
  if (Array.isArray(value)) return value.some((v) => mentions(v, typename, id, depth + 1));
  const obj = value as Record<string, unknown>;
  if (obj.__typename === typename && obj.id === id) return true;
  return Object.values(obj).some((v) => mentions(v, typename, id, depth + 1));
}

export function affects(query: Pick<ObservableQuery, 'query' | 'getCurrentResult'>, entries: FeedEntryFragment[]): boolean {
  const roots = rootFields(query.query);
  if (roots.includes('activityLog')) return false;
  const data = query.getCurrentResult().data;
  return entries.some((e) => {
    if ((LIST_ROOTS[e.entityType] ?? []).some((r) => roots.includes(r))) return true;
    // Timelines and related lists on a detail page show the record (or its children).
    return mentions(data, e.entityType, e.entityId);
  });
}

/** Batches feed entries for a moment, then refetches the open queries they affect. */
export function createLiveUpdater(client: ApolloClient, delayMs = 250) {
  let pending: FeedEntryFragment[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    const entries = pending;
    pending = [];
    timer = undefined;
    void client
      .refetchQueries({ include: 'active', onQueryUpdated: (q) => (affects(q, entries) ? q.refetch() : false) })
      .catch(() => undefined);
  };
  return {
    push(entry: FeedEntryFragment) {
      pending.push(entry);
      timer ??= setTimeout(flush, delayMs);
    },
    stop() {
      clearTimeout(timer);
      pending = [];
    },
  };
}
