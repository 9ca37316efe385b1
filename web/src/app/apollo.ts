import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient, type Client as WsClient } from 'graphql-ws';

export interface ApolloOptions {
  /** The current bearer secret, read for every request and (re)connection. */
  getToken(): string | null;
  /** Called when the server answers UNAUTHENTICATED (by code, not HTTP status) or closes the socket with 4403. */
  onUnauthenticated(): void;
  httpUrl?: string;
  wsUrl?: string;
}

export interface ApolloSetup {
  client: ApolloClient;
  ws: WsClient;
}

function defaultWsUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/graphql`;
}

/** Exponential backoff with jitter for socket reconnects: 0.5 s, 1 s, 2 s ... capped at 15 s. */
export function reconnectDelay(retries: number): number {
  const base = Math.min(15_000, 500 * 2 ** retries);
  return base / 2 + Math.random() * (base / 2);
}

export function createApollo(options: ApolloOptions): ApolloSetup {
  // Synchronous (SetContextLink waits a few promise turns): a query leaves the moment it is asked
  // for, before whatever render its caller starts next.
  const auth = new ApolloLink((operation, forward) => {
    const token = options.getToken();
    if (token) operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
    return forward(operation);
  });
  const errors = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
      options.onUnauthenticated();
    }
  });
  const http = new HttpLink({ uri: options.httpUrl ?? '/graphql' });

  const ws = createClient({
    url: options.wsUrl ?? defaultWsUrl(),
    lazy: true,
    // Keep the socket while the app is open, so the feed and live updates arrive without a query.
    lazyCloseTimeout: 30_000,
    connectionParams: () => {
      const token = options.getToken();
      return token ? { Authorization: `Bearer ${token}` } : {};
    },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, reconnectDelay(retries))),
    on: {
      closed: (event) => {
        if ((event as CloseEvent | undefined)?.code === 4403 && options.getToken()) options.onUnauthenticated();
      },
    },
  });

  const transport = ApolloLink.split(
    (operation) => {
      const def = getMainDefinition(operation.query);
      // The feed's catch-up queries ride the same socket as its subscription, after it: the server
      // handles them in order, so nothing published in between can be missed.
      return (def.kind === 'OperationDefinition' && def.operation === 'subscription') || operation.getContext().viaSocket === true;
    },
    new GraphQLWsLink(ws),
    ApolloLink.from([auth, http]),
  );

  const client = new ApolloClient({
    link: ApolloLink.from([errors, transport]),
    // List policies come from the entity registry, which loads with the signed-in app (cache-policies.ts).
    cache: new InMemoryCache(),
    // Screens never select fields their role may not read (documents use @include on role flags).
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' } },
  });
  return { client, ws };
}
