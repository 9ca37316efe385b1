import { setMaxListeners } from 'node:events';
import { createPubSub } from '@graphql-yoga/subscription';

export type PubSub = ReturnType<typeof createPubSub>;

/**
 * The pub/sub one API instance hands to type-graphql: in-process, one per instance. Topics carry
 * committed events only; with Redis they arrive here from the shared feed (kernel/pubsub/redis-feed).
 */
export function createLocalPubSub(): PubSub {
  // Every open subscription listens on the target; there is no useful cap on how many.
  const target = new EventTarget();
  setMaxListeners(0, target);
  return createPubSub({ eventTarget: target as never });
}

export const Topics = {
  ACTIVITY: 'ACTIVITY',
} as const;
