import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from '@apollo/client/react';
import type { MeQuery } from '../gql/graphql';
import { MeDocument } from '../gql/auth';
import { ErrorState, LoadingState } from '../components/States';

type Me = MeQuery['me'];
const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside CurrentUserProvider');
  return me;
}

/** Loads the signed-in user once; an expired token makes the error link return to the login page. */
export function CurrentUserProvider({ children }: { children: ReactNode }) {
  const { data, error, refetch } = useQuery(MeDocument, { fetchPolicy: 'cache-first' });
  if (data?.me) return <CurrentUserContext.Provider value={data.me}>{children}</CurrentUserContext.Provider>;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  return <LoadingState label="Signing in…" />;
}

/** For tests and stories: a fixed user. */
export function StaticUserProvider({ user, children }: { user: Me; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}
