import { Arg, Args, ClassType, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ActivityLogConnection } from '../activity/activity-log.inputs';
import { activityLogService } from '../activity/activity-log.service';
import type { ActivityLog } from '../activity/activity-log.entity';
import type { Context } from '../context';
import { PageArgsInput } from '../pagination/connection.types';
import type { ConnectionShape, PageArgs } from '../pagination/list';
import { userDirectory } from './directory';
import type { RecordKind } from './record-kind';
import type { ListArgs } from './record.service';

const ID_ARG = { description: 'Identifier of the record.' };
const VERSION_ARG = { nullable: true, description: 'The version you last read; if the record has changed since, the write fails with CONFLICT.' };
const upperFirst = (s: string) => s[0].toUpperCase() + s.slice(1);

type AnyKind = RecordKind<{ id: string; version: number }, object, object>;
const built = new Map<RecordKind, Function[]>();

/**
 * The generated resolvers of a record kind — lookup, list, create (and batch), update, trash,
 * restore, `owner` and `timeline` — with the contract's names, as its capabilities say. Built once
 * per kind; type-graphql keeps their metadata for every schema built in the process.
 */
export function recordResolvers(k: RecordKind): Function[] {
  const hit = built.get(k);
  if (hit) return hit;
  const kind = k as unknown as AnyKind;
  const cap = kind.capabilities;
  const svc = kind.service;
  const name = kind.typeName;
  const noun = kind.noun;
  const Node = kind.entity as ClassType;
  const inputs = kind.decl.inputs ?? {};
  const out: Function[] = [];

  if (cap.lookup) {
    @Resolver(() => Node)
    class Lookup {
      @Query(() => Node, { name: kind.names.one, nullable: true, description: `${upperFirst(noun)}; null when missing or not visible to you.` })
      lookup(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context) {
        return svc.get(ctx, id);
      }
    }
    out.push(Lookup);
  }

  if (cap.list) {
    const { ListArgs } = kind.listInputs();
    const Conn = kind.connectionType();
    @Resolver(() => Node)
    class List {
      @Query(() => Conn, { name: kind.names.many, description: `${upperFirst(kind.plural)} you may see.` })
      list(@Args(() => ListArgs) args: ListArgs, @Ctx() ctx: Context) {
        return svc.list(ctx, args);
      }
    }
    out.push(List);
  }

  if (cap.create && inputs.create) {
    const Create = inputs.create as ClassType;
    @Resolver(() => Node)
    class Creates {
      @Mutation(() => Node, { name: `create${name}`, description: kind.decl.describe?.create ?? `Creates ${noun}.` })
      create(@Arg('input', () => Create, { description: 'The values to write.' }) input: object, @Ctx() ctx: Context) {
        return svc.create(ctx, input);
      }
    }
    out.push(Creates);
  }

  if (cap.batch && inputs.create) {
    const Create = inputs.create as ClassType;
    const Batch = kind.batchResultType();
    @Resolver(() => Node)
    class Batches {
      @Mutation(() => Batch, { name: `create${upperFirst(kind.plural)}`, description: `Creates up to 100 ${kind.plural}, reporting a result per item.` })
      createMany(
        @Arg('inputs', () => [Create], { description: 'One input per record to create (at most 100).' }) inputs: object[],
        @Arg('allOrNone', () => Boolean, { nullable: true, defaultValue: false, description: 'true: one transaction; any failure writes nothing.' })
        allOrNone: boolean | null,
        @Ctx() ctx: Context,
      ) {
        return svc.createMany(ctx, inputs, allOrNone ?? false);
      }
    }
    out.push(Batches);
  }

  if (cap.update && inputs.update) {
    const Update = inputs.update as ClassType;
    @Resolver(() => Node)
    class Updates {
      @Mutation(() => Node, {
        name: `update${name}`,
        description: kind.decl.describe?.update ?? `Changes ${noun}. With \`expectedVersion\`, fails with CONFLICT if it changed meanwhile.`,
      })
      update(
        @Arg('id', () => ID, ID_ARG) id: string,
        @Arg('input', () => Update, { description: 'The values to write.' }) input: object,
        @Arg('expectedVersion', () => Int, VERSION_ARG) expectedVersion: number | null,
        @Ctx() ctx: Context,
      ) {
        return svc.update(ctx, id, input, expectedVersion);
      }
    }
    out.push(Updates);
  }

  if (cap.trash) {
    @Resolver(() => Node)
    class Trash {
      @Mutation(() => Boolean, { name: `delete${name}`, description: `Moves ${noun} to the trash.` })
      trash(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context) {
        return svc.remove(ctx, id);
      }

      @Mutation(() => Node, { name: `restore${name}`, description: `Brings ${noun} back from the trash.` })
      restore(@Arg('id', () => ID, ID_ARG) id: string, @Ctx() ctx: Context) {
        return svc.restore(ctx, id);
      }
    }
    out.push(Trash);
  }

  if (cap.owned) {
    const lower = kind.names.one;
    @Resolver(() => Node)
    class Owner {
      @FieldResolver(() => userDirectory().type(), { description: `Who owns the ${lower}.` })
      owner(@Root() r: { ownerId: string }, @Ctx() ctx: Context) {
        return userDirectory().load(ctx, r.ownerId);
      }
    }
    out.push(Owner);
  }

  if (cap.timeline) {
    @Resolver(() => Node)
    class Timeline {
      @FieldResolver(() => ActivityLogConnection, { description: `Activity about this ${kind.names.one}, oldest → newest.` })
      timeline(@Root() r: { id: string }, @Args() args: PageArgsInput, @Ctx() ctx: Context): Promise<ConnectionShape<ActivityLog>> {
        return activityLogService.timeline(ctx, r.id, args as PageArgs);
      }
    }
    out.push(Timeline);
  }

  for (const [field, ref] of Object.entries(kind.decl.references ?? {})) {
    out.push(
      fieldResolverClass(
        () => Node,
        field,
        () => ref.to().entity,
        { nullable: true, description: ref.description },
        false,
        (r, _args, ctx) => {
          const id = r[ref.via] as string | null;
          return id ? ref.to().service.loader(ctx).load(id) : null;
        },
      ),
    );
    if (ref.inverse) {
      const { ListArgs } = kind.listInputs();
      out.push(
        fieldResolverClass(
          () => ref.to().entity,
          ref.inverse.name,
          () => kind.connectionType(),
          { description: ref.inverse.description },
          ListArgs,
          (r, args, ctx) => svc.pageUnder(ctx, ref.via, r.id as string, args as ListArgs),
        ),
      );
    }
  }

  built.set(k, out);
  return out;
}

