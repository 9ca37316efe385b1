import { onEventInTransaction } from '../../kernel/events/domain-events';

/**
 * Writes every domain event as an activity-log row inside the writing transaction; the row's
 * txid is that transaction's id, which gives the feed its commit-safe order (activity-feed.ts
 * publishes rows once they are below the commit horizon).
 */
export function registerActivityLogWriter(): () => void {
  return onEventInTransaction(async (manager, event) => {
    await manager.query(
      `INSERT INTO "activity_log" ("txid", "action", "entityType", "entityId", "entityLabel", "actorId", "viaApiKeyId", "ownerId", "changes")
       VALUES (pg_current_xact_id()::text::bigint, $1, $2, $3, $4, $5, $6, $7, $8)`,
      [event.action, event.entityType, event.entityId, event.entityLabel, event.actor.userId, event.actor.apiKeyId, event.ownerId, event.changes],
    );
  });
}
