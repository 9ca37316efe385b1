import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * PENDING: committed, not yet handed over. DISPATCHED: on its Bull queue. RUNNING: an attempt is
 * in progress. RETRYING: an attempt failed, the next one waits for its backoff. DONE, DEAD: finished
 * (DEAD = gave up after the last attempt; an admin may retry it).
 */
export enum JobState {
  PENDING = 'PENDING',
  DISPATCHED = 'DISPATCHED',
  RUNNING = 'RUNNING',
  RETRYING = 'RETRYING',
  DONE = 'DONE',
  DEAD = 'DEAD',
}
registerEnumType(JobState, { name: 'JobState', description: 'Where a background job is in its life cycle.' });

/**
 * The outbox: a job's intent, written in the same transaction as the business change that needs
 * it, and its record afterwards (attempts, last error, dead-letter state).
 */
@ObjectType('Job', { description: 'A background job (SMS sending, ...), as recorded in the outbox.', simpleResolvers: true })
@Entity('outbox')
@Index(['state', 'runAt'])
@Index(['queue', 'state'])
@Index(['state', 'updatedAt'])
export class OutboxJob {
  @Field(() => ID, { description: 'Identifier of the job (also its id on the Bull queue).' })
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field({ description: 'Queue (kind of job), e.g. "sms.send".' })
  @Column('text')
  queue!: string;

  @Column('jsonb', { default: {} })
  payload!: Record<string, unknown>;

  @Field(() => JobState, { description: 'Where the job is in its life cycle.' })
  @Column('enum', { enum: JobState, enumName: 'job_state', default: JobState.PENDING })
  state!: JobState;

  @Field(() => Int, { description: 'Attempts started so far.' })
  @Column('int', { default: 0 })
  attempts!: number;

  @Field({ description: 'When the job is due (its next attempt, while retrying).' })
  @Column('timestamptz', { default: () => 'now()' })
  runAt!: Date;

  /** The running attempt's lease, renewed by its worker; a row RUNNING past it has lost its worker. */
  @Column('timestamptz', { nullable: true })
  lockedUntil!: Date | null;

  /** The worker running the current attempt; only it may record the attempt's outcome. */
  @Column('text', { nullable: true })
  lockedBy!: string | null;

  @Field(() => String, { nullable: true, description: 'Error of the last failed attempt.' })
  @Column('text', { nullable: true })
  lastError!: string | null;

  @Field({ description: 'When the job was written.' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Field({ description: 'When the job last changed state.' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it finished (DONE or DEAD).' })
  @Column('timestamptz', { nullable: true })
  finishedAt!: Date | null;
}
