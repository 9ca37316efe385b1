import { Ctx, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { ActivityLog } from '../../kernel/activity/activity-log.entity';
import type { Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { byIdLoader } from '../../kernel/loaders/loaders';
import { specOf } from '../../kernel/pagination/spec';
import { ApiKey } from './api-key.entity';
import { User, users } from './user.entity';

/** The API key a change was made through: only its name and id are public. */
@ObjectType({ description: 'The API key a change was made through.' })
export class ApiKeyRef {
  @Field(() => ID, { description: 'Key id.' }) id!: string;
  @Field({ description: 'Key name.' }) name!: string;
}

/** Who made an activity-log change: the acting user, and the API key when it came through one. */
@Resolver(() => ActivityLog)
export class ActivityActorResolver {
  @FieldResolver(() => User, { nullable: true, description: 'Who made the change (for API-key calls, the key’s owner).' })
  actor(@Root() entry: ActivityLog, @Ctx() ctx: Context): Promise<User | null> | null {
    return entry.actorId ? users.service.loader(ctx).load(entry.actorId) : null;
  }

  @FieldResolver(() => ApiKeyRef, { nullable: true, description: 'The API key used, when the change came through one.' })
  viaApiKey(@Root() entry: ActivityLog, @Ctx() ctx: Context): Promise<ApiKey | null> | null {
    if (!entry.viaApiKeyId) return null;
    // Unscoped on purpose: the key's name and id are public wherever the entry is visible.
    return ctx.loaders.get('ApiKeyRef.byId', () => byIdLoader<ApiKey>(reader(ctx.ds), specOf(ctx.ds, ApiKey))).load(entry.viaApiKeyId);
  }
}
