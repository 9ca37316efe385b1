import { createPubSub } from '@graphql-yoga/subscription';

/** In-process pub/sub (type-graphql's `pubSub`); topics carry committed events only. */
export const pubSub = createPubSub();

export const Topics = {
  ACTIVITY: 'ACTIVITY',
} as const;
