import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Subscription } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../context';
import type { ConnectionShape } from '../pagination/list';
import { matchesFilter } from '../pagination/filter-match';
import { filterSql } from '../pagination/filter-sql';
import { specOf } from '../pagination/spec';
import { SqlParams } from '../pagination/sql';
import { Topics } from '../pubsub/pubsub';
import { Loaders } from '../loaders/loaders';
import { ActivityLog } from './activity-log.entity';
import { ActivityFilter, ActivityListArgs, ActivityLogConnection } from './activity-log.inputs';
import { activityLogService } from './activity-log.service';
import { canSeeActivity } from './activity-visibility';

/** The activity log and its live subscription. (Who acted is resolved by the module owning users.) */
@Resolver(() => ActivityLog)
export class ActivityLogResolver {
  @Query(() => ActivityLogConnection, {
    description: 'The activity log you may see, oldest → newest: `last: 20` is the newest twenty; `first/after` resumes a feed from a cursor.',
  })
  activityLog(@Args(() => ActivityListArgs) args: ActivityListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<ActivityLog>> {
    return activityLogService.list(ctx, args);
  }

  @Subscription(() => ActivityLog, {
    // Called once at subscribe time: a bad filter is refused (BAD_USER_INPUT), as activityLog does,
    // instead of silently never matching.
    topics: ({ args, context }: { args: { filter?: ActivityFilter }; context: Context }) => {
      filterSql(specOf(context.ds, ActivityLog), 't', args.filter as never, new SqlParams(), ['filter']);
      return Topics.ACTIVITY;
    },
    description: 'Activity entries as they are committed, limited to what you may see.',
    filter: ({ payload, args, context }: { payload: ActivityLog; args: { filter?: ActivityFilter }; context: Context }) => {
      const p = context.principal;
      if (!p || (p.expiresAt && p.expiresAt.getTime() <= Date.now())) return false;
      return canSeeActivity(p, payload) && matchesFilter(payload as never, args.filter as never);
    },
  })
  activityLogged(
    @Root() entry: ActivityLog,
    @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Deliver only entries matching these conditions.' }) _filter?: ActivityFilter,
    @Ctx() ctx?: Context,
  ): ActivityLog {
    // One context serves every event of a subscription: give each event fresh loaders (events
    // execute one at a time), so actors and keys are read as they are now, in the current scope.
    if (ctx) ctx.loaders = new Loaders();
    return entry;
  }

  @FieldResolver(() => String, { description: 'Feed position; resume with `activityLog(first, after: cursor)`.' })
  cursor(@Root() entry: ActivityLog, @Ctx() ctx: Context): string {
    return activityLogService.cursor(ctx, entry);
  }

  @FieldResolver(() => GraphQLJSONObject, { description: 'Changed fields as {field: {from, to}}; fields you may not read show {redacted: true}.' })
  changes(@Root() entry: ActivityLog, @Ctx() ctx: Context): Record<string, unknown> {
    return activityLogService.changesFor(ctx, entry);
  }
}
