import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OutboxJob } from '../../kernel/jobs/outbox.entity';

export enum JobModeEnum {
  BULL = 'BULL',
  IN_PROCESS = 'IN_PROCESS',
}
registerEnumType(JobModeEnum, {
  name: 'JobMode',
  description: 'How this deployment runs background jobs.',
  valuesConfig: {
    BULL: { description: 'Bull queues on Redis, run by workers.' },
    IN_PROCESS: { description: 'Straight from the outbox table, without Redis.' },
  },
});

@ObjectType({ description: "Bull's own counts for a queue on Redis.", simpleResolvers: true })
export class JobBrokerCounts {
  @Field(() => Int, { description: 'Waiting for a worker.' }) waiting!: number;
  @Field(() => Int, { description: 'Being processed.' }) active!: number;
  @Field(() => Int, { description: 'Waiting for their backoff to pass.' }) delayed!: number;
  @Field(() => Int, { description: 'Completed (recent ones are kept).' }) completed!: number;
  @Field(() => Int, { description: 'Failed for good (recent ones are kept).' }) failed!: number;
}

@ObjectType({ description: 'Jobs of one queue by state, as recorded in the outbox.', simpleResolvers: true })
export class JobQueueStats {
  @Field({ description: 'Queue name, e.g. "sms.send".' }) queue!: string;
  @Field(() => Int, { description: 'Committed, not yet handed to a queue or worker.' }) pending!: number;
  @Field(() => Int, { description: 'On the Bull queue, not yet started.' }) dispatched!: number;
  @Field(() => Int, { description: 'An attempt is running.' }) running!: number;
  @Field(() => Int, { description: 'An attempt failed; the next one waits for its backoff.' }) retrying!: number;
  @Field(() => Int, { description: 'Finished (kept for a week).' }) done!: number;
  @Field(() => Int, { description: 'Gave up after the last attempt (retry them with `retryJob`).' }) dead!: number;
  @Field(() => JobBrokerCounts, { nullable: true, description: "Bull's counts on Redis; null without Redis." }) broker!: JobBrokerCounts | null;
}

@ObjectType({ description: 'Health of the background job queues.', simpleResolvers: true })
export class JobsOverview {
  @Field(() => JobModeEnum, { description: 'How jobs run here.' }) mode!: JobModeEnum;
  @Field(() => [JobQueueStats], { description: 'Counts by state, per queue.' }) queues!: JobQueueStats[];
  @Field(() => [OutboxJob], { description: 'Jobs whose last attempt failed (dead, or waiting to retry), newest first, with their error.' })
  recentFailures!: OutboxJob[];
}
