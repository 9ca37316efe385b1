import { Arg, Args, ClassType, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import type { OwnedEntity } from '../../kernel/entity/base.entity';
import type { ConnectionShape } from '../../kernel/pagination/list';
import { User } from '../system/user.entity';
import { userService } from '../system/user.service';
import type { CrmRecordService, ListArgs } from './crm-record.service';

export interface CrmResolverOptions<T extends OwnedEntity, C extends object, U extends object> {
  entity: ClassType<T>;
  /** Type name, e.g. "Contact"; root fields are contact, contacts, createContact, ... */
  name: string;
  /** "a contact" */
  noun: string;
  /** "contacts" */
  plural: string;
  service: CrmRecordService<T, C & { ownerId?: string | null }, U & { ownerId?: string | null }>;
  connection: ClassType;
  listArgs: ClassType<ListArgs>;
  createInput: ClassType<C>;
  updateInput: ClassType<U>;
  /** Descriptions that say more than the generic ones. */
  describe?: { create?: string; update?: string };
}

const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
const ID_ARG = { description: 'Identifier of the record.' };
const VERSION_ARG = { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' };

/**
 * The root fields every owned CRM record has — lookup, list, create, update, trash, restore —
 * and its owner, generated with the contract's names. Resolvers extend it and add their own.
 */
export function CrmRecordResolver<T extends OwnedEntity, C extends object, U extends object>(o: CrmResolverOptions<T, C, U>) {
  const lower = lowerFirst(o.name);

  @Resolver(() => o.entity)
  abstract class Base {
    @Query(() => o.entity, { name: lower, nullable: true, description: `${o.noun[0].toUpperCase()}${o.noun.slice(1)}; null when missing or not visible to you.` })
    lookup(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<T | null> {
      return o.service.get(ctx, id);
    }

    @Query(() => o.connection, { name: o.plural, description: `${o.plural[0].toUpperCase()}${o.plural.slice(1)} you may see.` })
    list(@Args(() => o.listArgs) args: ListArgs, @Ctx() ctx: Context): Promise<ConnectionShape<T>> {
      return o.service.list(ctx, args);
    }

    @Mutation(() => o.entity, { name: `create${o.name}`, description: o.describe?.create ?? `Creates ${o.noun}.` })
    create(@Arg('input', () => o.createInput, { description: 'The values to write.' }) input: C, @Ctx() ctx: Context): Promise<T> {
      return o.service.create(ctx, input);
    }

    @Mutation(() => o.entity, { name: `update${o.name}`, description: o.describe?.update ?? `Changes ${o.noun}. With \`expectedVersion\`, fails with CONFLICT if it changed meanwhile.` })
    update(
      @Arg('id', () => ID, ID_ARG) id: string,
      @Arg('input', () => o.updateInput, { description: 'The values to write.' }) input: U,
      @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number | null,
      @Ctx() ctx: Context,
    ): Promise<T> {
      return o.service.update(ctx, id, input, expectedVersion);
    }

    @Mutation(() => Boolean, { name: `delete${o.name}`, description: `Moves ${o.noun} to the trash.` })
    trash(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<boolean> {
      return o.service.remove(ctx, id);
    }

    @Mutation(() => o.entity, { name: `restore${o.name}`, description: `Brings ${o.noun} back from the trash.` })
    restore(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context): Promise<T> {
      return o.service.restore(ctx, id);
    }

    @FieldResolver(() => User, { description: `Who owns the ${lower}.` })
    owner(@Root() r: T, @Ctx() ctx: Context): Promise<User | null> {
      return userService.loader(ctx).load(r.ownerId);
    }
  }
  return Base;
}
