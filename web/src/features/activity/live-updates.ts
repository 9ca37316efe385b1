import type { ApolloClient, ObservableQuery } from '@apollo/client';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { FeedEntryFragment } from '../../gql/graphql';
import { listFieldsOf } from '../../app/registry';
import { inTurn } from '../../components/kit/list-controls';

// Keeps open screens current from the feed: a query is refetched when its result shows the changed
// record, or when it reads a field listing records of the changed type (the registry names them:
// root lists, nested connections, summaries), so creations, deletions and stage moves appear.

function operation(doc: DocumentNode): OperationDefinitionNode | undefined {
  return doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
}

/** Every field name a query reads, at any depth (fragments included). */
function fieldNames(doc: DocumentNode): Set<string> {
  const names = new Set<string>();
  const fragments = new Map(doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])));
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        names.add(s.name.value);
        if (s.selectionSet) walk(s.selectionSet);
      } else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f);
      }
    }
  };
  const op = operation(doc);
  if (op?.operation === 'query') walk(op.selectionSet);
  return names;
}

function mentions(value: unknown, typename: string, id: string, depth = 0): boolean {
  if (!value || typeof value !== 'object' || depth > 8) return false;
  if (Array.isArray(value)) return value.some((v) => mentions(v, typename, id, depth + 1));
  const obj = value as Record<string, unknown>;
  if (obj.__typename === typename && obj.id === id) return true;
  return Object.values(obj).some((v) => mentions(v, typename, id, depth + 1));
}

export function affects(query: Pick<ObservableQuery, 'query' | 'getCurrentResult'>, entries: FeedEntryFragment[]): boolean {
  const op = operation(query.query);
  if (op?.operation !== 'query') return false;
  // The feed's own history queries are kept by the feed.
  if (op.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === 'activityLog')) return false;
  const names = fieldNames(query.query);
  const data = query.getCurrentResult().data;
  return entries.some((e) => listFieldsOf(e.entityType).some((f) => names.has(f.field)) || mentions(data, e.entityType, e.entityId));
}

type Paged = { edges?: unknown[]; pageInfo?: { endCursor?: string | null; hasNextPage?: boolean } };

/** The one connection a "Load more" list pages through, when the query is such a list. */
function pagedConnection(q: ObservableQuery): Paged | null {
  const op = operation(q.query);
  if (!op?.variableDefinitions?.some((v) => v.variable.name.value === 'after')) return null;
  const data = q.getCurrentResult().data as Record<string, unknown> | undefined;
  const connections = Object.values(data ?? {}).filter((v): v is Paged => !!v && typeof v === 'object' && Array.isArray((v as Paged).edges));
  return connections.length === 1 ? connections[0] : null;
}

const MAX_PAGE = 100;

/**
 * Refetches a query. A list with more rows loaded than its first page is fetched again with as many
 * rows as it shows (in pages of at most 100), so the reader keeps every loaded row and the place
 * they scrolled to; a plain refetch would collapse it to the first page.
 */
export function refetchKeepingRows(q: ObservableQuery): Promise<unknown> {
  // After any "Load more" already under way, so the rows it brings are counted and kept.
  return inTurn(q, () => refetchRowsShown(q));
}

async function refetchRowsShown(q: ObservableQuery): Promise<unknown> {
  const conn = pagedConnection(q);
  const pageSize = Number((q.variables as Record<string, unknown> | undefined)?.first ?? 0);
  const loaded = conn?.edges?.length ?? 0;
  if (!conn || !pageSize || loaded <= pageSize) return q.refetch();
  let after: string | null = null;
  // The first request has no cursor, so it replaces the cached rows; the next ones append.
  for (let remaining = loaded; remaining > 0; remaining -= MAX_PAGE) {
    const result = (await q.fetchMore({ variables: { first: Math.min(MAX_PAGE, remaining), after } })) as { data?: Record<string, unknown> };
    const page = Object.values(result.data ?? {}).find((v): v is Paged => !!v && typeof v === 'object' && Array.isArray((v as Paged).edges));
    after = page?.pageInfo?.endCursor ?? null;
    if (!page?.pageInfo?.hasNextPage || !after) break;
  }
  return undefined;
}

/** Batches feed entries for a moment, then refetches the open queries they affect. */
export function createLiveUpdater(client: ApolloClient, delayMs = 250) {
  let pending: FeedEntryFragment[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    const entries = pending;
    pending = [];
    timer = undefined;
    void client.refetchQueries({ include: 'active', onQueryUpdated: (q) => (affects(q, entries) ? refetchKeepingRows(q) : false) }).catch(() => undefined);
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
