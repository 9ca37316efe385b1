import type { ApolloCache } from '@apollo/client';

/**
 * After a contact is created, moved to another account, trashed or restored, the cached contact
 * lists (the list screen's pages, an account's contacts) no longer match: they are dropped, and
 * screens showing them fetch them again.
 */
export function forgetContactLists(cache: ApolloCache, accountIds: (string | null | undefined)[] = []): void {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'contacts' });
  for (const id of new Set(accountIds)) {
    if (id) cache.evict({ id: cache.identify({ __typename: 'Account', id }), fieldName: 'contacts' });
  }
}
