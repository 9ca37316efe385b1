import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { reader } from '../data/reader';
import { isUuid } from '../ids';
import { logger } from '../logger';
import { checkDocumentLink, DOCUMENTS_PATH } from './document-link';
import { DocumentStatus } from './document.entity';

/** `attachment` with an ASCII name for old clients and the exact UTF-8 name (RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

function refuse(res: Response, status: 403 | 404 | 500, message: string): void {
  res.status(status).type('text/plain').send(message);
}

/**
 * Document downloads through signed links (`document.url`): no session needed, so a browser can
 * follow the link directly. A wrong, tampered or expired signature is 403; a document that does
 * not exist (or is not ready) is 404.
 */
export function documentRoutes(ds: DataSource): Router {
  const router = express.Router();
  router.get(`${DOCUMENTS_PATH}/:id`, async (req: Request, res: Response) => {
    // Never kept by browsers or proxies: the file is private and the link expires.
    res.setHeader('Cache-Control', 'private, no-store');
    const id = String(req.params.id);
    try {
      if (!(await checkDocumentLink(ds, id, req.query.expires, req.query.sig))) return refuse(res, 403, 'This download link is invalid or has expired');
      const [row] = isUuid(id)
        ? await reader(ds).query(`SELECT "filename", "contentType", "content" FROM "documents" WHERE "id" = $1 AND "status" = $2 AND "content" IS NOT NULL`, [
            id,
            DocumentStatus.READY,
          ])
        : [];
      if (!row) return refuse(res, 404, 'No such document');
      const content = row.content as Buffer;
      res.status(200);
      res.setHeader('Content-Type', row.contentType);
      res.setHeader('Content-Disposition', attachment(row.filename ?? 'document.pdf'));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Length', String(content.length));
      res.end(content);
    } catch (err) {
      logger.error({ err, documentId: id }, 'document download failed');
      refuse(res, 500, 'Internal server error');
    }
  });
  return router;
}
