import DataLoader from 'dataloader';
import type { Context } from '../context';
import { requirePrincipal } from '../context';
import { ActivityAction } from '../activity/activity-log.entity';
import { RecordChanged } from '../activity/activity.events';
import { diffFields } from '../activity/diff';
import { insertRow, lockRow, updateRow } from '../data/rows';
import { reader } from '../data/reader';
import { AppError, BadUserInputError, badInput, ConflictError, ForbiddenError, NotFoundError } from '../errors/errors';
import { inTransaction, UnitOfWork } from '../events/unit-of-work';
import { argsKey, byIdLoader, pageLoader } from '../loaders/loaders';
import { guardFilterAndSort } from '../pagination/field-guard';
import type { RelationWhere } from '../pagination/filter-sql';
import { ConnectionShape, ListQuery, listPage, OrderInput, PageArgs } from '../pagination/list';
import { ListSpec, specOf } from '../pagination/spec';
import { isUuid } from '../ids';
import { validateInput } from '../validation';
import { policyOf, type Policy } from './policy';
import type { Prepared, RecordKind } from './record-kind';

export type Path = (string | number)[];
export type Values = Record<string, unknown>;
type Row = { id: string; version: number };
const fields = (row: unknown) => row as Values;

export interface ListArgs extends PageArgs {
  filter?: object | null;
  orderBy?: OrderInput[] | null;
}

export interface BatchItemResult<T> {
  index: number;
  record: T | null;
  error: { code: string; message: string; fields: { path: Path; message: string }[] } | null;
}

/** Relation filters only match related rows the caller may read (types without a policy: none). */
function relationScope(ctx: Context): RelationWhere {
  const p = requirePrincipal(ctx);
  return (target, alias, params) => {
    const policy = policyOf(target.typeName);
    return policy ? policy.readWhere(p, alias)(params) : ['FALSE'];
  };
}

/**
 * The life cycle every record shares, driven by its kind: scoped reads and lists, create (single
 * and batch), versioned update, trash and restore — each write with its activity entry in the
 * same transaction. Capabilities a kind does not have (owner, trash, ...) are simply not offered.
 */
export class RecordService<T extends Row, C extends object = object, U extends object = object, K = unknown> {
  constructor(readonly kind: RecordKind<T, C, U, K>) {}

  get policy(): Policy {
    return this.kind.policy;
  }

  spec(ctx: Context): ListSpec {
    return specOf(ctx.ds, this.kind.entity);
  }

  /** Rows by id as the caller may see them (trashed included, so relations still resolve). */
  loader(ctx: Context): DataLoader<string, T | null> {
    const p = requirePrincipal(ctx);
    return ctx.loaders.get(`${this.kind.typeName}.byId`, () => byIdLoader<T>(reader(ctx.ds), this.spec(ctx), this.policy.readWhere(p)));
  }

  /** A lookup: null when missing, trashed, or not visible. */
  async get(ctx: Context, id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    const row = await this.loader(ctx).load(id);
    // The loader keeps trashed rows for relations; a lookup leaves them out.
    return row && fields(row).deletedAt ? null : row;
  }

  /** The list query for these arguments, scoped to what the caller may read. */
  query(ctx: Context, args: ListArgs, extra?: ListQuery['where'], alias = 't'): ListQuery {
    const p = requirePrincipal(ctx);
    guardFilterAndSort(ctx, this.spec(ctx), args.filter as Values, args.orderBy);
    const scope = this.policy.readWhere(p, alias);
    return {
      ...args,
      filter: args.filter as Values,
      defaultOrder: this.kind.defaultOrder,
      where: extra ? (params) => [...scope(params), ...extra(params)] : scope,
      relationWhere: relationScope(ctx),
    };
  }

  list(ctx: Context, args: ListArgs): Promise<ConnectionShape<T>> {
    return listPage<T>(reader(ctx.ds), this.spec(ctx), this.query(ctx, args));
  }

  /** A page of this record type under one parent (e.g. a deal's interactions), batched across parents. */
  pageUnder(ctx: Context, parentColumn: string, parentId: string, args: ListArgs): Promise<ConnectionShape<T>> {
    // One loader per argument set: the query is prepared once, however many parents ask.
    return ctx.loaders
      .get(`${this.kind.typeName}.under.${parentColumn}:${argsKey(args)}`, () =>
        pageLoader<T>(reader(ctx.ds), this.spec(ctx), parentColumn, this.query(ctx, args)),
      )
      .load(parentId);
  }

