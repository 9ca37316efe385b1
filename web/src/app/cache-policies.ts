import type { ApolloCache, TypePolicies } from '@apollo/client';
import { InMemoryCache } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { entities } from './registry';

// Lists are Relay connections: pages of the same filter and sort merge by cursor, so "Load more"
// appends and a fetch without a cursor replaces. Every root list and nested connection the registry
// names gets this policy, keyed by its own filter and sort; timelines page the same way.
const connection = () => relayStylePagination(['filter', 'orderBy']);

export function buildCachePolicies(): TypePolicies {
  const policies: Record<string, { fields: Record<string, ReturnType<typeof relayStylePagination>> }> = { Query: { fields: {} } };
  const on = (type: string) => (policies[type] ??= { fields: {} }).fields;
  for (const e of entities) {
    on('Query')[e.listRoot] = connection();
    for (const n of e.nested ?? []) on(n.on)[n.field] = connection();
    if (e.timeline) on(e.typeName).timeline = relayStylePagination();
  }
  return policies;
}

// Money and dates are plain strings; users and projects normalise by id like every entity.
export const cachePolicies: TypePolicies = buildCachePolicies();

const installed = new WeakSet<object>();

/**
 * Gives a cache the registry's list policies. The registry loads with the signed-in app, not with the
 * sign-in page, so the client's cache receives them when that part of the app starts.
 */
export function installCachePolicies(cache: ApolloCache): void {
  if (!(cache instanceof InMemoryCache) || installed.has(cache)) return;
  cache.policies.addTypePolicies(cachePolicies);
  installed.add(cache);
}
