import { getIntrospectionQuery } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, GqlResponse } from '../../../test/client';
import { clientAs, createDeal, createInteraction, createSession, createUser } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const codes = (res: GqlResponse) => (res.errors ?? []).map((e) => e.extensions?.code);
const baseUrl = (s: TestServer) => s.url.replace(/\/graphql$/, '');

/** Asserts a request refused before execution: HTTP 400, one error with `code` whose message matches. */
function expectRefused(res: GqlResponse, code: string, message: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(codes(res)).toEqual([code]);
  expect(res.errors![0].message).toMatch(message);
}

/** Raw HTTP, for what the JSON client cannot send (oversized, malformed, batched, GET). */
async function raw(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(baseUrl(server) + path, init);
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}
const postJson = (body: string) => raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('query depth', () => {
  const depth8 = `{ deals(first: 1) { edges { node { account { deals(first: 1) { edges { node { name } } } } } } } }`;
  const depth9 = `{ deals(first: 1) { edges { node { account { deals(first: 1) { edges { node { account { name } } } } } } } } }`;

  it('accepts the contract’s nested deals query and returns its data', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const deal = await createDeal(server.ds, rep.user.id);
    const interaction = await createInteraction(server.ds, rep.user.id, { dealId: deal.id });
    const res = await rep.request(
      `{ deals(first: 20) { edges { node { account { name } owner { name } interactions(first: 5) { edges { node { subject } } } } } } }`,
    );
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data.deals.edges).toEqual([
      {
        node: { account: { name: expect.any(String) }, owner: { name: rep.user.name }, interactions: { edges: [{ node: { subject: interaction.subject } }] } },
      },
    ]);
  });

  it('accepts depth 8 and refuses depth 9 with HTTP 400 naming the limit', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const ok = await manager.request(depth8);
    expect(ok.status).toBe(200);
    expect(ok.errors).toBeUndefined();
    expectRefused(await manager.request(depth9), 'GRAPHQL_VALIDATION_FAILED', /depth limit of 8/i);
  });

  it('counts fields inside fragments too', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const query = `{ deals(first: 1) { edges { node { ...Deep } } } }
      fragment Deep on Deal { account { deals(first: 1) { edges { node { ... on Deal { account { name } } } } } } }`;
    expectRefused(await manager.request(query), 'GRAPHQL_VALIDATION_FAILED', /depth limit of 8/i);
  });

  it('is checked before authentication', async () => {
    expectRefused(await gql(server.url, depth9), 'GRAPHQL_VALIDATION_FAILED', /depth limit of 8/i);
  });
});

describe('aliases', () => {
  const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: me { id }`).join(' ')} }`;

  it('accepts 15 aliases and refuses 16 with HTTP 400 naming the limit', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const ok = await rep.request(aliased(15));
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.data)).toHaveLength(15);
    expectRefused(await rep.request(aliased(16)), 'GRAPHQL_VALIDATION_FAILED', /aliases limit of 15/i);
  });

  it('counts aliases inside fragments too', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const query = `{ ${Array.from({ length: 8 }, (_, i) => `a${i}: me { id }`).join(' ')} ...More }
      fragment More on Query { ${Array.from({ length: 8 }, (_, i) => `b${i}: me { id }`).join(' ')} }`;
    expectRefused(await rep.request(query), 'GRAPHQL_VALIDATION_FAILED', /aliases limit of 15/i);
  });
});

describe('query cost', () => {
  const nested = (page: string) =>
    `{ accounts(first: ${page}) { edges { node { id name deals(first: ${page}) { edges { node { id name amount stage } } } } } } }`;

  it('refuses nested pages of 100 × 100 with HTTP 400 naming the cost limit', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    expectRefused(await manager.request(nested('100')), 'GRAPHQL_VALIDATION_FAILED', /cost limit of 50000/i);
  });

  it('accepts the same shape with small pages', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const res = await manager.request(nested('10'));
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
  });

  it('counts a page size given as a variable at its maximum, so variables cannot dodge the ceiling', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const query = `query($n: Int) { accounts(first: $n) { edges { node { id name deals(first: $n) { edges { node { id name amount stage } } } } } } }`;
    expectRefused(await manager.request(query, { n: 1 }), 'GRAPHQL_VALIDATION_FAILED', /cost limit of 50000/i);
  });
});

describe('request body', () => {
  const body = (padBytes: number) => JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(padBytes) } });

  it('refuses a body over 100 kB with HTTP 400 and a GraphQL error naming the limit', async () => {
    const res = await postJson(body(101 * 1024));
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].message).toMatch(/100 kB/);
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(res.body.errors[0].extensions.code);
  });

  it('accepts a body just under the limit', async () => {
    const res = await postJson(body(99 * 1024));
    expect(res).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('refuses an unparseable query with GRAPHQL_PARSE_FAILED', async () => {
    expectRefused(await gql(server.url, `{ me { id `), 'GRAPHQL_PARSE_FAILED', /syntax error/i);
  });

  it('refuses malformed JSON with HTTP 400', async () => {
    const res = await postJson('{"query": ');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses HTTP batches (arrays of operations)', async () => {
    const res = await postJson(JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].message).toMatch(/batching/i);
  });
});

