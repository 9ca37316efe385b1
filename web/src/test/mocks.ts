import type { MockLink } from '@apollo/client/testing';
import type { FeedEntryFragment } from '../gql/graphql';
import { InteractionsDocument } from '../gql/interactions';
import { ContactNextTasksDocument, DealNextTasksDocument, TasksDocument } from '../gql/tasks';

/** The "Next task" cells of deal and contact lists: no open task for any row, however often asked. */
export const noNextTasks: MockLink.MockedResponse[] = [
  [DealNextTasksDocument, 'deals', 'Deal'] as const,
  [ContactNextTasksDocument, 'contacts', 'Contact'] as const,
].map(([query, root, type]) => ({
  request: { query, variables: () => true },
  maxUsageCount: Number.POSITIVE_INFINITY,
  result: (vars: { ids: string[] }) => ({
    data: {
      [root]: { __typename: `${type}Connection`, edges: vars.ids.map((id) => ({ __typename: `${type}Edge`, node: { __typename: type, id, nextTask: null } })) },
    },
  }),
}));

const emptyConnection = (type: string) => ({
  __typename: `${type}Connection`,
  totalCount: 0,
  edges: [],
  pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
});

/** A record page's task section with no open tasks. */
export function noTasksAbout(field: 'account' | 'contact' | 'deal', id: string, maxUsageCount = 5): MockLink.MockedResponse {
  return {
    request: {
      query: TasksDocument,
      variables: { filter: { [field]: { id: { eq: id } }, done: { eq: false } }, first: 20, orderBy: [{ field: 'DUE_AT', direction: 'ASC' }] },
    },
    result: { data: { tasks: emptyConnection('Task') } },
    maxUsageCount,
  };
}

/** A record page's interaction section with none. */
export function noInteractionsOf(field: 'contact' | 'deal', id: string, maxUsageCount = 5): MockLink.MockedResponse {
  return {
    request: {
      query: InteractionsDocument,
      variables: { filter: { [field]: { id: { eq: id } } }, first: 20, orderBy: [{ field: 'OCCURRED_AT', direction: 'DESC' }] },
    },
    result: { data: { interactions: emptyConnection('Interaction') } },
    maxUsageCount,
  };
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
