import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApolloClient } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import type { Client as WsClient } from 'graphql-ws';
import { createApollo } from './apollo';
import { isExpired, liveSession, readSession, writeSession, type StoredSession } from './session-store';
import { LogoutDocument } from '../gql/auth';

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

/** The Apollo client and socket, and the session they authenticate with (read on every request). */
export interface SessionClient {
  client: ApolloClient;
  ws: WsClient | null;
  current: { token: string | null; onUnauthenticated(): void };
}

/**
 * Builds the client around the stored session. The entry builds it before React renders, so a
 * signed-in reload can send its first queries at once (first-screen.ts); SessionProvider then keeps
 * `current` in step with sign-in, sign-out and expiry.
 */
export function createSessionClient(): SessionClient {
  const current = { token: liveSession()?.token ?? null, onUnauthenticated: () => undefined };
  const { client, ws } = createApollo({ getToken: () => current.token, onUnauthenticated: () => current.onUnauthenticated() });
  return { client, ws, current };
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/**
 * Holds the session and the Apollo client built around it (bearer header, socket params,
 * UNAUTHENTICATED → login): the one the entry built (`sessionClient`), a test's (`client`), or its own.
 */
export function SessionProvider({ children, client: injected, sessionClient }: { children: ReactNode; client?: ApolloClient; sessionClient?: SessionClient }) {
  const [session, setSession] = useState<StoredSession | null>(liveSession);
  const [notice, setNotice] = useState<string | null>(() => {
    const s = readSession();
    return s && isExpired(s) ? EXPIRED_NOTICE : null;
  });
  const expireRef = useRef<() => void>(() => undefined);

  const apollo = useMemo<SessionClient>(
    () => (injected ? { client: injected, ws: null, current: { token: null, onUnauthenticated: () => undefined } } : (sessionClient ?? createSessionClient())),
    [injected, sessionClient],
  );
  // What the client sends follows the session this provider holds.
  apollo.current.token = session?.token ?? null;
  apollo.current.onUnauthenticated = () => expireRef.current();

  const clear = useCallback(
    async (message: string | null) => {
      apollo.current.token = null;
      writeSession(null);
      setSession(null);
      setNotice(message);
      apollo.ws?.terminate();
      await apollo.client.clearStore().catch(() => undefined);
    },
    [apollo],
  );

  expireRef.current = () => {
    if (apollo.current.token) void clear(EXPIRED_NOTICE);
  };

  const signIn = useCallback(
    (next: StoredSession) => {
      writeSession(next);
      apollo.current.token = next.token;
      setNotice(null);
      setSession(next);
    },
    [apollo],
  );

  const signOut = useCallback(
    async (message?: string) => {
      if (apollo.current.token) await apollo.client.mutate({ mutation: LogoutDocument }).catch(() => undefined);
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
      else if (next.token !== apollo.current.token) signIn(next);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [apollo, clear, signIn]);

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
