import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requirePrincipal, type Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { hydrate } from '../../kernel/pagination/list';
import { SqlParams } from '../../kernel/pagination/sql';
import { Account, Contact, Deal } from '../crm';
import { Task, tasks } from './task.entity';

/**
 * The earliest open task of each parent (by due date, undated last, then oldest), among the tasks
 * the caller may see: one statement per request for all parents of a kind.
 */
function nextTaskLoader(ctx: Context, column: 'accountId' | 'contactId' | 'dealId'): DataLoader<string, Task | null> {
  return ctx.loaders.get(
    `Task.next.${column}`,
    () =>
      new DataLoader<string, Task | null>(async (ids) => {
        const spec = tasks.service.spec(ctx);
        const params = new SqlParams();
        const where = [
          `t."${column}" = ANY(${params.add(ids, 'uuid[]')})`,
          'NOT t."done"',
          't."deletedAt" IS NULL',
          ...tasks.policy.readWhere(requirePrincipal(ctx))(params),
        ];
        const rows: Record<string, unknown>[] = await reader(ctx.ds).query(
          `SELECT DISTINCT ON (t."${column}") ${spec.selectList} FROM "tasks" t WHERE ${where.join(' AND ')}
       ORDER BY t."${column}", t."dueAt" ASC NULLS LAST, t."createdAt", t."id"`,
          params.values,
        );
        const byParent = new Map(rows.map((r) => [r[column] as string, hydrate<Task>(spec, r)]));
        return ids.map((id) => byParent.get(id) ?? null);
      }),
  );
}

const DESCRIPTION = 'The earliest open task you may see (by due date; undated ones last); null when none.';

@Resolver(() => Account)
export class AccountNextTaskResolver {
  @FieldResolver(() => Task, { nullable: true, description: DESCRIPTION })
  nextTask(@Root() a: Account, @Ctx() ctx: Context): Promise<Task | null> {
    return nextTaskLoader(ctx, 'accountId').load(a.id);
  }
}

@Resolver(() => Contact)
export class ContactNextTaskResolver {
  @FieldResolver(() => Task, { nullable: true, description: DESCRIPTION })
  nextTask(@Root() c: Contact, @Ctx() ctx: Context): Promise<Task | null> {
    return nextTaskLoader(ctx, 'contactId').load(c.id);
  }
}

@Resolver(() => Deal)
export class DealNextTaskResolver {
  @FieldResolver(() => Task, { nullable: true, description: DESCRIPTION })
  nextTask(@Root() d: Deal, @Ctx() ctx: Context): Promise<Task | null> {
    return nextTaskLoader(ctx, 'dealId').load(d.id);
  }
}
