import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root, Subscription, ID, Field, ObjectType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../../kernel/context';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { matchesFilter } from '../../kernel/pagination/filter-match';
import { filterSql } from '../../kernel/pagination/filter-sql';
import { SqlParams } from '../../kernel/pagination/sql';
import { Topics } from '../../kernel/pubsub/pubsub';
import { Loaders } from '../../kernel/loaders/loaders';
import { ActivityLog } from './activity-log.entity';
import { ActivityFilter, ActivityListArgs, ActivityLogConnection } from './activity-log.inputs';
import { activityLogService } from './activity-log.service';
import { canSeeActivity } from './activity-visibility';
import { ApiKey } from './api-key.entity';
import { User } from './user.entity';
import { userService } from './user.service';
import { byIdLoader } from '../../kernel/loaders/loaders';
import { reader } from '../../kernel/data/reader';
import { specOf } from '../../kernel/pagination/spec';


/** The API key a change was made through: only its name and id are public. */
@ObjectType({ description: 'The API key a change was made through.' })
export class ApiKeyRef {
  @Field(() => ID, { description: 'Key id.' }) id!: string;
  @Field({ description: 'Key name.' }) name!: string;
}

@Resolver(() => ActivityLog)
export class ActivityLogResolver {
  @Query(() => ActivityLogConnection, {
    description: 'The activity log you may see, oldest → newest: `last: 20` is the newest twenty; `first/after` resumes a feed from a cursor.',
  })
  activityLog(@Args() args: ActivityListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<ActivityLog>> {
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
  activityLogged(@Root() entry: ActivityLog, @Arg('filter', () => ActivityFilter, { nullable: true, description: 'Deliver only entries matching these conditions.' }) _filter?: ActivityFilter, @Ctx() ctx?: Context): ActivityLog {
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

  @FieldResolver(() => User, { nullable: true, description: 'Who made the change (for API-key calls, the key’s owner).' })
  actor(@Root() entry: ActivityLog, @Ctx() ctx: Context): Promise<User | null> | null {
    return entry.actorId ? userService.loader(ctx).load(entry.actorId) : null;
  }

  @FieldResolver(() => ApiKeyRef, { nullable: true, description: 'The API key used, when the change came through one.' })
  viaApiKey(@Root() entry: ActivityLog, @Ctx() ctx: Context): Promise<ApiKey | null> | null {
    if (!entry.viaApiKeyId) return null;
    return ctx.loaders.get('ApiKey.byId', () => byIdLoader<ApiKey>(reader(ctx.ds), specOf(ctx.ds, ApiKey))).load(entry.viaApiKeyId);
  }
}
