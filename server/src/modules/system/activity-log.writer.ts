import { onEventInTransaction } from '../../kernel/events/domain-events';
import { ActivityLog } from './activity-log.entity';

/** Writes every domain event as an activity-log row inside the writing transaction. */
export function registerActivityLogWriter(): () => void {
  return onEventInTransaction(async (manager, event) => {
    const [row] = await manager.query(
      `INSERT INTO "activity_log" ("txid", "action", "entityType", "entityId", "entityLabel", "actorId", "viaApiKeyId", "ownerId", "changes")
       VALUES (pg_current_xact_id()::text::bigint, $1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING "id", "seq"::text, "txid"::text, "action", "entityType", "entityId", "entityLabel", "actorId", "viaApiKeyId", "ownerId", "changes", "createdAt"`,
      [event.action, event.entityType, event.entityId, event.entityLabel, event.actor.userId, event.actor.apiKeyId, event.ownerId, event.changes],
    );
    event.record = Object.assign(new ActivityLog(), row);
  });
}
