import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { Client as WsClient } from 'graphql-ws';
import { createApollo } from './apollo';
import { isExpired, readSession, writeSession, type StoredSession } from './session-store';
import { LogoutDocument } from '../gql/graphql';

export const EXPIRED_NOTICE = 'Your session has expired. Sign in again.';

interface SessionValue {
  token: string | null;
  /** A message for the login page (e.g. why the user was signed out). */
  notice: string | null;
  signIn(session: StoredSession): void;
  signOut(notice?: string): Promise<void>;
  ws: WsClient | null;
}

const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Holds the session and the Apollo client built around it (bearer header, socket params, UNAUTHENTICATED → login). */
export function SessionProvider({ children, client: injected }: { children: ReactNode; client?: ApolloClient }) {
  const [session, setSession] = useState<StoredSession | null>(() => {
    const s = readSession();
    return s && !isExpired(s) ? s : null;
  });
  const [notice, setNotice] = useState<string | null>(() => {
    const s = readSession();
    return s && isExpired(s) ? EXPIRED_NOTICE : null;
  });
  const tokenRef = useRef<string | null>(session?.token ?? null);
  tokenRef.current = session?.token ?? null;
  const expireRef = useRef<() => void>(() => undefined);

  const apollo = useMemo(
    () => (injected ? { client: injected, ws: null } : createApollo({ getToken: () => tokenRef.current, onUnauthenticated: () => expireRef.current() })),
    [injected],
  );

  const clear = useCallback(
    async (message: string | null) => {
      tokenRef.current = null;
      writeSession(null);
      setSession(null);
      setNotice(message);
      apollo.ws?.terminate();
      await apollo.client.clearStore().catch(() => undefined);
    },
    [apollo],
  );

  expireRef.current = () => {
    if (tokenRef.current) void clear(EXPIRED_NOTICE);
  };

  const signIn = useCallback((next: StoredSession) => {
    writeSession(next);
    tokenRef.current = next.token;
    setNotice(null);
    setSession(next);
  }, []);

  const signOut = useCallback(
    async (message?: string) => {
      if (tokenRef.current) await apollo.client.mutate({ mutation: LogoutDocument }).catch(() => undefined);
      await clear(message ?? null);
    },
    [apollo, clear],
  );

  // Sign out when the session's expiry passes while the app is open.
  useEffect(() => {
    if (!session) return undefined;
    const ms = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(() => void clear(EXPIRED_NOTICE), Math.max(0, Math.min(ms, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session, clear]);

  // Another tab signing in or out changes this one too.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== 'converge.session') return;
      const next = readSession();
      if (!next) void clear(null);
      else if (next.token !== tokenRef.current) signIn(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [clear, signIn]);

  const value = useMemo<SessionValue>(
    () => ({ token: session?.token ?? null, notice, signIn, signOut, ws: apollo.ws }),
    [session, notice, signIn, signOut, apollo],
  );
  return (
    <SessionContext.Provider value={value}>
      <ApolloProvider client={apollo.client}>{children}</ApolloProvider>
    </SessionContext.Provider>
  );
}
