import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { clientAs, createAccount, createApiKeyRow, createDeal, createUser, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

// Odd but possible inputs get coded errors, never INTERNAL_SERVER_ERROR.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe('malformed values', () => {
  it('treats a non-UUID id like a missing record', async () => {
    const admin = await clientAs(server, 'ADMIN');
    expect(await admin.code(`mutation { updateUser(id: "nope", input: { name: "x" }) { id } }`)).toBe('NOT_FOUND');
    expect(await admin.code(`mutation { revokeApiKey(id: "nope") { id } }`)).toBe('NOT_FOUND');
  });

  it('checks money and date filter values by type', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    for (const [q, path] of [
      [`{ accounts(filter: { creditLimit: { eq: "abc" } }) { totalCount } }`, ['filter', 'creditLimit', 'eq']],
      [`{ deals(filter: { amount: { in: ["1", "x"] } }) { totalCount } }`, ['filter', 'amount', 'in']],
      [`{ deals(filter: { amount: { gt: "1e999999" } }) { totalCount } }`, ['filter', 'amount', 'gt']],
      [`{ deals(filter: { expectedCloseDate: { lt: "0000-01-01" } }) { totalCount } }`, ['filter', 'expectedCloseDate', 'lt']],
    ] as const) {
      const res = await manager.request(q);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path }] });
    }
  });

  it('refuses year 0 in date inputs', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const res = await rep.request(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, {
      input: { name: 'Old', accountId: account.id, expectedCloseDate: '0000-01-01' },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'expectedCloseDate'] }] });
  });

  it('refuses NUL characters in variables and in query literals before execution', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const viaVariables = await rep.request(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
      input: { name: 'bad\u0000name' },
    });
    expect(viaVariables.status).toBe(400);
    expect(viaVariables.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['variables', 'input', 'name'] }] });
    const viaLiteral = await rep.request(`{ accounts(filter: { name: { eq: "a\\u0000b" } }) { totalCount } }`);
    expect(viaLiteral.status).toBe(400);
    expect(code(viaLiteral)).toBe('BAD_USER_INPUT');
  });

  it('refuses absurdly nested inputs instead of overflowing the stack', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    let filter: Record<string, unknown> = { name: { eq: 'x' } };
    for (let i = 0; i < 3000; i++) filter = { not: filter };
    const res = await rep.request(`query($f: AccountFilter) { accounts(filter: $f) { totalCount } }`, { f: filter });
    expect(res.status).toBe(400);
    expect(code(res)).toBe('BAD_USER_INPUT');
  });

  it('gives BAD_USER_INPUT from variable coercion the field path', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const res = await rep.request(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, {
      input: { name: 'x', accountId: 'y', stage: 'NOPE' },
    });
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'stage'] }] });
  });

  it('treats an empty cursor as a bad cursor', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    expect(await rep.code(`{ accounts(after: "") { totalCount } }`)).toBe('BAD_USER_INPUT');
  });
});

describe('protocol misuse', () => {
  it('answers a subscription sent over HTTP with a 400 pointing to graphql-ws', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const res = await rep.request(`subscription { activityLogged { id } }`);
    expect(res.status).toBe(400);
    expect(code(res)).toBe('BAD_REQUEST');
  });

  it('does not take automatic persisted queries', async () => {
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }),
    });
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  });

  it('closes a socket that sends a message over the body limit', async () => {
    const user = await createUser(server.ds);
    const key = await createApiKeyRow(server.ds, user.id);
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const closed = await new Promise<number>((resolve) => {
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { Authorization: `Bearer ${key.secret}` },
        retryAttempts: 0,
      });
      client.subscribe(
        { query: `query { me { id } }`, variables: { pad: 'x'.repeat(200 * 1024) } },
        {
          next: () => undefined,
          error: (e) => {
            resolve((e as { code?: number }).code ?? -1);
            void client.dispose();
          },
          complete: () => resolve(0),
        },
      );
    });
    expect(closed).toBe(1009); // "message too big"
    // A client's fault, not reported as an internal error on the server's console.
    await new Promise((r) => setTimeout(r, 100));
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });
});

