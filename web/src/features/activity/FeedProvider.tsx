import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useApolloClient } from '@apollo/client/react';
import type { FeedEntryFragment } from '../../gql/graphql';
import { ActivityLoggedDocument, ActivitySinceDocument, LatestActivityDocument } from '../../gql/activity';
import { createLiveUpdater } from './live-updates';
import type { Client as WsClient } from 'graphql-ws';

export type FeedStatus = 'connecting' | 'live' | 'reconnecting' | 'catching-up' | 'error';

/** Socket events the feed needs: graphql-ws's client; tests pass a fake with the same `on`. */
export type FeedConnection = Pick<WsClient, 'on'>;

interface FeedValue {
  entries: FeedEntryFragment[];
  status: FeedStatus;
}

const FeedContext = createContext<FeedValue>({ entries: [], status: 'connecting' });

export function useFeed(): FeedValue {
  return useContext(FeedContext);
}

const INITIAL = 30;
const PAGE = 100;
const KEEP = 200;
/** Catch-up reads go over the feed's own socket, after its subscription (see app/apollo.ts). */
const SOCKET = { viaSocket: true };

/**
 * The live activity feed, shared by the whole app. It shows the latest entries, then live events from
 * `activityLogged`. It remembers the cursor of the last entry shown; on every reconnect (including a
 * server restart, close code 1012) it first pages through `activityLog(first, after: cursor)` and
 * holds back live events until that catch-up is done, then shows them without duplicates.
 */
export function FeedProvider({ connection, selfId, children }: { connection: FeedConnection | null; selfId?: string; children: ReactNode }) {
  const client = useApolloClient();
  const [entries, setEntries] = useState<FeedEntryFragment[]>([]);
  const [status, setStatus] = useState<FeedStatus>('connecting');
  const selfRef = useRef(selfId);
  selfRef.current = selfId;

  useEffect(() => {
    let stopped = false;
    let lastCursor: string | null = null;
    let loaded = false;
    let catchingUp = false;
    let held: FeedEntryFragment[] = [];
    const seen = new Set<string>();
    const live = createLiveUpdater(client);

    const show = (list: FeedEntryFragment[], isLive: boolean) => {
      const fresh = list.filter((e) => !seen.has(e.id));
      if (!fresh.length || stopped) return;
      for (const e of fresh) seen.add(e.id);
      lastCursor = fresh[fresh.length - 1].cursor;
      setEntries((prev) => [...[...fresh].reverse(), ...prev].slice(0, KEEP));
      if (isLive) for (const e of fresh) if (e.actor?.id !== selfRef.current) live.push(e);
    };

    let again = false;
    const catchUp = async (): Promise<void> => {
      if (catchingUp) {
        again = true;
        return;
      }
      catchingUp = true;
      setStatus(loaded ? 'catching-up' : 'connecting');
      try {
        if (!loaded) {
          const { data } = await client.query({ query: LatestActivityDocument, variables: { last: INITIAL }, fetchPolicy: 'no-cache', context: SOCKET });
          show(
            (data?.activityLog.edges ?? []).map((e) => e.node),
            false,
          );
          loaded = true;
        } else {
          for (;;) {
            const { data } = await client.query({
              query: ActivitySinceDocument,
              variables: { first: PAGE, after: lastCursor },
              fetchPolicy: 'no-cache',
              context: SOCKET,
            });
            const page = data?.activityLog;
            show(
              (page?.edges ?? []).map((e) => e.node),
              true,
            );
            if (!page?.pageInfo.hasNextPage || stopped) break;
          }
        }
        setStatus('live');
      } catch {
        setStatus('error');
      } finally {
        catchingUp = false;
        const pending = held;
        held = [];
        show(pending, true);
        if (again && !stopped) {
          again = false;
          void catchUp();
        }
      }
    };

    const subscription = client.subscribe({ query: ActivityLoggedDocument }).subscribe({
      next: (result) => {
        const entry = result.data?.activityLogged;
        if (!entry) return;
        if (catchingUp || !loaded) held.push(entry);
        else show([entry], true);
      },
      error: () => setStatus('error'),
    });

    // The first load waits for the socket (so the subscription is in place before the snapshot is
    // read); every later connection is a reconnect and catches up from the last cursor.
    const offConnected = connection?.on('connected', (_socket, _payload, wasRetry) => {
      if (!loaded || wasRetry) void catchUp();
      else setStatus('live');
    });
    const offClosed = connection?.on('closed', () => {
      if (!stopped) setStatus('reconnecting');
    });
    const fallback = setTimeout(() => !loaded && void catchUp(), connection ? 3000 : 0);

    return () => {
      stopped = true;
      clearTimeout(fallback);
      subscription.unsubscribe();
      offConnected?.();
      offClosed?.();
      live.stop();
    };
  }, [client, connection]);

  const value = useMemo(() => ({ entries, status }), [entries, status]);
  return <FeedContext.Provider value={value}>{children}</FeedContext.Provider>;
}

/** A feed with fixed entries (tests, and screens shown outside the live app). */
export function StaticFeedProvider({ entries, children }: { entries: FeedEntryFragment[]; children: ReactNode }) {
  const value = useMemo<FeedValue>(() => ({ entries, status: 'live' }), [entries]);
  return <FeedContext.Provider value={value}>{children}</FeedContext.Provider>;
}
