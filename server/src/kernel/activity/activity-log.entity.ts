import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { registerEnum } from '../enums';
import { EnumFilter } from '../pagination/filters';
import { declareListInputs, Filterable } from '../records/list-inputs';

/**
 * What can happen to an entity. Stored as text (a new action needs no database change); the
 * GraphQL enum lists them for clients.
 */
export enum ActivityAction {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  DELETED = 'DELETED',
  RESTORED = 'RESTORED',
  STAGE_CHANGED = 'STAGE_CHANGED',
  WON = 'WON',
  LOST = 'LOST',
  REOPENED = 'REOPENED',
  SIGNED_IN = 'SIGNED_IN',
  REVOKED = 'REVOKED',
  POSTED = 'POSTED',
  REVERSED = 'REVERSED',
  ISSUED = 'ISSUED',
  VOIDED = 'VOIDED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  COMPLETED = 'COMPLETED',
}
registerEnum(ActivityAction, 'ActivityAction', 'What happened to the entity.');
const ActivityActionFilter = EnumFilter(ActivityAction, 'ActivityAction');

/**
 * One change, written in the same transaction as the change itself; append-only.
 * `txid` (the writing transaction) then `seq` give the commit-safe feed order behind `cursor`.
 */
@ObjectType({ description: 'An entry of the activity log: who changed what, and how.', simpleResolvers: true })
@Entity('activity_log')
// Feed indexes are hand-written in the migrations (column order matters for the keyset scans).
@Index('activity_log_feed_idx', { synchronize: false })
@Index('activity_log_entity_idx', { synchronize: false })
@Index('activity_log_actor_idx', { synchronize: false })
@Index('activity_log_owner_idx', { synchronize: false })
@Index('activity_log_holders_idx', { synchronize: false })
export class ActivityLog {
  @Field(() => ID, { description: 'Identifier of the entry.' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('bigint', { generated: 'increment' })
  seq!: string;

  /** The writing transaction's id (pg_current_xact_id()), set by the activity writer. */
  @Column('bigint')
  txid!: string;

  @Field(() => ActivityAction, { description: 'What happened.' })
  @Filterable('What happened.', () => ActivityActionFilter)
  @Index()
  @Column('text')
  action!: ActivityAction;

  @Field({ description: 'GraphQL type name of the entity, e.g. "Account".' })
  @Filterable('Entity type name, e.g. "Deal".')
  @Index()
  @Column('text')
  entityType!: string;

  @Field(() => ID, { description: 'Identifier of the entity.' })
  @Filterable('The entity.')
  @Column('uuid')
  entityId!: string;

  @Field({ description: "The entity's label at the time (name, or first and last name)." })
  @Column('text')
  entityLabel!: string;

  @Filterable('The acting user.')
  @Column('uuid', { nullable: true })
  actorId!: string | null;

  @Column('uuid', { nullable: true })
  viaApiKeyId!: string | null;

  /** The entity's owner at that moment. */
  @Column('uuid', { nullable: true })
  ownerId!: string | null;

  /** Users who held the entity at that moment (owner, assignee, the user themself): "own" visibility. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  holders!: string[];

  /**
   * The type whose policy decides who sees the entry, when it is not the entry's own: a document's
   * entries follow the record it was made from (its holders are then that record's holders).
   */
  @Column('text', { nullable: true })
  policyType!: string | null;

  /** `{field: {from, to}}`; exposed through a field resolver that redacts per viewer. */
  @Column('jsonb', { default: {} })
  changes!: Record<string, unknown>;

  @Field({ description: 'When the change was written.' })
  @Filterable('When.')
  @Index()
  @Column('timestamptz', { default: () => 'now()' })
  createdAt!: Date;
}

declareListInputs(ActivityLog, { typeName: 'Activity', plural: 'activity-log entries' });
