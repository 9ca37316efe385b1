import { useEffect, useState } from 'react';
import type { ApolloClient, WatchQueryFetchPolicy } from '@apollo/client';
import type { EntityEntry } from '../../app/entity';
import { capabilitiesOf, type Me } from '../../app/capabilities';
import { canOpenEntity } from '../../app/navigation';
import { buildFilter, readFilterValues, type FilterDef, type FilterValues } from './filters';
import { readSort } from './useListState';
import type { AnyDocument, EntityScreens, KitContext, ListScreen, SortState } from './types';

export const DEFAULT_PAGE_SIZE = 25;

/** A list's filter bar for this user (some filters depend on what they may see). */
export function listFilters(list: ListScreen, ctx: KitContext): FilterDef[] {
  return typeof list.filters === 'function' ? list.filters(ctx) : list.filters;
}

/** A list query's variables: the page size, the URL's filters and sort, and what the descriptor adds. */
export function listVariables(list: ListScreen, ctx: KitContext, filters: FilterDef[], values: FilterValues, sort: SortState): Record<string, unknown> {
  return { first: list.pageSize ?? DEFAULT_PAGE_SIZE, filter: buildFilter(filters, values, ctx.me.id), orderBy: [sort], ...list.variables?.(ctx) };
}

/** A detail query's variables: the record's id and what the descriptor adds. */
export function detailVariables(screens: EntityScreens, ctx: KitContext, id: string): Record<string, unknown> {
  return { id, ...screens.detail?.variables?.(ctx) };
}

// Queries sent before their page rendered, by document, with their variables as JSON (both sides
// build them with the functions above, so equal requests give equal text).
const sent = new Map<AnyDocument, Map<string, number>>();
// Long enough for the page to render on a slow device; a page opened later fetches as usual.
const FRESH_MS = 15_000;

/** Whether this request was sent moments ago for the page about to show it. */
function wasPrefetched(query: AnyDocument, variables: Record<string, unknown>): boolean {
  const at = sent.get(query)?.get(JSON.stringify(variables));
  return at !== undefined && Date.now() - at < FRESH_MS;
}

/**
 * Query options for a page whose first request the first screen may have sent already: the page then
 * reads the answer from the cache, or joins the request in flight, instead of sending it again; any
 * later change of variables fetches as usual. Once the page is shown the request has served it, and a
 * later visit fetches afresh. (Rendering only looks: a render may be discarded and repeated.)
 */
export function useFirstFetch(
  query: AnyDocument,
  variables: Record<string, unknown>,
): { fetchPolicy?: WatchQueryFetchPolicy; initialFetchPolicy?: WatchQueryFetchPolicy } {
  const [first] = useState(() => ({ query, variables, prefetched: wasPrefetched(query, variables) }));
  useEffect(() => {
    if (first.prefetched) sent.get(first.query)?.delete(JSON.stringify(first.variables));
  }, [first]);
  return first.prefetched ? { fetchPolicy: 'cache-first', initialFetchPolicy: 'cache-and-network' } : {};
}

function send(client: ApolloClient, query: AnyDocument, variables: Record<string, unknown>): void {
  const key = JSON.stringify(variables);
  let byVars = sent.get(query);
  if (!byVars) sent.set(query, (byVars = new Map()));
  byVars.set(key, Date.now());
  client.query({ query, variables, fetchPolicy: 'network-only' }).catch(() => byVars.delete(key));
}

export interface FirstPage {
  entry: EntityEntry;
  screens: EntityScreens;
  /** The list at the URL's query string, or the record with this id. */
  view: { kind: 'list'; search: string } | { kind: 'detail'; id: string };
}

/**
 * Sends the query a list or record page will make, with the variables it will use, as soon as the
 * signed-in user and the type's descriptors are known — while the shell is still rendering.
 */
export function prefetchPage(client: ApolloClient, me: Me, { entry, screens, view }: FirstPage): void {
  const caps = capabilitiesOf(me);
  if (!canOpenEntity(entry, caps)) return;
  const ctx: KitContext = { me, caps, typeName: entry.typeName };
  if (view.kind === 'list') {
    const list = screens.list;
    if (!list) return;
    const params = new URLSearchParams(view.search);
    const filters = listFilters(list, ctx);
    send(client, list.query, listVariables(list, ctx, filters, readFilterValues(filters, params), readSort(list.defaultSort, list.sorts, params)));
  } else if (screens.detail) {
    send(client, screens.detail.query, detailVariables(screens, ctx, view.id));
  }
}
