import { onEventInTransaction } from '../events/domain-events';
import { RecordChanged } from './activity.events';

let registered = false;

/**
 * Writes every record change as an activity-log row inside the writing transaction; the row's
 * txid is that transaction's id, which gives the feed its commit-safe order (the feed publishes
 * rows once they are below the commit horizon). Registered once per process.
 */
export function registerActivityLogWriter(): void {
  if (registered) return;
  registered = true;
  onEventInTransaction(RecordChanged, async (e, { manager, actor }) => {
    await manager.query(
      `INSERT INTO "activity_log" ("txid", "action", "entityType", "entityId", "entityLabel", "actorId", "viaApiKeyId", "ownerId", "holders", "changes", "policyType")
       VALUES (pg_current_xact_id()::text::bigint, $1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $10)`,
      [e.action, e.entityType, e.entityId, e.entityLabel, actor.userId, actor.apiKeyId, e.ownerId, [...new Set(e.holders)], e.changes, e.policyType ?? null],
    );
  });
}
