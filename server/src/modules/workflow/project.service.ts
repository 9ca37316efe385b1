import { ActivityAction } from '../../kernel/activity/activity-log.entity';
import { RecordChanged } from '../../kernel/activity/activity.events';
import { diffFields } from '../../kernel/activity/diff';
import { insertRow, updateRow } from '../../kernel/data/rows';
import type { EventScope } from '../../kernel/events/domain-events';
import { specOf } from '../../kernel/pagination/spec';
import type { Deal } from '../crm';
import { Project, ProjectStatus } from './project.entity';

const LOGGED = ['name', 'accountId', 'dealId', 'status', 'dueDate', 'managerId'] as const;

function recorded(action: ActivityAction, p: Project, changes: Record<string, unknown>) {
  return { action, entityType: 'Project', entityId: p.id, entityLabel: p.name, ownerId: p.managerId, holders: [p.managerId], changes };
}

/**
 * The project of a won deal, in the winning transaction: created the first time, reused (and
 * reactivated if it was cancelled) when the deal is won again after a reopen.
 */
export async function ensureProjectForWonDeal(deal: Deal, scope: EventScope): Promise<Project> {
  const spec = specOf(scope.manager.connection, Project);
  const [existing] = await scope.manager.query(`SELECT ${spec.selectList} FROM "projects" t WHERE t."dealId" = $1 FOR UPDATE`, [deal.id]);
  if (existing) {
    if (existing.status !== ProjectStatus.CANCELLED) return Object.assign(new Project(), existing);
    const after = await updateRow<Project>(scope.manager, spec, existing.id, { status: ProjectStatus.ACTIVE });
    await scope.emit(RecordChanged, recorded(ActivityAction.UPDATED, after, diffFields(existing, after as never, LOGGED)));
    return after;
  }
  const project = await insertRow<Project>(scope.manager, spec, {
    name: deal.name,
    accountId: deal.accountId,
    dealId: deal.id,
    status: ProjectStatus.ACTIVE,
    managerId: deal.ownerId,
  });
  await scope.emit(RecordChanged, recorded(ActivityAction.CREATED, project, diffFields(null, project as never, LOGGED)));
  return project;
}