  /**
   * Holder columns in the input (`ownerId`, `assigneeId`, ...) must name active users whose role
   * may hold such a record; only roles with the assign right give the owner column to someone else.
   */
  private async checkHolders(ctx: Context, uow: UnitOfWork, input: Values, path: Path): Promise<void> {
    const p = requirePrincipal(ctx);
    const [ownerColumn] = this.policy.holders;
    for (const column of this.policy.holders) {
      const id = input[column];
      if (id == null || !(column in input)) continue;
      const here = [...path, column];
      if (column === ownerColumn && this.kind.capabilities.owned && id !== p.userId && !this.policy.canAssign(p)) {
        throw new ForbiddenError(`You can only own ${this.kind.plural} yourself; ask a manager to assign them`);
      }
      const rows: { role: string }[] = isUuid(id) ? await uow.manager.query(`SELECT "role" FROM "users" WHERE "id" = $1 AND "active"`, [id]) : [];
      if (!rows.length) throw badInput(here, 'must be an active user');
      if (!this.policy.canHold(rows[0].role))
        throw badInput(here, `must be a user whose role can hold ${this.kind.plural} (${this.policy.writers().join(', ')}); a ${rows[0].role} may not`);
    }
  }

  /** Holder columns given in an input; a null owner means "unchanged", a null assignee clears it. */
  private holderValues(input: Values, creating: boolean): Values {
    const out: Values = {};
    const [ownerColumn] = this.policy.holders;
    for (const column of this.policy.holders) {
      if (!(column in input) || input[column] === undefined) continue;
      const isOwner = column === ownerColumn && this.kind.capabilities.owned;
      if (input[column] === null) {
        if (!isOwner && !creating) out[column] = null;
      } else out[column] = input[column];
    }
    return out;
  }

  /** A referenced record (e.g. a contact's account) must exist, be visible and not be in the trash. */
  async requireVisible(ctx: Context, uow: UnitOfWork, other: { entity: Function; policy: Policy; typeName: string }, id: string, path: Path): Promise<Values> {
    const p = requirePrincipal(ctx);
    const spec = specOf(ctx.ds, other.entity);
    const row = await lockRow<Values>(uow.manager, spec, id, { where: other.policy.readWhere(p), trashed: null, lock: 'KEY SHARE' });
    if (!row) throw badInput(path, `${other.typeName} not found`);
    if (row.deletedAt) throw badInput(path, `${other.typeName} is in the trash`);
    return row;
  }

  /** A field the caller may not read (e.g. Account.creditLimit for a rep) may not be set either. */
  private guardWrites(ctx: Context, input: object): void {
    for (const [field, value] of Object.entries(input)) {
      if (value !== undefined && !this.policy.canReadField(field, null, ctx)) {
        throw new ForbiddenError(`You may not set ${this.kind.typeName}.${field}`);
      }
    }
  }

