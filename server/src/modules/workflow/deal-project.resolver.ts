import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../kernel/context';
import { reader } from '../../kernel/data/reader';
import { specOf } from '../../kernel/pagination/spec';
import { Deal } from '../crm';
import { Project } from './project.entity';

/** Projects by the deal they came from; visibility follows the deal (the parent). */
function byDeal(ctx: Context): DataLoader<string, Project | null> {
  return ctx.loaders.get(
    'Project.byDeal',
    () =>
      new DataLoader<string, Project | null>(async (dealIds) => {
        const spec = specOf(ctx.ds, Project);
        const rows: Project[] = await reader(ctx.ds).query(`SELECT ${spec.selectList} FROM "projects" t WHERE t."dealId" = ANY($1::uuid[])`, [dealIds]);
        const map = new Map(rows.map((r) => [r.dealId, Object.assign(new Project(), r)]));
        return dealIds.map((id) => map.get(id) ?? null);
      }),
  );
}

@Resolver(() => Deal)
export class DealProjectResolver {
  @FieldResolver(() => Project, { nullable: true, description: 'The project created when the deal was won.' })
  project(@Root() d: Deal, @Ctx() ctx: Context): Promise<Project | null> {
    return byDeal(ctx).load(d.id);
  }
}
