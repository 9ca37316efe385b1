import type { ApolloCache } from '@apollo/client';
import { listFieldsOf } from '../../app/registry';

/**
 * After a write, the cached lists it changes are dropped, so screens showing them fetch them again.
 * Which lists: those the registry names for the type (its root list, the connections on other types
 * that list it, and fields it affects, such as dealStats or nextTask). An edit keeps the root list:
 * the changed row updates in place (the cache is normalised), and the loaded pages stay.
 */
export function forgetLists(cache: ApolloCache, typeName: string, write: 'edit' | 'membership' = 'membership'): void {
  // The root list comes first (listFieldsOf); an edit leaves it be.
  const fields = write === 'edit' ? listFieldsOf(typeName).slice(1) : listFieldsOf(typeName);
  const ids = fields.some((f) => f.on !== 'Query') ? Object.keys(cache.extract() as Record<string, unknown>) : [];
  for (const { on, field } of fields) {
    if (on === 'Query') cache.evict({ id: 'ROOT_QUERY', fieldName: field });
    else for (const id of ids) if (id.startsWith(`${on}:`)) cache.evict({ id, fieldName: field });
  }
  cache.gc();
}