describe('writes', () => {
  it('accepts allOrNone: null as false', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const res = await rep.ok(`mutation { createAccounts(inputs: [{ name: "${tag('Batch')}" }], allOrNone: null) { numErrors results { record { id } } } }`);
    expect(res.createAccounts.numErrors).toBe(0);
  });

  it('writes nothing for an update that changes nothing, yet still reports a stale version', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const name = tag('Same');
    const account = await createAccount(server.ds, rep.user.id, { name });
    const UPDATE = `mutation($id: ID!, $v: Int) { updateAccount(id: $id, input: { name: "${name}" }, expectedVersion: $v) { version } }`;
    expect((await rep.ok(UPDATE, { id: account.id, v: 1 })).updateAccount.version).toBe(1);
    expect(await rep.code(UPDATE, { id: account.id, v: 7 })).toBe('CONFLICT');
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM "activity_log" WHERE "entityId" = $1 AND "action" = 'UPDATED'`, [account.id]);
    expect(n).toBe(0);
  });

  it('refuses blank names for users and API keys', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const user = await admin.request(
      `mutation { createUser(input: { email: "${tag('u')}@example.com", name: "   ", role: SALES_REP, password: "long enough password" }) { id } }`,
    );
    expect(user.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'name'] }] });
    const key = await admin.request(`mutation { createApiKey(input: { name: "   " }) { secret } }`);
    expect(key.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'name'] }] });
  });

  it('lists each hit once when search types repeat', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const word = `dup${Date.now().toString(36)}`;
    await createDeal(server.ds, manager.user.id, { name: `${word} deal` });
    const { search } = await manager.ok(`{ search(query: "${word}", types: [DEAL, DEAL]) { score } }`);
    expect(search).toHaveLength(1);
  });
});

describe('operations over an open socket', () => {
  it('follow a role change: a demoted manager stops seeing other people’s records', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const rep = await clientAs(server, 'SALES_REP');
    const deal = await createDeal(server.ds, rep.user.id);
    // lazy: false keeps one socket open across operations (the point of this test).
    const client = createClient({
      url: server.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { Authorization: `Bearer ${manager.token}` },
      retryAttempts: 0,
      lazy: false,
    });
    let connects = 0;
    client.on('connected', () => connects++);
    const run = (query: string) =>
      new Promise<Record<string, any>>((resolve, reject) => {
        let data: Record<string, any> = {};
        client.subscribe(
          { query },
          {
            next: (r) => {
              data = r.data as Record<string, any>;
            },
            error: reject,
            complete: () => resolve(data),
          },
        );
      });
    try {
      expect((await run(`{ deal(id: "${deal.id}") { id } }`)).deal).toEqual({ id: deal.id });
      expect((await run(`{ me { role } }`)).me.role).toBe('SALES_MANAGER');
      await admin.ok(`mutation { updateUser(id: "${manager.user.id}", input: { role: SALES_REP }) { role } }`);
      const deadline = Date.now() + 9000;
      while ((await run(`{ me { role } }`)).me.role !== 'SALES_REP' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      expect((await run(`{ deal(id: "${deal.id}") { id } }`)).deal).toBeNull();
      expect(connects).toBe(1);
    } finally {
      await client.dispose();
    }
  });
});

describe('response headers', () => {
  const HSTS = 'max-age=31536000; includeSubDomains';
  // Every kind of response: GraphQL results and errors, health checks, webhooks, refused bodies, 404s.
  const requests = (base: string): [string, () => Promise<Response>][] => [
    [
      'a GraphQL result',
      () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) }),
    ],
    [
      'a GraphQL validation error',
      () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) }),
    ],
    ['a malformed body', () => fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' })],
    ['/healthz', () => fetch(`${base}/healthz`)],
    ['/readyz', () => fetch(`${base}/readyz`)],
    [
      'a webhook refusal',
      () =>
        fetch(`${base}/webhooks/twilio/status`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'MessageSid=SM1' }),
    ],
    ['a 404', () => fetch(`${base}/no-such-path`, { headers: { accept: 'application/json' } })],
  ];

  /** The headers of the WebSocket upgrade response (101) for the GraphQL socket. */
  const upgradeHeaders = (graphqlUrl: string) =>
    new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      const socket = new WebSocket(graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
      socket.once('upgrade', (res) => {
        resolve(res.headers);
        socket.close();
      });
      socket.once('error', reject);
    });

  it('sends nosniff on the WebSocket upgrade too, and HSTS there when the public URL is https', async () => {
    const plain = await upgradeHeaders(server.url);
    expect([plain['x-content-type-options'], plain['strict-transport-security']]).toEqual(['nosniff', undefined]);
    const https = await startTestServer({ PUBLIC_URL: 'https://crm.converge.test' });
    try {
      const secured = await upgradeHeaders(https.url);
      expect([secured['x-content-type-options'], secured['strict-transport-security']]).toEqual(['nosniff', HSTS]);
    } finally {
      await https.stop();
    }
  });

  it('sends nosniff on every response, and no HSTS without an https public URL', async () => {
    const base = server.url.replace(/\/graphql$/, '');
    for (const [label, send] of requests(base)) {
      const res = await send();
      await res.arrayBuffer();
      expect([label, res.headers.get('x-content-type-options')]).toEqual([label, 'nosniff']);
      expect([label, res.headers.get('strict-transport-security')]).toEqual([label, null]);
    }
  });

  it('sends HSTS on every response when the public URL is https', async () => {
    const https = await startTestServer({ PUBLIC_URL: 'https://crm.converge.test' });
    try {
      const base = https.url.replace(/\/graphql$/, '');
      const statuses: number[] = [];
      for (const [label, send] of requests(base)) {
        const res = await send();
        await res.arrayBuffer();
        statuses.push(res.status);
        expect([label, res.headers.get('strict-transport-security'), res.headers.get('x-content-type-options')]).toEqual([label, HSTS, 'nosniff']);
      }
      expect(statuses).toEqual([200, 400, 400, 200, 200, 403, 404]);
    } finally {
      await https.stop();
    }
  });
});