  /**
   * Create inside an existing unit of work (batch items and commands use it too); `extra` adds
   * column values a command sets itself (e.g. an SMS's status). A command's `finish` takes the row
   * further once its children are written (e.g. posts a journal entry), and the whole is logged as
   * one entry of its `action`.
   */
  async createIn(
    ctx: Context,
    uow: UnitOfWork,
    input: C,
    path: Path,
    extra: Values = {},
    { action = ActivityAction.CREATED, finish }: { action?: ActivityAction; finish?(row: T): Promise<T> } = {},
  ): Promise<T> {
    await validateInput(input, path);
    this.guardWrites(ctx, input);
    const p = requirePrincipal(ctx);
    await this.checkHolders(ctx, uow, input as Values, path);
    const { values, children }: Prepared<K> = this.kind.hooks.prepareCreate
      ? await this.kind.hooks.prepareCreate(ctx, uow, input, path)
      : { values: { ...(input as Values) } };
    Object.assign(values, this.holderValues(input as Values, true));
    if (this.kind.capabilities.owned) values.ownerId ??= p.userId;
    const inserted = await insertRow<T>(uow.manager, this.spec(ctx), { ...values, ...extra });
    const childChanges = await this.writeChildren(ctx, uow, inserted, children, null);
    const row = finish ? await finish(inserted) : inserted;
    await this.record(uow, action, row, { ...diffFields(null, fields(row), this.kind.logged), ...childChanges });
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

  /** Locks a record the caller may write, or NOT_FOUND (as for a missing one). */
  async lockForWrite(ctx: Context, uow: UnitOfWork, id: string, trashed = false): Promise<T> {
    const p = requirePrincipal(ctx);
    const row = await lockRow<T>(uow.manager, this.spec(ctx), id, { where: this.policy.writeWhere(p), trashed: this.kind.capabilities.trash ? trashed : null });
    if (!row) throw new NotFoundError(this.kind.typeName, id);
    return row;
  }

  /** Versioned update with its activity entry; `action` lets commands log domain actions. */
  async applyUpdate(
    ctx: Context,
    uow: UnitOfWork,
    before: T,
    patch: Values,
    expectedVersion: number | null | undefined,
    action: ActivityAction = ActivityAction.UPDATED,
    childChanges: Values | null = null,
  ): Promise<T> {
    const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (!childChanges && !Object.keys(diffFields(fields(before), { ...fields(before), ...given }, Object.keys(given))).length) {
      // Nothing changes: no new version, no activity entry — but a stale version still conflicts.
      this.assertVersion(before, expectedVersion);
      return before;
    }
    const after = await updateRow<T>(uow.manager, this.spec(ctx), before.id, patch, expectedVersion);
    await this.record(uow, action, after, { ...diffFields(fields(before), fields(after), this.kind.logged), ...childChanges });
    return after;
  }

  /** CONFLICT when the caller read an older version than the locked row's. */
  private assertVersion(before: T, expectedVersion: number | null | undefined): void {
    if (expectedVersion != null && before.version !== expectedVersion) {
      throw new ConflictError(`${this.kind.typeName} ${before.id} was changed by someone else (now version ${before.version}); reload and try again`);
    }
  }

  /** Update inside an existing unit of work. */
  async updateIn(ctx: Context, uow: UnitOfWork, id: string, input: U, expectedVersion?: number | null): Promise<T> {
    await validateInput(input, ['input']);
    this.guardWrites(ctx, input);
    const before = await this.lockForWrite(ctx, uow, id);
    this.kind.hooks.guardChange?.(before, 'update');
    await this.checkHolders(ctx, uow, input as Values, ['input']);
    const { values, children }: Prepared<K> = this.kind.hooks.prepareUpdate
      ? await this.kind.hooks.prepareUpdate(ctx, uow, before, input, ['input'])
      : { values: { ...(input as Values) } };
    Object.assign(values, this.holderValues(input as Values, false));
    // Checked before children are rewritten, so a stale edit changes nothing.
    this.assertVersion(before, expectedVersion);
    const childChanges = await this.writeChildren(ctx, uow, before, children, before);
    return this.applyUpdate(ctx, uow, before, values, expectedVersion, ActivityAction.UPDATED, childChanges);
  }

  /** The children a prepare hook gave, written after the record; their logged change. */
  private async writeChildren(ctx: Context, uow: UnitOfWork, row: T, children: K | undefined, before: T | null): Promise<Values | null> {
    if (children === undefined || !this.kind.hooks.writeChildren) return null;
    return this.kind.hooks.writeChildren(ctx, uow, row, children, before);
  }

  update(ctx: Context, id: string, input: U, expectedVersion?: number | null): Promise<T> {
    return inTransaction(ctx, (uow) => this.updateIn(ctx, uow, id, input, expectedVersion));
  }

  async remove(ctx: Context, id: string): Promise<boolean> {
    await inTransaction(ctx, async (uow) => {
      const before = await this.lockForWrite(ctx, uow, id);
      this.kind.hooks.guardChange?.(before, 'delete');
      const after = await updateRow<T>(uow.manager, this.spec(ctx), id, { deletedAt: new Date() });
      await this.record(uow, ActivityAction.DELETED, after, {});
    });
    return true;
  }

  restore(ctx: Context, id: string): Promise<T> {
    return inTransaction(ctx, async (uow) => {
      const before = await this.lockForWrite(ctx, uow, id, true);
      this.kind.hooks.guardChange?.(before, 'restore');
      const after = await updateRow<T>(uow.manager, this.spec(ctx), id, { deletedAt: null });
      await this.record(uow, ActivityAction.RESTORED, after, {});
      return after;
    });
  }

  /** The record's activity entry (and live event), in the unit of work's transaction. */
  record(uow: UnitOfWork, action: ActivityAction, row: T, changes: Values): Promise<void> {
    return uow.emit(RecordChanged, {
      action,
      entityType: this.kind.typeName,
      entityId: row.id,
      entityLabel: this.kind.hooks.label(row),
      ownerId: (fields(row).ownerId as string | undefined) ?? null,
      holders: this.policy.holders.map((c) => fields(row)[c] as string | null).filter((v): v is string => !!v),
      changes,
    });
  }
}

class BatchAborted extends Error {}

function toUserError(err: unknown): BatchItemResult<never>['error'] {
  if (err instanceof BadUserInputError) return { code: 'BAD_USER_INPUT', message: err.message, fields: err.fields };
  if (err instanceof AppError) return { code: err.code, message: err.message, fields: [] };
  throw err;
}

/** Column value from an optional input field: undefined = unchanged, null = cleared. */
export const optional = <V>(v: V | null | undefined, f: (x: V) => unknown) => (v === undefined ? undefined : v === null ? null : f(v));
