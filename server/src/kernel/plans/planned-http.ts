import { randomUUID } from 'node:crypto';
import { IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { DocumentNode } from 'graphql';
import type { Principal } from '../auth/principal';
import { newRequestScope, requestScope, requestScopeTracked } from '../http/request-context';
import type { PlannedQueries, PlannedRequest } from './planned-queries';

export interface FrontDoorOptions {
  planned: PlannedQueries;
  /** The largest body accepted, as the regular path's body parser has it. */
  bodyLimit: number;
  /** Headers every response carries. */
  headers: [string, string][];
  /** The request checks the regular path runs first (they throw on refusal); returns the parsed document. */
  check(body: PlannedRequest['body']): DocumentNode | undefined;
  /** The regular path (Express, then Apollo). */
  next: RequestListener;
}

const JSON_CONTENT = /^application\/json\s*(;\s*charset="?utf-8"?\s*)?$/i;

/** What the regular path is handed (as `res.locals`) with a request the front door read but did not answer. */
interface HandedOver {
  requestId: string;
  /** The signed-in principal, when the planned path looked it up (Apollo's context then does not). */
  principal?: Principal | null;
}

/**
 * The HTTP server's first listener. A request that can be a planned query (a signed-in POST of
 * JSON to /graphql) is read and answered here, before Express: its routing, body parser and
 * response helpers cost about a third of the process's time for a planned list. Everything else,
 * and every request a plan does not answer, goes to the regular path unchanged: with its parsed
 * body and the principal if it was looked up, or — when the body is not a JSON object — with the
 * bytes as they came, so that path refuses it exactly as it always has.
 */
export function plannedFrontDoor(opts: FrontDoorOptions): RequestListener {
  return (req, res) => {
    const h = req.headers;
    const length = Number(h['content-length']);
    const contentType = responseType(h.accept);
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      typeof h.authorization !== 'string' ||
      !contentType ||
      !JSON_CONTENT.test(h['content-type'] ?? '') ||
      (h['content-encoding'] ?? 'identity').toLowerCase() !== 'identity' ||
      !(length > 0 && length <= opts.bodyLimit)
    ) {
      return opts.next(req, res);
    }
    const header = h['x-request-id'];
    const requestId = (typeof header === 'string' && header.slice(0, 100)) || randomUUID();
    const serve = () =>
      readBody(req, length).then(
        (raw) => handle(opts, req, res, raw, requestId, contentType),
        () => res.destroy(), // the client went away mid-body
      );
    if (requestScopeTracked()) requestScope.run(newRequestScope(requestId), serve);
    else void serve();
  };
}

async function handle(opts: FrontDoorOptions, req: IncomingMessage, res: ServerResponse, raw: Buffer, requestId: string, contentType: string) {
  let body: PlannedRequest['body'];
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an operation');
    body = parsed as PlannedRequest['body'];
  } catch {
    return opts.next(replay(req, raw), res);
  }
  const locals: HandedOver = { requestId };
  try {
    const document = opts.check(body);
    const outcome = await opts.planned.attempt({ req, requestId, body, document });
    if (outcome.text !== undefined) {
      res.writeHead(200, [
        ['content-type', contentType],
        ['content-length', String(Buffer.byteLength(outcome.text))],
        ['x-request-id', requestId],
        ...opts.headers,
      ]);
      res.end(outcome.text);
      return;
    }
    if (outcome.principal !== undefined) locals.principal = outcome.principal;
  } catch {
    // Refused by the request checks: the regular path runs them again and reports the refusal.
  }
  (req as IncomingMessage & { body?: unknown }).body = body;
  (res as ServerResponse & { locals?: unknown }).locals = Object.assign(Object.create(null) as object, locals);
  opts.next(req, res);
}

function readBody(req: IncomingMessage, length: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    req.on('end', () => (size === length ? resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size)) : reject(new Error('length'))));
    req.on('error', reject);
    req.on('close', () => reject(new Error('closed'))); // no effect once resolved
  });
}

/** A request carrying the same head and the bytes already read, for the regular path's body parser. */
function replay(req: IncomingMessage, raw: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(raw);
  copy.push(null);
  // Complete, as the original is: otherwise its destruction once read would count as an abort and
  // take the connection down with it.
  copy.complete = true;
  return copy;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
// Accept headers clients commonly send, with the type Apollo's negotiation picks for each.
const ACCEPTED: Record<string, string> = {
  '*/*': JSON_TYPE,
  'application/json': JSON_TYPE,
  'application/json,*/*': JSON_TYPE,
  'application/json,text/plain,*/*': JSON_TYPE,
  'application/graphql-response+json': GRAPHQL_RESPONSE_TYPE,
  'application/graphql-response+json,application/json;q=0.9': GRAPHQL_RESPONSE_TYPE,
};

/** The response type Apollo would choose for these Accept headers; null leaves any other header to Apollo. */
function responseType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  return ACCEPTED[accept.replace(/\s+/g, '').toLowerCase()] ?? null;
}
