import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Headers every response carries (API, health checks, webhooks, errors and 404s alike): no MIME
 * sniffing, and HSTS when the public URL is https, so browsers never fall back to plain HTTP.
 */
export function securityHeaders(publicUrl: string | undefined): RequestHandler {
  const https = /^https:\/\//i.test(publicUrl ?? '');
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
