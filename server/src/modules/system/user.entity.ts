import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { Role } from '../../kernel/auth/role';
import { BaseEntity } from '../../kernel/entity/base.entity';
import { hashPassword } from '../../kernel/auth/secrets';
import { requirePrincipal } from '../../kernel/context';
import { badInput } from '../../kernel/errors/errors';
import { SortDirection } from '../../kernel/pagination/filters';
import { Filterable, Sortable } from '../../kernel/records/list-inputs';
import { defineRecord } from '../../kernel/records/record-kind';
import { normalizeEmail, normalizePhone } from '../../kernel/validation';
import { CreateUserInput, UpdateUserInput } from './user.inputs';
import { userPolicy } from './user.policy';

@ObjectType({ description: 'A person who signs in to Converge. Directory fields are visible to every signed-in user.', simpleResolvers: true })
@Entity('users')
@Index(['createdAt', 'id'])
@Index(['updatedAt', 'id'])
@Index('users_email_unique', { synchronize: false })
export class User extends BaseEntity {
  @Field(() => String, { nullable: true, description: 'Sign-in email (lower-cased). Visible to the user themself, ADMIN and SALES_MANAGER.' })
  @Column('text')
  email!: string;

  @Field({ description: 'Display name.' })
  @Filterable('Name.')
  @Sortable()
  @Index()
  @Column('text')
  name!: string;

  @Field(() => String, { nullable: true, description: 'Phone in E.164. Visible to the user themself, ADMIN and SALES_MANAGER.' })
  @Column('text', { nullable: true })
  phone!: string | null;

  @Field(() => Role, { description: 'The role that decides permissions.' })
  @Filterable('Role.')
  @Sortable()
  @Index()
  @Column('enum', { enum: Role, enumName: 'user_role' })
  role!: Role;

  @Field({ description: 'Inactive users cannot sign in and their tokens are revoked.' })
  @Filterable('Active or not.')
  @Index()
  @Column('boolean', { default: true })
  active!: boolean;

  @Field(() => Date, { nullable: true, description: 'Last successful sign-in. Visible to the user themself, ADMIN and SALES_MANAGER.' })
  @Column('timestamptz', { nullable: true })
  lastLoginAt!: Date | null;

  @Column('text', { select: false })
  passwordHash!: string;
}

/** Users on the record kit: the directory list and lookup, createUser and updateUser (ADMIN). */
export const users = defineRecord<User, CreateUserInput, UpdateUserInput>({
  entity: User,
  noun: 'a user',
  plural: 'users',
  policy: userPolicy,
  inputs: { create: CreateUserInput, update: UpdateUserInput },
  logged: ['email', 'name', 'phone', 'role', 'active'],
  defaultOrder: [{ field: 'NAME', direction: SortDirection.ASC }],
  describe: { create: 'Creates a user (ADMIN only).', update: 'Changes a user’s name, phone, role or active flag (ADMIN only).' },
  label: (u) => u.name,
  async prepareCreate(_ctx, uow, input, path) {
    const email = normalizeEmail(input.email);
    const taken = await uow.manager.query(`SELECT 1 FROM "users" WHERE lower("email") = $1`, [email]);
    if (taken.length) throw badInput([...path, 'email'], 'is already used by another user');
    return {
      values: {
        email,
        name: input.name.trim(),
        role: input.role,
        phone: input.phone ? normalizePhone(input.phone) : null,
        passwordHash: await hashPassword(input.password),
      },
    };
  },
  async prepareUpdate(ctx, uow, before, input, path) {
    const me = requirePrincipal(ctx);
    if (before.id === me.userId && (input.active === false || (input.role && input.role !== Role.ADMIN))) {
      throw badInput([...path, input.active === false ? 'active' : 'role'], 'You cannot deactivate yourself or remove your own admin role');
    }
    if (before.active && input.active === false) {
      // Deactivation ends every way in: sessions and API keys.
      await uow.manager.query(`UPDATE "auth_tokens" SET "revokedAt" = now() WHERE "userId" = $1 AND "revokedAt" IS NULL`, [before.id]);
      await uow.manager.query(`UPDATE "api_keys" SET "revokedAt" = now() WHERE "userId" = $1 AND "revokedAt" IS NULL`, [before.id]);
    }
    return {
      values: {
        name: input.name?.trim(),
        phone: input.phone === null ? null : input.phone ? normalizePhone(input.phone) : undefined,
        role: input.role ?? undefined,
        active: input.active ?? undefined,
      },
    };
  },
});
