import DataLoader from 'dataloader';
import type { Context } from '../../kernel/context';
import { diffFields } from '../../kernel/activity/diff';
import { insertRow, updateRow } from '../../kernel/data/rows';
import { reader } from '../../kernel/data/reader';
import type { UnitOfWork } from '../../kernel/events/unit-of-work';
import { specOf } from '../../kernel/pagination/spec';
import { ActivityAction } from '../system/activity-log.entity';
import type { Deal } from '../crm/deal.entity';
import { Project, ProjectStatus } from './project.entity';

const LOGGED = ['name', 'accountId', 'dealId', 'status', 'dueDate', 'managerId'] as const;

export class ProjectService {
  /** Projects by the deal they came from; visibility follows the deal (the parent). */
  byDeal(ctx: Context): DataLoader<string, Project | null> {
    return ctx.loaders.get('Project.byDeal', () => new DataLoader<string, Project | null>(async (dealIds) => {
      const spec = specOf(ctx.ds, Project);
      const rows: Project[] = await reader(ctx.ds).query(`SELECT ${spec.selectList} FROM "projects" t WHERE t."dealId" = ANY($1::uuid[])`, [dealIds]);
      const map = new Map(rows.map((r) => [r.dealId, Object.assign(new Project(), r)]));
      return dealIds.map((id) => map.get(id) ?? null);
    }));
  }

  /**
   * The project of a won deal: created the first time, reused (and reactivated if it was
   * cancelled) when the deal is won again after a reopen.
   */
  async ensureForWonDeal(ctx: Context, uow: UnitOfWork, deal: Deal): Promise<Project> {
    const spec = specOf(ctx.ds, Project);
    const [existing] = await uow.manager.query(`SELECT ${spec.selectList} FROM "projects" t WHERE t."dealId" = $1 FOR UPDATE`, [deal.id]);
    if (existing) {
      if (existing.status !== ProjectStatus.CANCELLED) return Object.assign(new Project(), existing);
      const after = await updateRow<Project>(uow.manager, spec, existing.id, { status: ProjectStatus.ACTIVE });
      await uow.emit({ action: ActivityAction.UPDATED, entityType: 'Project', entityId: after.id, entityLabel: after.name, ownerId: deal.ownerId, changes: diffFields(existing, after as never, LOGGED) });
      return after;
    }
    const project = await insertRow<Project>(uow.manager, spec, {
      name: deal.name, accountId: deal.accountId, dealId: deal.id, status: ProjectStatus.ACTIVE, managerId: deal.ownerId,
    });
    await uow.emit({ action: ActivityAction.CREATED, entityType: 'Project', entityId: project.id, entityLabel: project.name, ownerId: deal.ownerId, changes: diffFields(null, project as never, LOGGED) });
    return project;
  }
}

export const projectService = new ProjectService();
