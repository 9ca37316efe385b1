import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { clientAs, createAccount, tag } from '../../../test/factories';
import type { Client } from '../../../test/client';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements } from '../../../test/sql-counter';

// The front door answers planned queries before Express. Whatever it does not answer must reach the
// regular path exactly as if it had not been there: each request below goes to a server with plans
// and to one without, and the two responses (status, body, the headers that matter) must be equal.

let planned: TestServer;
let plain: TestServer;
let manager: Client;
let t: string;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

beforeAll(async () => {
  planned = await startTestServer();
  plain = await startTestServer({ QUERY_PLANS: 'false' });
  manager = await clientAs(planned, 'SALES_MANAGER');
  t = tag('door');
  await createAccount(planned.ds, manager.user.id, { name: `${t} one` });
});
afterAll(async () => {
  agent.destroy();
  await planned?.stop();
  await plain?.stop();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Sends raw bytes, on one kept-alive connection per server (a request handed on must leave it usable). */
function send(url: string, body: Buffer | string, headers: Record<string, string>, onRequest?: (req: http.ClientRequest) => void): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (onRequest) onRequest(req);
    else req.end(body);
  });
}

const signedIn = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', authorization: `Bearer ${manager.token}`, ...extra });
const comparable = (r: Raw) => ({
  status: r.status,
  body: r.body,
  type: r.headers['content-type'],
  nosniff: r.headers['x-content-type-options'],
  requestId: r.headers['x-request-id'],
});

let requests = 0;
async function same(body: Buffer | string, given: Record<string, string>): Promise<Raw> {
  const headers = { 'x-request-id': `door-${++requests}`, ...given };
  const a = await send(planned.url, body, headers);
  const b = await send(plain.url, body, headers);
  expect(comparable(a)).toEqual(comparable(b));
  return a;
}

describe('the planned queries front door', () => {
  it('answers a planned query with the headers the regular path sends', async () => {
    const query = JSON.stringify({
      query: `query($t: String!) { accounts(first: 5, filter: { name: { startsWith: $t } }) { nodes { name } } }`,
      variables: { t },
    });
    const a = await same(query, signedIn({ 'x-request-id': 'door-first' }));
    expect(JSON.parse(a.body)).toEqual({ data: { accounts: { nodes: [{ name: `${t} one` }] } } });
    expect(a.headers['x-request-id']).toBe('door-first');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    // Answered by the plan: one statement (the session, seen before, re-checked inside it).
    const { statements } = await countStatements(() => send(planned.url, query, signedIn()));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/ AS "session", json_build_array\(/);
  });

  it('hands on bodies that are not one JSON object, byte for byte, and the connection stays usable', async () => {
    for (const body of [
      '{"query": ',
      'null',
      '"text"',
      '42',
      '[{"query":"{ __typename }"}]',
      ' {"query":"{ __typename }"} ',
      '{}',
      '\ufeff{"query":"{ __typename }"}',
    ]) {
      const a = await same(body, signedIn());
      expect(a.status).toBeLessThan(500);
    }
    // The same kept-alive connection then answers a planned query.
    const ok = await send(planned.url, JSON.stringify({ query: '{ accounts(first: 1) { nodes { id } } }' }), signedIn());
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).data.accounts.nodes).toHaveLength(1);
  });

  it('hands on what a plan does not answer: refused checks, bad arguments, unplanned fields, other encodings and types', async () => {
    const cases: [Buffer | string, Record<string, string>][] = [
      [JSON.stringify({ query: '{ accounts(first: 1) { nodes { id } } }', variables: { x: 'a\u0000b' } }), signedIn()],
      [JSON.stringify({ query: '{ accounts(first: -1) { nodes { id } } }' }), signedIn()],
      [JSON.stringify({ query: '{ accounts(first: 1, after: "forged") { nodes { id } } }' }), signedIn()],
      [JSON.stringify({ query: '{ accounts(first: 1) { nodes { id nope } } }' }), signedIn()],
      [JSON.stringify({ query: '{ me { id } accounts(first: 1) { nodes { id } } }', operationName: 7 }), signedIn()],
      [JSON.stringify({ query: '{ accounts(first: 1) { nodes { id } } }' }), signedIn({ authorization: 'Bearer not-a-session' })],
      [JSON.stringify({ query: '{ accounts(first: 1) { nodes { id } } }' }), signedIn({ accept: 'text/html' })],
      [JSON.stringify({ query: '{ accounts(first: 1) { totalCount } }' }), signedIn({ 'content-type': 'text/plain' })],
      [gzipSync(JSON.stringify({ query: '{ accounts(first: 1) { totalCount } }' })), signedIn({ 'content-encoding': 'gzip' })],
      [JSON.stringify({ query: `{ __typename }`, padding: 'x'.repeat(101 * 1024) }), signedIn()],
    ];
    for (const [body, headers] of cases) await same(body, headers);
  });

  it('passes the principal it looked up on to the regular path: statements as without plans', async () => {
    // A rep reading owners' emails is a rule the row decides: the plan looks the session up, then hands on.
    const rep = await clientAs(planned, 'SALES_REP');
    const query = JSON.stringify({ query: '{ deals(first: 2) { nodes { id owner { email } } } }' });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${rep.token}` };
    const a = await countStatements(() => send(planned.url, query, headers));
    const b = await countStatements(() => send(plain.url, query, headers));
    expect(a.result.body).toBe(b.result.body);
    expect(a.count).toBe(b.count);
  });

  it('survives a client that leaves in the middle of its body', async () => {
    const body = JSON.stringify({ query: '{ accounts(first: 1) { nodes { id } } }' });
    const gone = await send(planned.url, body, signedIn(), (req) => {
      req.write(body.slice(0, 10));
      setTimeout(() => req.destroy(), 50);
    }).catch((err: Error) => err);
    expect(gone).not.toHaveProperty('status'); // no answer: the request failed on the client's side
    const after = await send(planned.url, JSON.stringify({ query: '{ accounts(first: 1) { nodes { id } } }' }), signedIn());
    expect(after.status).toBe(200);
  });
});
