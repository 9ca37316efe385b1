import { defineEvent } from '../events/domain-events';
import type { ActivityAction } from './activity-log.entity';

/** A change to an entity, as the activity log records it. Every write emits one in its transaction. */
export interface RecordChange {
  action: ActivityAction;
  entityType: string;
  entityId: string;
  entityLabel: string;
  /** The entity's owner at that moment, if it has one. */
  ownerId: string | null;
  /** Users who hold the entity at that moment (decides "own" visibility of the entry). */
  holders: string[];
  changes: Record<string, unknown>;
  /** Another type whose policy decides who sees the entry (see ActivityLog.policyType). */
  policyType?: string | null;
}

export const RecordChanged = defineEvent<RecordChange>('record.changed');
