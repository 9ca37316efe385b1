import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { Connection } from '../../kernel/pagination/connection.types';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { ApiKey } from './api-key.entity';
import { ApiKeyListArgs, ApiKeyWithSecret, CreateApiKeyInput } from './api-key.inputs';
import { apiKeyService } from './api-key.service';

export const ApiKeyConnection = Connection(ApiKey);

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Query(() => ApiKeyConnection, { description: 'Your API keys (ADMIN: everyone’s), newest first.' })
  apiKeys(@Args() args: ApiKeyListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<ApiKey>> {
    return apiKeyService.list(ctx, args);
  }

  @Mutation(() => ApiKeyWithSecret, { description: 'Creates an API key acting as you. Needs a signed-in session.' })
  createApiKey(@Arg('input', { description: 'The values to write.' }) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<ApiKeyWithSecret> {
    return apiKeyService.create(ctx, input);
  }

  @Mutation(() => ApiKey, { description: 'Revokes one of your keys (ADMIN: anyone’s).' })
  revokeApiKey(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return apiKeyService.revoke(ctx, id);
  }
}
