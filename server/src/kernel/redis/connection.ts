import Redis from 'ioredis';
import { logger } from '../logger';

export type RedisState = 'up' | 'down';

const closing = new WeakSet<Redis>();

/**
 * An ioredis connection that never makes a caller wait for Redis: commands fail at once while it
 * is disconnected (no offline queue, no retries of in-flight commands), and it reconnects by
 * itself, at most a second apart. Losing and regaining it is logged once per change.
 */
export function openRedis(url: string, name: string): Redis {
  const redis = new Redis(url, {
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    autoResubscribe: false, // subscribers resubscribe themselves, so they know when they are live again
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  let wasUp = false;
  let warned = false;
  redis.on('ready', () => {
    if (warned) logger.info({ redis: name }, 'redis connection restored');
    wasUp = true;
    warned = false;
  });
  redis.on('close', () => {
    if (wasUp && !warned && !closing.has(redis)) {
      warned = true;
      logger.warn({ redis: name }, 'redis connection lost; reconnecting');
    }
  });
  // Errors arrive on every reconnect attempt; the state changes above are what operators need.
  redis.on('error', (err) => logger.debug({ redis: name, err: err.message }, 'redis error'));
  return redis;
}

export function redisState(redis: Redis): RedisState {
  return redis.status === 'ready' ? 'up' : 'down';
}

/** Resolves true once the connection is ready, false after `ms` without it. */
export function whenReady(redis: Redis, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    redis.on('ready', onReady);
  });
}

/** Closes without waiting on a server that may be gone. */
export function closeRedis(redis: Redis): void {
  closing.add(redis);
  redis.disconnect(false);
}
