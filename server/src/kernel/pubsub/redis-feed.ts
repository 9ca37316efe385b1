import type Redis from 'ioredis';
import { logger } from '../logger';
import { LeaderLock } from '../redis/leader-lock';
import { whenReady } from '../redis/connection';
import { Pump } from '../pump';
import { Feed, FEED_BATCH, FeedSource } from './feed';

// Publishes a batch in order and moves the stored position, atomically, and only for the lock
// holder continuing from the position it read: a holder that lost the lock, or two that both think
// they lead, can never publish an item twice or skip one.
const PUBLISH = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if redis.call('GET', KEYS[2]) ~= ARGV[2] then return -1 end
for i = 4, #ARGV do redis.call('PUBLISH', KEYS[3], ARGV[i]) end
redis.call('SET', KEYS[2], ARGV[3])
return 1`;

// Starts the feed over from a new position and tells every subscriber that live delivery may have
// skipped items (the stored position was lost, e.g. Redis restarted without persistence).
const RESTART = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[2] then return -1 end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('PUBLISH', KEYS[3], ARGV[4])
return 1`;

interface FeedCommands {
  feedPublish(lock: string, position: string, channel: string, token: string, prev: string, next: string, ...messages: string[]): Promise<number>;
  feedRestart(lock: string, position: string, channel: string, token: string, expected: string, start: string, reset: string): Promise<number>;
}

export interface RedisFeedOptions<T> {
  /** Names the feed's keys and channels under the prefix. */
  name: string;
  prefix: string;
  /** Commands and publishes (never blocks: no offline queue). */
  publisher: Redis;
  /** This feed's subscription; a separate connection, as Redis requires. */
  subscriber: Redis;
  source: FeedSource<T>;
  /** Hands an item to this process's subscribers. */
  deliver(item: T): void;
  /**
   * Live delivery in this process may have missed items: the Redis subscription was (re)started,
   * or the feed restarted from a fresh position. Subscribers should resume from their cursors.
   */
  onGap(reason: string): void;
  pollMs?: number;
  lockTtlMs?: number;
}

/**
 * One feed shared by every process on a Redis: the process holding the leader lock reads the source
 * in order and publishes each item once to a channel, keeping its position in Redis so the next
 * leader continues from it; every process subscribes and delivers to its own subscribers. A local
 * commit on a follower publishes a small wake-up so the leader reads at once.
 */
