import type { Context } from '../context';
import { requirePrincipal } from '../context';
import { reader } from '../data/reader';
import { argsKey, pageLoader } from '../loaders/loaders';
import { encodeCursor } from '../pagination/cursor';
import { SortDirection } from '../pagination/filters';
import { ConnectionShape, ListQuery, listPage, PageArgs, signatureFor } from '../pagination/list';
import { specOf } from '../pagination/spec';
import { SqlParams } from '../pagination/sql';
import { canReadField, policyOf } from '../records/policy';
import { ActivityLog } from './activity-log.entity';
import { ActivityListArgs } from './activity-log.inputs';
import { activityWhere } from './activity-visibility';

// Feed order: the writing transaction, then the row sequence.
const FEED_ORDER = [
  { field: 'TXID', direction: SortDirection.ASC },
  { field: 'SEQ', direction: SortDirection.ASC },
];

/**
 * Only rows of transactions below the current snapshot's xmin are served: every transaction
 * under that horizon has finished, so nothing can later appear before a cursor already handed out.
 */
const HORIZON = `t."txid" < pg_snapshot_xmin(pg_current_snapshot())::text::bigint`;

export class ActivityLogService {
  private query(ctx: Context, args: PageArgs & { filter?: unknown }): ListQuery {
    const p = requirePrincipal(ctx);
    return {
      ...args,
      filter: args.filter as Record<string, unknown>,
      orderBy: FEED_ORDER,
      defaultOrder: FEED_ORDER,
      where: (params: SqlParams) => [HORIZON, ...activityWhere(p, params)],
    };
  }

  list(ctx: Context, args: ActivityListArgs): Promise<ConnectionShape<ActivityLog>> {
    return listPage<ActivityLog>(reader(ctx.ds), specOf(ctx.ds, ActivityLog), this.query(ctx, args));
  }

  /** The timeline of one entity (Account, Contact, Deal), batched across parents. */
  timeline(ctx: Context, entityId: string, args: PageArgs): Promise<ConnectionShape<ActivityLog>> {
    return ctx.loaders
      .get(`ActivityLog.timeline:${argsKey(args)}`, () =>
        pageLoader<ActivityLog>(reader(ctx.ds), specOf(ctx.ds, ActivityLog), 'entityId', this.query(ctx, args)),
      )
      .load(entityId);
  }

  cursor(ctx: Context, entry: ActivityLog): string {
    return encodeCursor(signatureFor(specOf(ctx.ds, ActivityLog), FEED_ORDER), [String(entry.txid), String(entry.seq), entry.id]);
  }

  /**
   * `changes` as this viewer may see them: fields they may not read show `{ redacted: true }` —
   * every field when their role does not read the entity type at all. An entry judged by another
   * type's policy (a document's) whose own type has none has no guarded fields: whoever sees the
   * entry sees its changes.
   */
  changesFor(ctx: Context, entry: ActivityLog): Record<string, unknown> {
    if (entry.policyType && !policyOf(entry.entityType)) return { ...entry.changes };
    const out: Record<string, unknown> = {};
    const parent = { id: entry.entityId, ownerId: entry.ownerId };
    for (const [field, change] of Object.entries(entry.changes ?? {})) {
      out[field] = canReadField(entry.entityType, field, parent, ctx) ? change : { redacted: true };
    }
    return out;
  }
}

export const activityLogService = new ActivityLogService();
