export { Document, DocumentStatus } from './document.entity';
export { registerDocumentKind, documentKind, type DocumentKind, type RenderedHtml } from './document-kinds';
export { documentService, type QueueDocumentInput } from './document.service';
export { renderDocumentJob } from './document.job';
export { documentLink } from './document-link';
export { pdfRenderer, RenderTimeoutError } from './pdf-renderer';
export { documentsManifest } from './documents.manifest';
