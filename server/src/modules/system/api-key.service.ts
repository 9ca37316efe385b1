import { hashSecret, newSecret } from '../../kernel/auth/secrets';
import { Context, requirePrincipal } from '../../kernel/context';
import { insertRow, lockRow, updateRow } from '../../kernel/data/rows';
import { reader } from '../../kernel/data/reader';
import { NotFoundError } from '../../kernel/errors/errors';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { SortDirection } from '../../kernel/pagination/filters';
import { ConnectionShape, listPage } from '../../kernel/pagination/list';
import { specOf } from '../../kernel/pagination/spec';
import { SqlParams } from '../../kernel/pagination/sql';
import { validateInput } from '../../kernel/validation';
import { ActivityAction } from './activity-log.entity';
import { ApiKey } from './api-key.entity';
import { ApiKeyListArgs, ApiKeyWithSecret, CreateApiKeyInput } from './api-key.inputs';
import { Role } from './user.entity';

export class ApiKeyService {
  /** Callers see their own keys; ADMIN sees everyone's. */
  private scope(ctx: Context) {
    const p = requirePrincipal(ctx);
    return (params: SqlParams) => (p.role === Role.ADMIN ? [] : [`t."userId" = ${params.add(p.userId, 'uuid')}`]);
  }

  list(ctx: Context, args: ApiKeyListArgs): Promise<ConnectionShape<ApiKey>> {
    return listPage<ApiKey>(reader(ctx.ds), specOf(ctx.ds, ApiKey), {
      ...args,
      defaultOrder: [{ field: 'CREATED_AT', direction: SortDirection.DESC }],
      where: this.scope(ctx),
    });
  }

  async create(ctx: Context, input: CreateApiKeyInput): Promise<ApiKeyWithSecret> {
    await validateInput(input, ['input']);
    const p = requirePrincipal(ctx);
    const secret = newSecret('apiKey');
    return inTransaction(ctx, async (uow) => {
      const apiKey = await insertRow<ApiKey>(uow.manager, specOf(ctx.ds, ApiKey), {
        name: input.name.trim(), userId: p.userId, secretHash: hashSecret(secret), readOnly: input.readOnly, expiresAt: input.expiresAt ?? null,
      });
      await uow.emit({ action: ActivityAction.CREATED, entityType: 'ApiKey', entityId: apiKey.id, entityLabel: apiKey.name, ownerId: p.userId, changes: { readOnly: { from: null, to: apiKey.readOnly } } });
      return { secret, apiKey };
    });
  }

  async revoke(ctx: Context, id: string): Promise<ApiKey> {
    return inTransaction(ctx, async (uow) => {
      const key = await lockRow<ApiKey>(uow.manager, specOf(ctx.ds, ApiKey), id, { where: this.scope(ctx) });
      if (!key) throw new NotFoundError('ApiKey', id);
      if (key.revokedAt) return key;
      const revoked = await updateRow<ApiKey>(uow.manager, specOf(ctx.ds, ApiKey), id, { revokedAt: new Date() });
      await uow.emit({ action: ActivityAction.REVOKED, entityType: 'ApiKey', entityId: id, entityLabel: key.name, ownerId: key.userId, changes: {} });
      return revoked;
    });
  }
}

export const apiKeyService = new ApiKeyService();
