import type { Context } from '../context';

/** What a kind's template produces: the document's HTML (print CSS included) and its download name. */
export interface RenderedHtml {
  html: string;
  filename: string;
}

/**
 * One kind of document, declared by the module that owns its record type. The kernel only knows
 * that it renders HTML from one record; the template and its data belong to the module.
 */
export interface DocumentKind {
  /** Unique name, e.g. "invoice". */
  kind: string;
  /** GraphQL type of the record it is made from, e.g. "Invoice": that type's policy decides who reads the document. */
  entityType: string;
  /** The record's TypeORM entity (class or entity name) when its name differs from `entityType`. */
  entity?: Function | string;
  /** How the document is named in the activity log until it has a file name, e.g. "Invoice PDF". */
  title?: string;
  /** Render time limit for this kind (template and PDF together); DOCUMENT_RENDER_TIMEOUT_MS by default. */
  timeoutMs?: number;
  /**
   * The document's HTML, read with a system context (no caller: the job runs in the background).
   * Null when the record no longer exists, which fails the document for good. Text from records
   * must be HTML-escaped; scripts do not run and nothing is fetched from the network.
   */
  render(ctx: Context, entityId: string): Promise<RenderedHtml | null>;
}

const kinds = new Map<string, DocumentKind>();

/** Declares a kind of document; its name must be unique. Returns it, for `queue`. */
export function registerDocumentKind(kind: DocumentKind): DocumentKind {
  const known = kinds.get(kind.kind);
  if (known && known !== kind) throw new Error(`Document kind "${kind.kind}" is registered twice`);
  if (!/^[a-z][a-z0-9-]*$/.test(kind.kind)) throw new Error(`Document kind "${kind.kind}": use lower-case letters, digits and dashes`);
  kinds.set(kind.kind, kind);
  return kind;
}

/** Removes a kind (tests that declare their own). */
export function unregisterDocumentKind(name: string): void {
  kinds.delete(name);
}

export function documentKind(name: string): DocumentKind | undefined {
  return kinds.get(name);
}

/** The label of a document's activity entries. */
export function documentLabel(kind: DocumentKind | undefined, doc: { kind: string; filename: string | null }): string {
  return doc.filename ?? kind?.title ?? `${doc.kind} document`;
}
