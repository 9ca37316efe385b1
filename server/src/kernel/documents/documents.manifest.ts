import { defineModule } from '../modules/module-manifest';
import { isAuthenticated } from '../permissions/rules';
import { Document } from './document.entity';
import { renderDocumentJob } from './document.job';
import { DocumentResolver } from './document.resolver';
import { documentRoutes } from './document.routes';
import { pdfRenderer } from './pdf-renderer';

/** Rendered documents: their table, `document(id)`, the render job, signed downloads and the process's browser. */
export const documentsManifest = defineModule({
  name: 'documents',
  entities: [Document],
  resolvers: [DocumentResolver],
  rules: {
    Query: { document: isAuthenticated }, // scoped by the owning record's read policy in the service
    Document: { '*': isAuthenticated }, // reached only through scoped lookups
  },
  jobs: [renderDocumentJob as never],
  routes: (app, { ds }) => app.use(documentRoutes(ds)),
  stop: () => pdfRenderer.close(),
});
