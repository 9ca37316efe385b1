import { act, render, screen, waitFor, within } from '@testing-library/react';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { getMainDefinition } from '@apollo/client/utilities';
import { MockLink, MockSubscriptionLink } from '@apollo/client/testing';
import { MemoryRouter } from 'react-router';
import type { FeedEntryFragment } from '../../gql/graphql';
import { ActivitySinceDocument, LatestActivityDocument } from '../../gql/activity';
import { ActivityFeed } from './ActivityFeed';
import { FeedProvider, type FeedConnection } from './FeedProvider';
import { feedEntry } from '../../test/mocks';

function entry(n: number, extra: Partial<FeedEntryFragment> = {}): FeedEntryFragment {
  return feedEntry({
    id: `e${n}`,
    cursor: `c${n}`,
    action: 'CREATED',
    entityId: `a${n}`,
    entityLabel: `Account ${n}`,
    actor: { __typename: 'User', id: 'u-other', name: 'Riley Rep' },
    ...extra,
  });
}

const edges = (list: FeedEntryFragment[]) => list.map((node) => ({ __typename: 'ActivityLogEdge' as const, cursor: node.cursor, node }));

/** A stand-in for graphql-ws's client events. */
function fakeConnection() {
  const listeners: Record<string, ((...args: unknown[]) => void)[]> = { connected: [], closed: [] };
  const connection = {
    on: (event: string, listener: (...args: unknown[]) => void) => {
      listeners[event].push(listener);
      return () => listeners[event].splice(listeners[event].indexOf(listener), 1);
    },
  } as unknown as FeedConnection;
  return {
    connection,
    connected: (wasRetry: boolean) => act(() => listeners.connected.forEach((l) => l({}, {}, wasRetry))),
    closed: (code: number) => act(() => listeners.closed.forEach((l) => l({ code }))),
  };
}

function setup(mocks: MockLink.MockedResponse[]) {
  const live = new MockSubscriptionLink();
  const link = ApolloLink.split(
    ({ query }) => {
      const d = getMainDefinition(query);
      return d.kind === 'OperationDefinition' && d.operation === 'subscription';
    },
    live,
    new MockLink(mocks),
  );
  const client = new ApolloClient({ link, cache: new InMemoryCache() });
  const ws = fakeConnection();
  render(
    <ApolloProvider client={client}>
      <MemoryRouter>
        <FeedProvider connection={ws.connection} selfId="u-me">
          <ActivityFeed />
        </FeedProvider>
      </MemoryRouter>
    </ApolloProvider>,
  );
  const push = (e: FeedEntryFragment) => act(() => live.simulateResult({ result: { data: { activityLogged: e } } }));
  return { ws, push };
}

const shown = () =>
  within(screen.getByRole('region', { name: 'Activity feed' }))
    .queryAllByRole('listitem')
    .map((li) => li.textContent ?? '');

describe('Activity feed', () => {
  it('shows the latest entries once the socket is up, then live events on top', async () => {
    const { ws, push } = setup([
      {
        request: { query: LatestActivityDocument, variables: { last: 30 } },
        result: { data: { activityLog: { __typename: 'ActivityLogConnection', edges: edges([entry(1), entry(2)]) } } },
      },
    ]);
    ws.connected(false);
    await waitFor(() => expect(shown()).toHaveLength(2));
    expect(shown()[0]).toContain('Riley Rep created account Account 2');
    expect(screen.getByText('Live')).toBeInTheDocument();
    push(entry(3, { action: 'UPDATED' }));
    await waitFor(() => expect(shown()).toHaveLength(3));
    expect(shown()[0]).toContain('Riley Rep updated account Account 3');
  });

  it('on reconnect (e.g. close code 1012) fetches what it missed after its last cursor before new events, without duplicates', async () => {
    const { ws, push } = setup([
      {
        request: { query: LatestActivityDocument, variables: { last: 30 } },
        result: { data: { activityLog: { __typename: 'ActivityLogConnection', edges: edges([entry(1), entry(2)]) } } },
      },
      {
        request: { query: ActivitySinceDocument, variables: { first: 100, after: 'c2' } },
        // The catch-up answers a moment later, so live events arrive while it is in flight.
        delay: 50,
        result: {
          data: {
            activityLog: {
              __typename: 'ActivityLogConnection',
              edges: edges([entry(3), entry(4)]),
              pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c4' },
            },
          },
        },
      },
      {
        request: { query: ActivitySinceDocument, variables: { first: 100, after: 'c4' } },
        result: {
          data: {
            activityLog: {
              __typename: 'ActivityLogConnection',
              edges: edges([entry(5)]),
              pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: 'c5' },
            },
          },
        },
      },
    ]);
    ws.connected(false);
    await waitFor(() => expect(shown()).toHaveLength(2));

    ws.closed(1012);
    expect(await screen.findByText('Reconnecting')).toBeInTheDocument();
    ws.connected(true);
    // Delivered by the new subscription while the catch-up is still running: held back, then de-duplicated.
    push(entry(4));
    push(entry(6));
    await waitFor(() => expect(shown()).toHaveLength(6));
    expect(shown().map((t) => /Account (\d)/.exec(t)![1])).toEqual(['6', '5', '4', '3', '2', '1']);
    expect(screen.getByText('Live')).toBeInTheDocument();
  });
});
