import { registerActivityLogWriter } from './modules/system/activity-log.writer';

let registered = false;

/** Side effects of domain events, once per process (API and workers alike): the activity log, written in the transaction. */
export function registerEventHandlers(): void {
  if (registered) return;
  registered = true;
  registerActivityLogWriter();
}
