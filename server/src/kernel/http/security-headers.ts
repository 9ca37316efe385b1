import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Headers every response carries (API, health checks, webhooks, errors and 404s alike, and the
 * WebSocket upgrade): no MIME sniffing, and HSTS when the public URL is https, so browsers never
 * fall back to plain HTTP.
 */
export function securityHeaderPairs(publicUrl: string | undefined): [string, string][] {
  const pairs: [string, string][] = [['X-Content-Type-Options', 'nosniff']];
  if (/^https:\/\//i.test(publicUrl ?? '')) pairs.push(['Strict-Transport-Security', 'max-age=31536000; includeSubDomains']);
  return pairs;
}

export function securityHeaders(publicUrl: string | undefined): RequestHandler {
  const pairs = securityHeaderPairs(publicUrl);
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of pairs) res.setHeader(name, value);
    next();
  };
}