export async function startRedisFeed<T>(o: RedisFeedOptions<T>, readyTimeoutMs = 2_000): Promise<Feed> {
  const base = `${o.prefix}:feed:${o.name}`;
  const keys = { lock: `${base}:leader`, position: `${base}:position`, events: `${base}:events`, wake: `${base}:wake` };
  if (!('feedPublish' in o.publisher)) {
    o.publisher.defineCommand('feedPublish', { numberOfKeys: 3, lua: PUBLISH });
    o.publisher.defineCommand('feedRestart', { numberOfKeys: 3, lua: RESTART });
  }
  const publisher = o.publisher as Redis & FeedCommands;

  let stopped = false;
  let position: string | null = null; // the leader's; null until read from Redis
  let subscribed = false;
  let lastSeen: string | null = null; // newest position delivered here; older repeats are dropped
  let firstSubscribe: () => void = () => undefined;
  const subscribedOnce = new Promise<void>((resolve) => {
    firstSubscribe = resolve;
  });

  const lock = new LeaderLock(
    o.publisher,
    keys.lock,
    (leader) => {
      position = null;
      logger.info({ feed: o.name, leader }, leader ? 'publishing the live feed' : 'no longer publishing the live feed');
      if (leader) pump.poke();
    },
    o.lockTtlMs,
  );

  /** The stored position, or a fresh start (announced to subscribers) when there is none usable. */
  async function claim(): Promise<string | null> {
    const stored = await publisher.get(keys.position);
    if (stored !== null && (await o.source.accepts(stored))) return stored;
    const start = await o.source.head();
    const why = stored === null ? 'no stored position' : 'stored position unknown to the source';
    const r = await publisher.feedRestart(keys.lock, keys.position, keys.events, lock.token, stored ?? '', start, JSON.stringify({ reset: why }));
    if (r === 0) lock.lost();
    if (r !== 1) return null;
    logger.info({ feed: o.name, reason: why }, 'live feed starts from the current head');
    return start;
  }

  const pump = new Pump(
    async () => {
      if (stopped || !lock.isLeader) return;
      position ??= await claim();
      while (position !== null && !stopped && lock.isLeader) {
        const batch = await o.source.read(position, FEED_BATCH);
        if (!batch.length) return;
        const next = batch[batch.length - 1].position;
        const messages = batch.map((b) => JSON.stringify({ p: b.position, d: b.item }));
        const r = await publisher.feedPublish(keys.lock, keys.position, keys.events, lock.token, position, next, ...messages);
        if (r !== 1) {
          position = null;
          if (r === 0) lock.lost();
          return;
        }
        position = next;
        if (batch.length < FEED_BATCH) return;
      }
    },
    'feed pass failed',
    { feed: o.name },
  );

  let wakePending = false;
  function wakeLeader(): void {
    if (wakePending) return;
    wakePending = true;
    queueMicrotask(() => {
      wakePending = false;
      publisher.publish(keys.wake, 'commit').catch(() => undefined); // the leader's timer covers a lost wake-up
    });
  }

  function onMessage(channel: string, text: string): void {
    if (stopped) return;
    if (channel === keys.wake) {
      if (text === 'left') void lock.hold();
      else if (lock.isLeader) pump.poke();
      return;
    }
    if (channel !== keys.events) return;
    let msg: { p?: string; d?: unknown; reset?: string };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (msg.reset !== undefined) {
      lastSeen = null;
      o.onGap(`live feed restarted (${msg.reset})`);
      return;
    }
    if (typeof msg.p !== 'string' || (lastSeen !== null && msg.p <= lastSeen)) return;
    lastSeen = msg.p;
    try {
      o.deliver(o.source.revive(msg.d));
    } catch (err) {
      logger.warn({ err, feed: o.name }, 'feed delivery failed');
    }
  }

  // Every (re)subscription may follow a gap: Redis drops messages for a disconnected subscriber.
  async function subscribe(): Promise<void> {
    try {
      await o.subscriber.subscribe(keys.events, keys.wake);
    } catch {
      return; // the next 'ready' tries again
    }
    if (stopped) return;
    subscribed = true;
    firstSubscribe();
    // With no stored position (Redis lost its data) a leader is about to restart the feed and
    // announce it on the channel, which is the one gap signal subscribers then get.
    const restartComing = await publisher.exists(keys.position).then(
      (n) => n === 0,
      () => false,
    );
    if (!restartComing) o.onGap('redis subscription (re)started');
  }
  const onReady = () => void subscribe();
  const onClose = () => {
    subscribed = false;
  };
  o.subscriber.on('message', onMessage);
  o.subscriber.on('ready', onReady);
  o.subscriber.on('close', onClose);
  if (o.subscriber.status === 'ready') void subscribe();

  // Start-up waits a little for Redis (not for ever: without it the API still serves, degraded).
  const deadline = new Promise<void>((r) => setTimeout(r, readyTimeoutMs).unref());
  await Promise.race([Promise.all([subscribedOnce, whenReady(o.publisher, readyTimeoutMs)]), deadline]);
  lock.start();
  await lock.hold();
  const timer = setInterval(() => {
    if (lock.isLeader) pump.poke();
  }, o.pollMs ?? 250);
  timer.unref();

  return {
    notify: () => (lock.isLeader ? pump.poke() : wakeLeader()),
    status: () => ({ redis: subscribed && o.publisher.status === 'ready' ? 'up' : 'down', leader: lock.isLeader }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      o.subscriber.off('message', onMessage);
      o.subscriber.off('ready', onReady);
      o.subscriber.off('close', onClose);
      await pump.close();
      const wasLeader = lock.isLeader;
      await lock.stop();
      if (wasLeader) await publisher.publish(keys.wake, 'left').catch(() => undefined); // followers take over now
    },
  };
}
