import { useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { useSession } from './session';
import { installCachePolicies } from './cache-policies';
import { CurrentUserProvider, useCurrentUser } from './current-user';
import { AppRoutes } from './routes';
import { FeedProvider } from '../features/activity/FeedProvider';

function WithFeed() {
  const { ws } = useSession();
  const me = useCurrentUser();
  return (
    <FeedProvider connection={ws} selfId={me.id}>
      <AppRoutes />
    </FeedProvider>
  );
}

/** Everything behind the login: loaded as its own chunk, so the login page stays small. */
export default function SignedInApp({ token }: { token: string }) {
  const client = useApolloClient();
  // Before the first query of the signed-in screens: lists page and merge by cursor.
  useState(() => installCachePolicies(client.cache));
  return (
    <CurrentUserProvider key={token}>
      <WithFeed />
    </CurrentUserProvider>
  );
}