describe('CSRF prevention', () => {
  const meViaGet = '/graphql?query=' + encodeURIComponent('{ me { id } }');

  it('refuses a simple GET without a preflight header', async () => {
    const user = await createUser(server.ds);
    const token = await createSession(server.ds, user.id);
    const res = await raw(meViaGet, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors[0].message).toMatch(/CSRF/);
  });

  it('refuses a text/plain POST, which a browser form could send cross-site', async () => {
    const res = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ me { id } }' }) });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/CSRF/);
  });

  it('serves a GET query that carries apollo-require-preflight, but never a mutation over GET', async () => {
    const user = await createUser(server.ds);
    const token = await createSession(server.ds, user.id);
    const headers = { 'apollo-require-preflight': 'true', authorization: `Bearer ${token}` };
    expect(await raw(meViaGet, { headers })).toEqual({ status: 200, body: { data: { me: { id: user.id } } } });

    const res = await raw('/graphql?query=' + encodeURIComponent('mutation { logout }'), { headers });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await raw(meViaGet, { headers })).body.data.me.id).toBe(user.id); // still signed in
  });
});

describe('health endpoints', () => {
  it('reports liveness and database readiness (Redis not configured: the live feed stays in-process)', async () => {
    expect(await raw('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await raw('/readyz')).toEqual({ status: 200, body: { status: 'ready', database: 'up', redis: 'disabled', feedPublisher: true } });
  });
});

describe('internal errors', () => {
  // A second server whose database connection is gone: every query fails inside the server.
  let broken: TestServer;
  beforeAll(async () => {
    broken = await startTestServer();
    await broken.ds.destroy();
  });
  afterAll(async () => {
    await broken.app.stop();
  });

  const expectMasked = (res: GqlResponse) => {
    const [error] = res.errors!;
    expect(res.errors).toHaveLength(1);
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.headers.get('x-request-id') });
    expect(error.message).toBe(`Internal server error (request ${res.headers.get('x-request-id')})`);
  };

  it('are masked in resolvers: no stack, no driver message, just the request id', async () => {
    const res = await gql(broken.url, `mutation { login(email: "someone@test.example", password: "whatever password") { token } }`);
    expect(res.status).toBe(200);
    expectMasked(res);
    expect(res.errors![0].path).toEqual(['login']);
  });

  it('are masked when resolving the caller fails', async () => {
    const res = await gql(broken.url, `{ me { id } }`, {}, 'cvs_sometoken');
    expectMasked(res);
  });

  it('make /readyz report the database down', async () => {
    const res = await fetch(baseUrl(broken) + '/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ database: 'down' });
  });
});

describe('introspection', () => {
  it('works outside production, full client query included', async () => {
    const res = await gql(server.url, getIntrospectionQuery());
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    expect(res.data.__schema.queryType.name).toBe('Query');
  });

  it('is refused in production', async () => {
    const prod = await startTestServer({ NODE_ENV: 'production' });
    try {
      for (const query of [`{ __schema { types { name } } }`, `{ __type(name: "User") { fields { name } } }`]) {
        const res = await gql(prod.url, query);
        expectRefused(res, 'GRAPHQL_VALIDATION_FAILED', /introspection/i);
      }
      expect((await gql(prod.url, `{ __typename }`)).data).toEqual({ __typename: 'Query' });
    } finally {
      await prod.stop();
    }
  });
});

describe('over graphql-ws', () => {
  /** Runs one operation over a socket signed in with `token`; resolves with its result or its errors. */
  async function overWs(target: TestServer, token: string, query: string): Promise<{ data?: any; errors?: any[] }> {
    const client = createClient({
      url: target.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      return await new Promise((resolve) => {
        let result: { data?: any; errors?: any[] } = {};
        client.subscribe(
          { query },
          {
            next: (r) => {
              result = r as typeof result;
            },
            error: (errors) => resolve({ errors: Array.isArray(errors) ? errors : [errors] }),
            complete: () => resolve(result),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }
  const signIn = async (target: TestServer) => createSession(target.ds, (await createUser(target.ds, { role: 'SALES_MANAGER' })).id);

  it('applies the depth, alias and cost limits to operations sent over the socket', async () => {
    const token = await signIn(server);
    const refused = [
      [`{ deals(first: 1) { edges { node { account { deals(first: 1) { edges { node { account { name } } } } } } } } }`, /depth limit of 8/i],
      [`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ')} }`, /aliases limit of 15/i],
      [`{ accounts(first: 100) { edges { node { id name deals(first: 100) { edges { node { id name amount stage } } } } } } }`, /cost limit of 50000/i],
    ] as const;
    for (const [query, message] of refused) {
      const res = await overWs(server, token, query);
      expect(res.data).toBeUndefined();
      expect(res.errors).toEqual([
        expect.objectContaining({ message: expect.stringMatching(message), extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
      ]);
    }
    expect(await overWs(server, token, `{ me { role } }`)).toEqual({ data: { me: { role: 'SALES_MANAGER' } } });
  });

  it('refuses introspection over the socket in production', async () => {
    const prod = await startTestServer({ NODE_ENV: 'production' });
    try {
      const res = await overWs(prod, await signIn(prod), `{ __schema { types { name } } }`);
      expect(res.data).toBeUndefined();
      expect(res.errors!.map((e) => e.extensions?.code)).toContain('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors![0].message).toMatch(/introspection/i);
    } finally {
      await prod.stop();
    }
  });
});
