import type { MockLink } from '@apollo/client/testing';
import { InteractionsDocument, type FeedEntryFragment } from '../gql/graphql';

const emptyConnection = (type: string) => ({ __typename: `${type}Connection`, totalCount: 0, edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } });

/** A record page's interaction section with none. */
export function noInteractionsOf(field: 'contact' | 'deal', id: string, maxUsageCount = 5): MockLink.MockedResponse {
  return { request: { query: InteractionsDocument, variables: { filter: { [field]: { id: { eq: id } } }, first: 20, orderBy: [{ field: 'OCCURRED_AT', direction: 'DESC' }] } }, result: { data: { interactions: emptyConnection('Interaction') } }, maxUsageCount };
}

/** An activity entry as the feed delivers it (another user updated an account, unless overridden). */
export function feedEntry(overrides: Partial<FeedEntryFragment> = {}): FeedEntryFragment {
  return {
    __typename: 'ActivityLog',
    id: 'e1',
    cursor: 'c1',
    action: 'UPDATED',
    entityType: 'Account',
    entityId: 'a1',
    entityLabel: 'Acme',
    changes: {},
    createdAt: new Date().toISOString(),
    actor: { __typename: 'User', id: 'u-other', name: 'Maya Manager' },
    viaApiKey: null,
    ...overrides,
  };
}
