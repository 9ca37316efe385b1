import DataLoader from 'dataloader';
import type { Context } from '../../kernel/context';
import { requirePrincipal } from '../../kernel/context';
import { diffFields } from '../../kernel/activity/diff';
import { insertRow, lockRow, updateRow } from '../../kernel/data/rows';
import { reader } from '../../kernel/data/reader';
import { AppError, BadUserInputError, badInput, ConflictError, ForbiddenError, NotFoundError } from '../../kernel/errors/errors';
import { inTransaction, UnitOfWork } from '../../kernel/events/unit-of-work';
import { argsKey, byIdLoader, pageLoader } from '../../kernel/loaders/loaders';
import { guardFilterAndSort } from '../../kernel/pagination/field-guard';
import { ConnectionShape, ListQuery, listPage, OrderInput, PageArgs } from '../../kernel/pagination/list';
import { ListSpec, specOf } from '../../kernel/pagination/spec';
import type { RelationWhere } from '../../kernel/pagination/filter-sql';
import type { Principal } from '../../kernel/auth/principal';
import { validateInput } from '../../kernel/validation';
import { isUuid } from '../../kernel/ids';
import { activeRules, canReadField } from '../../kernel/permissions/apply';
import type { OwnedEntity } from '../../kernel/entity/base.entity';
import { ActivityAction } from '../system/activity-log.entity';
import { canAssignOwners, CrmArea, crmOwnerRoles, readScope, writeScope } from './crm.scope';

export type Path = (string | number)[];
export type Values = Record<string, unknown>;

export interface ListArgs extends PageArgs {
  filter?: object | null;
  orderBy?: OrderInput[] | null;
}

export interface BatchItemResult<T> {
  index: number;
  record: T | null;
  error: { code: string; message: string; fields: { path: Path; message: string }[] } | null;
}

export interface RecordConfig<T, C, U> {
  entity: new () => T;
  typeName: string;
  area: CrmArea;
  label(row: T): string;
  /** Fields whose changes go into the activity log. */
  loggedFields: readonly string[];
  defaultOrder: OrderInput[];
  /** Validated create input → column values (normalised, references checked). */
  prepareCreate(ctx: Context, uow: UnitOfWork, input: C, path: Path): Promise<Values>;
  /** Validated update input → changed column values. */
  prepareUpdate(ctx: Context, uow: UnitOfWork, before: T, input: U, path: Path): Promise<Values>;
}

/**
 * The life cycle every owned CRM record shares: scoped reads and lists, create (single and
 * batch), versioned update, trash and restore — each write with its activity entry in the same
 * transaction.
 */
export class CrmRecordService<T extends OwnedEntity, C extends { ownerId?: string | null }, U extends { ownerId?: string | null }> {
  constructor(readonly cfg: RecordConfig<T, C, U>) {}

  spec(ctx: Context): ListSpec {
    return specOf(ctx.ds, this.cfg.entity);
  }

  /** Rows by id as the caller may see them (trashed included, so relations still resolve). */
  loader(ctx: Context): DataLoader<string, T | null> {
    const p = requirePrincipal(ctx);
    return ctx.loaders.get(`${this.cfg.typeName}.byId`, () => byIdLoader<T>(reader(ctx.ds), this.spec(ctx), readScope(p, this.cfg.area)));
  }

  /** A lookup: null when missing, trashed-and-not-asked-for, or not visible. */
  async get(ctx: Context, id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    const row = await this.loader(ctx).load(id);
    // The loader keeps trashed rows for relations; a lookup leaves them out (DESIGN.md §2).
    return row && row.deletedAt ? null : row;
  }

  private query(ctx: Context, args: ListArgs): ListQuery {
    const p = requirePrincipal(ctx);
    guardFilterAndSort(ctx, this.spec(ctx), args.filter as Values, args.orderBy);
    return { ...args, filter: args.filter as Values, defaultOrder: this.cfg.defaultOrder, where: readScope(p, this.cfg.area), relationWhere: relationScope(p) };
  }

  list(ctx: Context, args: ListArgs): Promise<ConnectionShape<T>> {
    return listPage<T>(reader(ctx.ds), this.spec(ctx), this.query(ctx, args));
  }

  /** A page of this record type under one parent (e.g. a deal's interactions), batched across parents. */
  pageUnder(ctx: Context, parentColumn: string, parentId: string, args: ListArgs): Promise<ConnectionShape<T>> {
    // One loader per argument set: the query is prepared once, however many parents ask.
    return ctx.loaders
      .get(`${this.cfg.typeName}.under.${parentColumn}:${argsKey(args)}`, () => pageLoader<T>(reader(ctx.ds), this.spec(ctx), parentColumn, this.query(ctx, args)))
      .load(parentId);
  }

