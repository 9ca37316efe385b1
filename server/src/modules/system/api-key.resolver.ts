import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { ApiKey } from './api-key.entity';
import { ApiKeyWithSecret, CreateApiKeyInput } from './api-key.inputs';
import { createApiKey, revokeApiKey } from './api-key.service';

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Mutation(() => ApiKeyWithSecret, { description: 'Creates an API key acting as you. Needs a signed-in session.' })
  createApiKey(@Arg('input', { description: 'The values to write.' }) input: CreateApiKeyInput, @Ctx() ctx: Context): Promise<ApiKeyWithSecret> {
    return createApiKey(ctx, input);
  }

  @Mutation(() => ApiKey, { description: 'Revokes one of your keys (ADMIN: anyone’s).' })
  revokeApiKey(@Arg('id', () => ID, { description: 'Identifier of the record.' }) id: string, @Ctx() ctx: Context): Promise<ApiKey> {
    return revokeApiKey(ctx, id);
  }
}
