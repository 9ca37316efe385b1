import type { TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

// Lists are Relay connections: pages of the same filter and sort merge by cursor, so "Load more"
// appends and a refetch of the first page replaces. Nested connections on a record key by their
// own arguments in the same way.
const connection = () => relayStylePagination(['filter', 'orderBy']);

export const cachePolicies: TypePolicies = {
  Query: {
    fields: {
      accounts: connection(),
      contacts: connection(),
      deals: connection(),
      interactions: connection(),
      users: connection(),
      apiKeys: relayStylePagination(),
    },
  },
  Account: { fields: { contacts: connection(), deals: connection(), timeline: relayStylePagination() } },
  Contact: { fields: { interactions: connection(), timeline: relayStylePagination() } },
  Deal: { fields: { interactions: connection(), timeline: relayStylePagination() } },
  // Money and dates are plain strings; users and projects normalise by id like every entity.
};