  /**
   * The owner a write may set: reps only themselves; managers and admins any active user whose
   * role may hold the record (an owner who could not read it would still see it in the activity
   * log otherwise). The caller is a writer, so they may always own it themselves.
   */
  async resolveOwner(ctx: Context, uow: UnitOfWork, ownerId: string | null | undefined, path: Path): Promise<string | undefined> {
    const p = requirePrincipal(ctx);
    if (ownerId == null) return undefined;
    if (ownerId === p.userId) return ownerId;
    if (!canAssignOwners(p)) throw new ForbiddenError('You can only own records yourself; ask a manager to assign them');
    const [user] = isUuid(ownerId) ? await uow.manager.query(`SELECT "role" FROM "users" WHERE "id" = $1 AND "active"`, [ownerId]) : [];
    if (!user) throw badInput(path, 'must be an active user');
    const holders = crmOwnerRoles(this.cfg.area);
    if (!holders.includes(user.role)) {
      throw badInput(path, `must be a user whose role may own ${this.cfg.area} (${holders.join(', ')}); a ${user.role} may not`);
    }
    return ownerId;
  }

  /** A referenced record (e.g. a contact's account) must exist, be visible and not be in the trash. */
  async requireVisible(ctx: Context, uow: UnitOfWork, other: { cfg: { entity: Function; area: CrmArea; typeName: string } }, id: string, path: Path): Promise<Values> {
    const p = requirePrincipal(ctx);
    const spec = specOf(ctx.ds, other.cfg.entity);
    const row = await lockRow<Values>(uow.manager, spec, id, { where: readScope(p, other.cfg.area), trashed: null, lock: 'KEY SHARE' });
    if (!row) throw badInput(path, `${other.cfg.typeName} not found`);
    if (row.deletedAt) throw badInput(path, `${other.cfg.typeName} is in the trash`);
    return row;
  }

  /** A field the caller may not read (e.g. Account.creditLimit for a rep) may not be set either. */
  private guardWrites(ctx: Context, input: object): void {
    for (const [field, value] of Object.entries(input)) {
      if (value !== undefined && !canReadField(activeRules(), this.cfg.typeName, field, null, ctx)) {
        throw new ForbiddenError(`You may not set ${this.cfg.typeName}.${field}`);
      }
    }
  }

  /**
   * Create inside an existing unit of work (batch items and commands use it too); `extra` adds
   * column values a command sets itself (e.g. an SMS's status).
   */
  async createIn(ctx: Context, uow: UnitOfWork, input: C, path: Path, extra: Values = {}): Promise<T> {
    await validateInput(input as object, path);
    this.guardWrites(ctx, input);
    const p = requirePrincipal(ctx);
    const ownerId = (await this.resolveOwner(ctx, uow, input.ownerId, [...path, 'ownerId'])) ?? p.userId;
    const values = await this.cfg.prepareCreate(ctx, uow, input, path);
    const row = await insertRow<T>(uow.manager, this.spec(ctx), { ...values, ...extra, ownerId });
    await this.emit(uow, ActivityAction.CREATED, row, diffFields(null, row as never, this.cfg.loggedFields));
    return row;
  }

  create(ctx: Context, input: C): Promise<T> {
    return inTransaction(ctx, (uow) => this.createIn(ctx, uow, input, ['input']));
  }

  /**
   * Batch create (≤ 100). Each item is all-or-nothing (a savepoint each); with `allOrNone` the
   * whole batch is one transaction and any failure writes nothing.
   */
  async createMany(ctx: Context, inputs: C[], allOrNone: boolean): Promise<{ results: BatchItemResult<T>[]; numErrors: number }> {
    if (inputs.length > 100) throw badInput(['inputs'], 'A batch takes at most 100 items');
    const results: BatchItemResult<T>[] = [];
    const run = async (uow: UnitOfWork) => {
      for (let i = 0; i < inputs.length; i++) {
        const sp = `item_${i}`;
        const mark = uow.events.length;
        await uow.manager.query(`SAVEPOINT ${sp}`);
        try {
          const record = await this.createIn(ctx, uow, inputs[i], ['inputs', i]);
          await uow.manager.query(`RELEASE SAVEPOINT ${sp}`);
          results.push({ index: i, record, error: null });
        } catch (err) {
          await uow.manager.query(`ROLLBACK TO SAVEPOINT ${sp}`);
          uow.events.length = mark; // a failed item publishes nothing
          results.push({ index: i, record: null, error: toUserError(err) });
        }
      }
    };
    try {
      await inTransaction(ctx, async (uow) => {
        await run(uow);
        if (allOrNone && results.some((r) => r.error)) throw new BatchAborted();
      });
    } catch (err) {
      if (!(err instanceof BatchAborted)) throw err;
      for (const r of results) r.record = null;
    }
    return { results, numErrors: results.filter((r) => r.error).length };
  }