/**
 * A resolver class with one field resolver whose method is named after the field: type-graphql
 * finds a type's field resolvers by method name, so generated ones must not share a name.
 */
function fieldResolverClass(
  of: () => Function,
  field: string,
  returns: () => Function,
  options: { nullable?: boolean; description: string },
  args: ClassType | false,
  fn: (root: Record<string, unknown>, args: unknown, ctx: Context) => unknown,
): Function {
  const Cls = class {};
  Object.defineProperty(Cls, 'name', { value: `${field[0].toUpperCase()}${field.slice(1)}FieldResolver` });
  const method = args
    ? (root: Record<string, unknown>, a: unknown, ctx: Context) => fn(root, a, ctx)
    : (root: Record<string, unknown>, ctx: Context) => fn(root, undefined, ctx);
  Object.defineProperty(Cls.prototype, field, { value: method, writable: true, configurable: true });
  const descriptor = Object.getOwnPropertyDescriptor(Cls.prototype, field)!;
  Root()(Cls.prototype, field, 0);
  if (args) {
    Args(() => args)(Cls.prototype, field, 1);
    Ctx()(Cls.prototype, field, 2);
  } else Ctx()(Cls.prototype, field, 1);
  FieldResolver(returns, options)(Cls.prototype, field, descriptor);
  Resolver(of)(Cls);
  return Cls;
}
