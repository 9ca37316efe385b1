import { hashSecret, newSecret } from '../../kernel/auth/secrets';
import { Context, requirePrincipal } from '../../kernel/context';
import { insertRow, updateRow } from '../../kernel/data/rows';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { ActivityAction } from '../../kernel/activity/activity-log.entity';
import { validateInput } from '../../kernel/validation';
import { ApiKey, apiKeys } from './api-key.entity';
import { ApiKeyWithSecret, CreateApiKeyInput } from './api-key.inputs';

/** Creates a key acting as the caller; the secret is returned only now (only its hash is kept). */
export async function createApiKey(ctx: Context, input: CreateApiKeyInput): Promise<ApiKeyWithSecret> {
  await validateInput(input, ['input']);
  const p = requirePrincipal(ctx);
  const secret = newSecret('apiKey');
  return inTransaction(ctx, async (uow) => {
    const apiKey = await insertRow<ApiKey>(uow.manager, apiKeys.service.spec(ctx), {
      name: input.name.trim(),
      userId: p.userId,
      secretHash: hashSecret(secret),
      readOnly: input.readOnly,
      expiresAt: input.expiresAt ?? null,
    });
    await apiKeys.service.record(uow, ActivityAction.CREATED, apiKey, { readOnly: { from: null, to: apiKey.readOnly } });
    return { secret, apiKey };
  });
}

/** Revokes one of the caller's keys (ADMIN: anyone's); revoking twice changes nothing. */
export function revokeApiKey(ctx: Context, id: string): Promise<ApiKey> {
  return inTransaction(ctx, async (uow) => {
    const key = await apiKeys.service.lockForWrite(ctx, uow, id);
    if (key.revokedAt) return key;
    const revoked = await updateRow<ApiKey>(uow.manager, apiKeys.service.spec(ctx), id, { revokedAt: new Date() });
    await apiKeys.service.record(uow, ActivityAction.REVOKED, revoked, {});
    return revoked;
  });
}
