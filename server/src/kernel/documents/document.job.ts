import type { DataSource } from 'typeorm';
import { config } from '../../config/env';
import { inTransaction, type UnitOfWork } from '../events/unit-of-work';
import { defineJob, PermanentJobError } from '../jobs/job.types';
import { systemContext } from '../jobs/system-context';
import { withDeadline } from './deadline';
import { documentKind } from './document-kinds';
import { changeDocument, documentOwner, isPending, lockDocument } from './document-rows';
import { DocumentStatus } from './document.entity';
import { PdfRenderer, pdfRenderer, RenderTimeoutError } from './pdf-renderer';

/** Larger files are refused: they would be read whole into memory on every download. */
const MAX_BYTES = 25 * 1024 * 1024;

/** A download name without paths or control characters, ending in .pdf. */
export function cleanFilename(name: string): string {
  const base = name
    .replace(/[\\/]+/g, '-')
    .replace(/[\p{Cc}"]+/gu, '')
    .trim()
    .slice(0, 180);
  return /\.pdf$/i.test(base) ? base : `${base || 'document'}.pdf`;
}

/**
 * Renders one document. Idempotent: a READY or FAILED document is left alone, and an attempt that
 * finds it RENDERING (an earlier one died or timed out) renders it again. Chromium runs outside any
 * transaction: a transaction held open that long would hold back the activity feed.
 */
export async function renderDocument(ds: DataSource, documentId: string, renderer: PdfRenderer = pdfRenderer): Promise<void> {
  const ctx = systemContext(ds);
  // The record's holders are read once: for both activity entries, and to find it gone.
  const claimed = await inTransaction(ctx, async (uow) => {
    const row = await lockDocument(uow, documentId);
    if (!isPending(row)) return null;
    const owner = await documentOwner(uow.manager, ds, row);
    return { owner, doc: row.status === DocumentStatus.RENDERING ? row : await changeDocument(uow, row, { status: DocumentStatus.RENDERING }, owner) };
  });
  if (!claimed) return;
  const { doc, owner } = claimed;

  const kind = documentKind(doc.kind);
  if (!kind) throw new PermanentJobError(`No document kind "${doc.kind}" is registered`);
  const gone = () => new PermanentJobError(`${kind.entityType} ${doc.entityId} no longer exists`);
  if (!owner) throw gone();

  const timeoutMs = kind.timeoutMs ?? config().DOCUMENT_RENDER_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const late = (what: string) => new RenderTimeoutError(`${what} within the render time limit of ${timeoutMs} ms`);
  const source = await withDeadline(kind.render(ctx, doc.entityId), deadline, () => late(`The ${kind.kind} template did not finish`));
  if (!source) throw gone();
  let pdf: Buffer;
  try {
    pdf = await renderer.render(source.html, { timeoutMs: Math.max(1, deadline - Date.now()) });
  } catch (err) {
    throw err instanceof RenderTimeoutError ? late('Chromium did not finish the PDF') : err;
  }
  if (pdf.length > MAX_BYTES) throw new PermanentJobError(`The PDF is ${(pdf.length / 1024 / 1024).toFixed(1)} MB; documents may be at most 25 MB`);

  await inTransaction(ctx, async (uow) => {
    const row = await lockDocument(uow, documentId);
    if (row?.status !== DocumentStatus.RENDERING) return; // another attempt finished it meanwhile
    await changeDocument(uow, row, { status: DocumentStatus.READY, content: pdf, filename: cleanFilename(source.filename), error: null }, owner);
  });
}

/** The job gave up: a document still on its way is FAILED with the reason. */
export async function failDocument(ds: DataSource, documentId: string, reason: string): Promise<void> {
  const ctx = systemContext(ds);
  await inTransaction(ctx, async (uow) => {
    const row = await lockDocument(uow, documentId);
    if (isPending(row))
      await changeDocument(uow, row, { status: DocumentStatus.FAILED, error: reason.slice(0, 1000) }, await documentOwner(uow.manager, ds, row));
  });
}

/** An admin retries the dead job: the document is QUEUED again. */
export async function requeueDocument(uow: UnitOfWork, documentId: string): Promise<void> {
  const row = await lockDocument(uow, documentId);
  if (row?.status === DocumentStatus.FAILED)
    await changeDocument(uow, row, { status: DocumentStatus.QUEUED, error: null }, await documentOwner(uow.manager, uow.ctx.ds, row));
}

/**
 * Renders a queued document. A record that is gone (or a kind no longer registered) fails the
 * document at once; anything else — a timeout, a crashed or missing browser, a failing template
 * query — may be passing, so it is retried with backoff (10 s, 20 s) and the document stays
 * RENDERING until the last attempt fails and marks it FAILED with the reason.
 */
export const renderDocumentJob = defineJob<{ documentId: string }>({
  queue: 'documents.render',
  attempts: 3,
  backoffMs: 10_000,
  handle: ({ documentId }, job) => renderDocument(job.ds, documentId),
  onDead: ({ documentId }, error, job) =>
    failDocument(
      job.ds,
      documentId,
      error instanceof PermanentJobError || job.attempt <= 1 ? error.message : `Gave up after ${job.attempt} attempts: ${error.message}`,
    ),
  onRetry: (_ctx, uow, { documentId }) => requeueDocument(uow, documentId),
});
