import { setMaxListeners } from 'node:events';
import { createPubSub } from '@graphql-yoga/subscription';

// Every open subscription listens on the target; there is no useful cap on how many.
const target = new EventTarget();
setMaxListeners(0, target);

/** In-process pub/sub (type-graphql's `pubSub`); topics carry committed events only. */
export const pubSub = createPubSub({ eventTarget: target as never });

export const Topics = {
  ACTIVITY: 'ACTIVITY',
} as const;
