import type { DataSource } from 'typeorm';
import { ActivityAction } from '../activity/activity-log.entity';
import { RecordChanged } from '../activity/activity.events';
import { lockRow, updateRow } from '../data/rows';
import type { UnitOfWork } from '../events/unit-of-work';
import { isUuid } from '../ids';
import { ListSpec, specOf } from '../pagination/spec';
import { quote, SqlParams, type Queryable } from '../pagination/sql';
import { policyOf, type Policy, type Where } from '../records/policy';
import { documentKind, documentLabel, type DocumentKind } from './document-kinds';
import { Document, DocumentStatus } from './document.entity';

// Document rows and their status changes. Every change is an activity entry in the same
// transaction, typed "Document" but judged by the owning record's policy and holders, so the live
// feed shows a document's progress exactly to those who may read the record it was made from.

export const documentSpec = (ds: DataSource): ListSpec => specOf(ds, Document);

/** The table and policy of the records a kind's documents are made from. */
export function ownerOf(ds: DataSource, kind: DocumentKind): { spec: ListSpec; policy: Policy } {
  const policy = policyOf(kind.entityType);
  // Without a policy nobody could read the documents (types without one are visible to nobody).
  if (!policy) throw new Error(`${kind.entityType} has no policy: nobody could read documents of kind "${kind.kind}"`);
  return { spec: specOf(ds, ds.getMetadata(kind.entity ?? kind.entityType).target as Function), policy };
}

export interface OwnerHolders {
  ownerId: string | null;
  holders: string[];
}

/**
 * The owning record's owner and holders as they are now; null when it does not exist or, with
 * `where` (a caller's read scope, alias `t`), is not visible.
 */
export async function ownerHolders(db: Queryable, ds: DataSource, kind: DocumentKind, entityId: string, where?: Where): Promise<OwnerHolders | null> {
  if (!isUuid(entityId)) return null;
  const { spec, policy } = ownerOf(ds, kind);
  const props = [...new Set(['id', ...policy.holders, ...(spec.columns.has('ownerId') ? ['ownerId'] : [])])];
  const params = new SqlParams();
  const conds = [`t."id" = ${params.add(entityId, 'uuid')}`, ...(where ? where(params) : [])];
  const select = props.map((p) => `t.${quote(spec.columns.get(p)?.column ?? p)} AS ${quote(p)}`).join(', ');
  const [row] = await db.query(`SELECT ${select} FROM ${quote(spec.table)} t WHERE ${conds.join(' AND ')}`, params.values);
  if (!row) return null;
  return {
    ownerId: (row.ownerId as string | undefined) ?? null,
    holders: policy.holders.map((c) => row[c] as string | null).filter((v): v is string => !!v),
  };
}

/** Locks a document row for a status change; null when there is none. */
export function lockDocument(uow: UnitOfWork, id: string): Promise<Document | null> {
  return lockRow<Document>(uow.manager, documentSpec(uow.ctx.ds), id, {});
}

/** The owner and holders of the record a document was made from; null when it is gone (or its kind is not registered). */
export function documentOwner(db: Queryable, ds: DataSource, doc: Pick<Document, 'kind' | 'entityId'>): Promise<OwnerHolders | null> {
  const kind = documentKind(doc.kind);
  return kind ? ownerHolders(db, ds, kind, doc.entityId) : Promise.resolve(null);
}

/**
 * The document's activity entry and live event, in the unit of work's transaction; `owner` is what
 * the caller already read of the record's holders (ownerHolders / documentOwner).
 */
export async function recordDocument(
  uow: UnitOfWork,
  action: ActivityAction,
  doc: Document,
  changes: Record<string, unknown>,
  owner: OwnerHolders | null,
): Promise<void> {
  await uow.emit(RecordChanged, {
    action,
    entityType: 'Document',
    entityId: doc.id,
    entityLabel: documentLabel(documentKind(doc.kind), doc),
    ownerId: owner?.ownerId ?? null,
    holders: owner?.holders ?? [],
    changes,
    policyType: doc.entityType,
  });
}

type DocumentPatch = Partial<Pick<Document, 'status' | 'error' | 'filename' | 'content'>>;
const LOGGED = ['status', 'error', 'filename'] as const;

/** Changes a locked document (status, reason, file) and records the change, with the record's `owner` as read. */
export async function changeDocument(uow: UnitOfWork, before: Document, patch: DocumentPatch, owner: OwnerHolders | null): Promise<Document> {
  const after = await updateRow<Document>(uow.manager, documentSpec(uow.ctx.ds), before.id, patch);
  const changes: Record<string, unknown> = {};
  for (const field of LOGGED) if (before[field] !== after[field]) changes[field] = { from: before[field], to: after[field] };
  await recordDocument(uow, ActivityAction.UPDATED, after, changes, owner);
  return after;
}

/** Whether a document may still be (re)rendered: finished ones are left alone. */
export const isPending = (doc: Document | null): doc is Document => !!doc && (doc.status === DocumentStatus.QUEUED || doc.status === DocumentStatus.RENDERING);
