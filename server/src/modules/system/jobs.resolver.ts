import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { OutboxJob } from '../../kernel/jobs/outbox.entity';
import { jobsOverview, retryJob } from './jobs.service';
import { JobsOverview } from './jobs.types';

@Resolver()
export class JobsResolver {
  @Query(() => JobsOverview, { description: 'Background job health: counts by state per queue and recent failures (ADMIN only).' })
  jobs(
    @Arg('failures', () => Int, { defaultValue: 20, description: 'How many recent failures to list (0 to 100).' }) failures: number,
    @Arg('queue', () => String, { nullable: true, description: 'Only this queue.' }) queue: string | null,
    @Ctx() ctx: Context,
  ): Promise<JobsOverview> {
    return jobsOverview(ctx, failures, queue);
  }

  @Mutation(() => OutboxJob, { description: 'Runs a dead job again from its first attempt (ADMIN only).' })
  retryJob(@Arg('id', () => ID, { description: 'Identifier of the job.' }) id: string, @Ctx() ctx: Context): Promise<OutboxJob> {
    return retryJob(ctx, id);
  }
}
