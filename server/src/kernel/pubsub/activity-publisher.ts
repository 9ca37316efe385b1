import { onEventCommitted } from '../events/domain-events';
import { pubSub, Topics } from './pubsub';

/** Publishes each committed activity entry to subscribers (never for a rolled-back change). */
export function registerActivityPublisher(): () => void {
  return onEventCommitted((event) => {
    if (event.record) pubSub.publish(Topics.ACTIVITY, event.record);
  });
}