  /** Locks a live record the caller may write, or NOT_FOUND (as for a missing one). */
  async lockForWrite(ctx: Context, uow: UnitOfWork, id: string, trashed = false): Promise<T> {
    const p = requirePrincipal(ctx);
    const row = await lockRow<T>(uow.manager, this.spec(ctx), id, { where: writeScope(p, this.cfg.area), trashed });
    if (!row) throw new NotFoundError(this.cfg.typeName, id);
    return row;
  }

  /** Versioned update with its activity entry; `action` lets commands log domain actions. */
  async applyUpdate(ctx: Context, uow: UnitOfWork, before: T, patch: Values, expectedVersion: number | null | undefined, action: string = ActivityAction.UPDATED): Promise<T> {
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (!Object.keys(diffFields(before as never, { ...before, ...given } as never, Object.keys(given))).length) {
      // Nothing changes: no new version, no activity entry — but a stale version still conflicts.
      if (expectedVersion != null && before.version !== expectedVersion) {
        throw new ConflictError(`${this.cfg.typeName} ${before.id} was changed by someone else (now version ${before.version}); reload and try again`);
      }
      return before;
    }
    const after = await updateRow<T>(uow.manager, this.spec(ctx), before.id, patch, expectedVersion);
    await this.emit(uow, action, after, diffFields(before as never, after as never, this.cfg.loggedFields));
    return after;
  }

  update(ctx: Context, id: string, input: U, expectedVersion?: number | null): Promise<T> {
    return inTransaction(ctx, async (uow) => {
      await validateInput(input as object, ['input']);
      this.guardWrites(ctx, input);
      const before = await this.lockForWrite(ctx, uow, id);
      const ownerId = await this.resolveOwner(ctx, uow, input.ownerId, ['input', 'ownerId']);
      const values = await this.cfg.prepareUpdate(ctx, uow, before, input, ['input']);
      return this.applyUpdate(ctx, uow, before, { ...values, ownerId }, expectedVersion);
    });
  }

  async remove(ctx: Context, id: string): Promise<boolean> {
    await inTransaction(ctx, async (uow) => {
      const before = await this.lockForWrite(ctx, uow, id);
      const after = await updateRow<T>(uow.manager, this.spec(ctx), id, { deletedAt: new Date() });
      await this.emit(uow, ActivityAction.DELETED, after, {});
      return before;
    });
    return true;
  }

  restore(ctx: Context, id: string): Promise<T> {
    return inTransaction(ctx, async (uow) => {
      await this.lockForWrite(ctx, uow, id, true);
      const after = await updateRow<T>(uow.manager, this.spec(ctx), id, { deletedAt: null });
      await this.emit(uow, ActivityAction.RESTORED, after, {});
      return after;
    });
  }

  emit(uow: UnitOfWork, action: string, row: T, changes: Values): Promise<void> {
    return uow.emit({ action, entityType: this.cfg.typeName, entityId: row.id, entityLabel: this.cfg.label(row), ownerId: row.ownerId, changes });
  }
}

const AREA_OF_TYPE: Record<string, CrmArea> = { Account: 'accounts', Contact: 'contacts', Deal: 'deals', Interaction: 'interactions' };

/** Relation filters only match related CRM rows the caller may read (users are a public directory). */
function relationScope(p: Principal): RelationWhere {
  return (target, alias, params) => {
    const area = AREA_OF_TYPE[target.typeName];
    return area ? readScope(p, area, alias)(params) : [];
  };
}

class BatchAborted extends Error {}

function toUserError(err: unknown): BatchItemResult<never>['error'] {
  if (err instanceof BadUserInputError) return { code: 'BAD_USER_INPUT', message: err.message, fields: err.fields };
  if (err instanceof AppError) return { code: err.code, message: err.message, fields: [] };
  throw err;
}

/** Column value from an optional input field: undefined = unchanged, null = cleared. */
export const optional = <V>(v: V | null | undefined, f: (x: V) => unknown) => (v === undefined ? undefined : v === null ? null : f(v));
