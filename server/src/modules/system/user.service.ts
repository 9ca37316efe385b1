import DataLoader from 'dataloader';
import { hashPassword } from '../../kernel/auth/secrets';
import { Context, requirePrincipal } from '../../kernel/context';
import { diffFields } from '../../kernel/activity/diff';
import { insertRow, lockRow, updateRow } from '../../kernel/data/rows';
import { reader } from '../../kernel/data/reader';
import { badInput, NotFoundError } from '../../kernel/errors/errors';
import { inTransaction } from '../../kernel/events/unit-of-work';
import { byIdLoader } from '../../kernel/loaders/loaders';
import { ConnectionShape, listPage } from '../../kernel/pagination/list';
import { specOf } from '../../kernel/pagination/spec';
import { normalizeEmail, normalizePhone, validateInput } from '../../kernel/validation';
import { SortDirection } from '../../kernel/pagination/filters';
import { ActivityAction } from './activity-log.entity';
import { Role, User } from './user.entity';
import { CreateUserInput, UpdateUserInput, UserListArgs } from './user.inputs';

const LOGGED_FIELDS = ['email', 'name', 'phone', 'role', 'active'] as const;

export class UserService {
  spec(ctx: Context) {
    return specOf(ctx.ds, User);
  }

  /** Users by id (the directory is visible to every signed-in user). */
  loader(ctx: Context): DataLoader<string, User | null> {
    return ctx.loaders.get('User.byId', () => byIdLoader<User>(reader(ctx.ds), this.spec(ctx)));
  }

  async me(ctx: Context): Promise<User> {
    const p = requirePrincipal(ctx);
    if (p.profile) return Object.assign(new User(), p.profile);
    const user = await this.loader(ctx).load(p.userId);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  list(ctx: Context, args: UserListArgs): Promise<ConnectionShape<User>> {
    return listPage<User>(reader(ctx.ds), this.spec(ctx), {
      ...args,
      filter: args.filter as Record<string, unknown>,
      defaultOrder: [{ field: 'NAME', direction: SortDirection.ASC }],
    });
  }

  async create(ctx: Context, input: CreateUserInput): Promise<User> {
    await validateInput(input, ['input']);
    const email = normalizeEmail(input.email);
    const phone = input.phone ? normalizePhone(input.phone) : null;
    const passwordHash = await hashPassword(input.password);
    return inTransaction(ctx, async (uow) => {
      const taken = await uow.manager.query(`SELECT 1 FROM "users" WHERE lower("email") = $1`, [email]);
      if (taken.length) throw badInput(['input', 'email'], 'is already used by another user');
      const user = await insertRow<User>(uow.manager, this.spec(ctx), { email, name: input.name.trim(), role: input.role, phone, passwordHash });
      await uow.emit({ action: ActivityAction.CREATED, entityType: 'User', entityId: user.id, entityLabel: user.name, ownerId: user.id, changes: diffFields(null, user as never, LOGGED_FIELDS) });
      return user;
    });
  }

  async update(ctx: Context, id: string, input: UpdateUserInput): Promise<User> {
    await validateInput(input, ['input']);
    const me = requirePrincipal(ctx);
    if (id === me.userId && (input.active === false || (input.role && input.role !== Role.ADMIN))) {
      throw badInput(['input', input.active === false ? 'active' : 'role'], 'You cannot deactivate yourself or remove your own admin role');
    }
    return inTransaction(ctx, async (uow) => {
      const before = await lockRow<User>(uow.manager, this.spec(ctx), id, {});
      if (!before) throw new NotFoundError('User', id);
      const patch = {
        name: input.name?.trim(),
        phone: input.phone === null ? null : input.phone ? normalizePhone(input.phone) : undefined,
        role: input.role ?? undefined,
        active: input.active ?? undefined,
      };
      const after = await updateRow<User>(uow.manager, this.spec(ctx), id, patch);
      if (before.active && !after.active) {
        // Deactivation ends every way in: sessions and API keys.
        await uow.manager.query(`UPDATE "auth_tokens" SET "revokedAt" = now() WHERE "userId" = $1 AND "revokedAt" IS NULL`, [id]);
        await uow.manager.query(`UPDATE "api_keys" SET "revokedAt" = now() WHERE "userId" = $1 AND "revokedAt" IS NULL`, [id]);
      }
      const changes = diffFields(before as never, after as never, LOGGED_FIELDS);
      if (Object.keys(changes).length) {
        await uow.emit({ action: ActivityAction.UPDATED, entityType: 'User', entityId: id, entityLabel: after.name, ownerId: id, changes });
      }
      return after;
    });
  }
}

export const userService = new UserService();
