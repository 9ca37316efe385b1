import type { ApolloCache } from '@apollo/client';

/**
 * After an interaction is created, moved, trashed or restored, the cached interaction lists (the
 * list screen's pages, a contact's or a deal's interactions) no longer match: they are dropped, and
 * screens showing them fetch them again.
 */
export function forgetInteractionLists(cache: ApolloCache, refs: { contactIds?: (string | null | undefined)[]; dealIds?: (string | null | undefined)[] } = {}): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'interactions' });
  for (const id of new Set(refs.contactIds ?? [])) {
    if (id) cache.evict({ id: cache.identify({ __typename: 'Contact', id }), fieldName: 'interactions' });
  }
  for (const id of new Set(refs.dealIds ?? [])) {
    if (id) cache.evict({ id: cache.identify({ __typename: 'Deal', id }), fieldName: 'interactions' });
  }
}
