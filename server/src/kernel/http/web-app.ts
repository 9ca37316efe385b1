import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

// Not the web app: API and operational paths keep their own 404s.
const RESERVED = /^\/(graphql|healthz|readyz|webhooks)(\/|$)/;

// X-Content-Type-Options is set on every response (security-headers.ts).
const SECURITY_HEADERS: Record<string, string> = {
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  // MUI's emotion injects <style> tags, hence 'unsafe-inline' for styles only.
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
};

/**
 * Serves the built web app from `dir` on the API's port: hashed assets cached for a year, and
 * `index.html` (never cached) for every other GET that is a client route.
 */
export function serveWebApp(app: Express, dir: string): void {
  const index = path.join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (RESERVED.test(req.path)) return next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    next();
  });
  app.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '365d', index: false }));
  // A missing asset (e.g. an old chunk after a deploy) is a 404, never index.html.
  app.use('/assets', (_req: Request, res: Response) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  app.get(/.*/, (req: Request, res: Response, next: NextFunction) => {
    if (RESERVED.test(req.path) || !req.accepts('html')) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The web app is not built yet: run `npm run build` (the API is at /graphql).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
