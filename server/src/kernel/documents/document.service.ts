import type DataLoader from 'dataloader';
import { ActivityAction } from '../activity/activity-log.entity';
import type { Context } from '../context';
import { insertRow } from '../data/rows';
import { reader } from '../data/reader';
import { NotFoundError } from '../errors/errors';
import type { UnitOfWork } from '../events/unit-of-work';
import { isUuid } from '../ids';
import { enqueueJob } from '../jobs/enqueue';
import { byColumnLoader } from '../loaders/loaders';
import { quote, SqlParams } from '../pagination/sql';
import { policyOf } from '../records/policy';
import { documentKind } from './document-kinds';
import { documentSpec, ownerHolders, ownerOf, recordDocument } from './document-rows';
import { Document, DocumentStatus } from './document.entity';
import { renderDocumentJob } from './document.job';

export interface QueueDocumentInput {
  /** A registered document kind, e.g. "invoice". */
  kind: string;
  /** The record to render it from. */
  entityId: string;
}

/**
 * Documents as callers see them: queued by a module's command, read through the record they were
 * made from (a document is visible exactly when that record is).
 */
export class DocumentService {
  /**
   * Queues a render in the caller's transaction: the QUEUED document, its activity entry and its
   * job commit together or not at all. The record must exist and, for a signed-in caller, be one
   * they may read (NOT_FOUND otherwise, as for a missing one).
   */
  async queue(ctx: Context, uow: UnitOfWork, input: QueueDocumentInput): Promise<Document> {
    const kind = documentKind(input.kind);
    if (!kind) throw new Error(`No document kind "${input.kind}" is registered`);
    const { policy } = ownerOf(ctx.ds, kind);
    const scope = ctx.principal ? policy.readWhere(ctx.principal) : undefined;
    const owner = await ownerHolders(uow.manager, ctx.ds, kind, input.entityId, scope);
    if (!owner) throw new NotFoundError(kind.entityType, input.entityId);
    const doc = await insertRow<Document>(uow.manager, documentSpec(ctx.ds), {
      status: DocumentStatus.QUEUED,
      kind: kind.kind,
      entityType: kind.entityType,
      entityId: input.entityId,
      contentType: 'application/pdf',
    });
    await recordDocument(uow, ActivityAction.CREATED, doc, { status: { from: null, to: DocumentStatus.QUEUED } }, owner);
    await enqueueJob(uow.manager, renderDocumentJob, { documentId: doc.id });
    return doc;
  }

  /** A lookup: null when missing or when the caller may not read the record it was made from. Batched. */
  async get(ctx: Context, id: string): Promise<Document | null> {
    if (!ctx.principal || !isUuid(id)) return null;
    const [doc] = await ctx.loaders.get('Document.byId', () => this.loader(ctx, 'id')).load(id);
    return doc ?? null;
  }

  /** The newest document of `kind` made from a record, as the caller may see it (e.g. `Invoice.pdf`). Batched across records. */
  async latest(ctx: Context, kind: string, entityId: string): Promise<Document | null> {
    if (!ctx.principal || !isUuid(entityId)) return null;
    const [doc] = await ctx.loaders.get(`Document.latest:${kind}`, () => this.loader(ctx, 'entityId', kind)).load(entityId);
    return doc ?? null;
  }

  /** Documents by a key column (newest per key), keeping only those the caller may read. */
  private loader(ctx: Context, column: 'id' | 'entityId', kind?: string): DataLoader<string, Document[]> {
    return byColumnLoader<Document>(reader(ctx.ds), documentSpec(ctx.ds), column, {
      where: kind ? (params) => [`t."kind" = ${params.add(kind, 'text')}`] : undefined,
      orderBy: ['t."createdAt" DESC', 't."id" DESC'],
      first: true,
      keep: (docs) => this.readable(ctx, docs),
    });
  }

  /** The documents whose records the caller may read: one scoped query per kind of record. */
  private async readable(ctx: Context, docs: Document[]): Promise<Document[]> {
    const p = ctx.principal;
    if (!p || !docs.length) return [];
    const byKind = new Map<string, Document[]>();
    for (const d of docs) byKind.set(d.kind, [...(byKind.get(d.kind) ?? []), d]);
    const out: Document[] = [];
    for (const [name, group] of byKind) {
      const kind = documentKind(name);
      // Nothing decides who reads it any more: nobody does.
      if (!kind || !policyOf(kind.entityType)) continue;
      const { spec, policy } = ownerOf(ctx.ds, kind);
      if (policy.readScope(p.role) === 'NONE') continue;
      const params = new SqlParams();
      const ids = [...new Set(group.map((d) => d.entityId))];
      const conds = [`t."id" = ANY(${params.add(ids, 'uuid[]')})`, ...policy.readWhere(p)(params)];
      const rows: { id: string }[] = await reader(ctx.ds).query(`SELECT t."id" FROM ${quote(spec.table)} t WHERE ${conds.join(' AND ')}`, params.values);
      const seen = new Set(rows.map((r) => r.id));
      out.push(...group.filter((d) => d.entityType === kind.entityType && seen.has(d.entityId)));
    }
    return out;
  }
}

export const documentService = new DocumentService();
