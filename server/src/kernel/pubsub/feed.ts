import { Pump } from '../pump';

/**
 * Where an ordered feed comes from (e.g. a table read in commit-safe order). Positions are strings
 * that sort in feed order, so the feed machinery can compare them without knowing what they mean.
 */
export interface FeedSource<T> {
  /** The position to start from when none is stored: the newest item already final. */
  head(): Promise<string>;
  /** Final items after `position`, oldest first, at most `limit`. */
  read(position: string, limit: number): Promise<{ position: string; item: T }[]>;
  /** False for a stored position this source cannot have issued (e.g. from another database). */
  accepts(position: string): Promise<boolean>;
  /** Rebuilds an item from its JSON form (dates and the like), for feeds that cross processes. */
  revive(json: unknown): T;
}

/** What a running feed tells readiness checks. */
export interface FeedStatus {
  redis: 'up' | 'down' | 'disabled';
  /** Whether this process is the one publishing the feed. */
  leader: boolean;
}

export interface Feed {
  /** A local change committed: publish soon. */
  notify(): void;
  status(): FeedStatus;
  stop(): Promise<void>;
}

export const FEED_BATCH = 500;

/**
 * The feed within one process: its own position, read from the source on a timer and on local
 * commits, delivered straight to `deliver`. For a single instance (no Redis).
 */
export async function startLocalFeed<T>(source: FeedSource<T>, deliver: (item: T) => void, pollMs = 250): Promise<Feed> {
  let position = await source.head();
  const pump = new Pump(
    async () => {
      for (;;) {
        const batch = await source.read(position, FEED_BATCH);
        for (const { position: p, item } of batch) {
          position = p;
          deliver(item);
        }
        if (batch.length < FEED_BATCH) return;
      }
    },
    'feed pass failed',
    { feed: 'local' },
  );
  const timer = setInterval(() => pump.poke(), pollMs);
  timer.unref();
  return {
    notify: () => pump.poke(),
    status: () => ({ redis: 'disabled', leader: true }),
    async stop() {
      clearInterval(timer);
      await pump.close();
    },
  };
}
