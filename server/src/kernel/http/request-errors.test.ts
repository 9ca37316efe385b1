import { gql, GqlResponse } from '../../../test/client';
import { clientAs } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { connectedSocket, disposeSockets, runOverSocket, useWsServer } from '../../../test/ws';

// Whatever a client sends, errors about the request itself carry a client code (never
// INTERNAL_SERVER_ERROR), over HTTP and over graphql-ws alike.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  useWsServer(server);
});
afterAll(async () => {
  await disposeSockets();
  await server.stop();
});

const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);
const CREATE_ACCOUNTS = `mutation($inputs: [CreateAccountInput!]!) { createAccounts(inputs: $inputs) { numErrors } }`;
const sixtyBadItems = Array.from({ length: 60 }, (_, i) => ({ name: i }));

/** Every error of `res` has `code`; no data. */
function expectAll(res: { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }, code: string, count?: number): void {
  expect(res.data ?? undefined).toBeUndefined();
  expect(res.errors?.length).toBeGreaterThan(0);
  if (count !== undefined) expect(res.errors).toHaveLength(count);
  expect(new Set(codes(res))).toEqual(new Set([code]));
}

describe('more invalid values than graphql-js reports', () => {
  it('in variables: each reported item and the cut-off are BAD_USER_INPUT with field paths, anonymously', async () => {
    const res = await gql(server.url, CREATE_ACCOUNTS, { inputs: sixtyBadItems });
    expect(res.status).toBe(400);
    expectAll(res, 'BAD_USER_INPUT', 51); // 50 values, then graphql-js stops
    expect(res.errors![0].extensions!.fields).toEqual([{ path: ['inputs', 0, 'name'], message: expect.stringMatching(/String cannot represent/) }]);
    expect(res.errors![50]).toMatchObject({
      message: expect.stringMatching(/too many errors/i),
      extensions: { fields: [{ path: ['variables'], message: expect.any(String) }] },
    });
  });

  it('as literals: every validation error and the cut-off are GRAPHQL_VALIDATION_FAILED', async () => {
    const literal = `mutation { createAccounts(inputs: [${sixtyBadItems.map((i) => `{ name: ${i.name}, creditLimit: true }`).join(', ')}]) { numErrors } }`;
    const res = await gql(server.url, literal);
    expect(res.status).toBe(400);
    expectAll(res, 'GRAPHQL_VALIDATION_FAILED', 101); // 100 errors, then validation stops
    expect(res.errors![100].message).toMatch(/too many validation errors/i);
  });

  it('over graphql-ws, both ways', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const client = await connectedSocket(rep.token!);
    const viaVariables = await runOverSocket(client, CREATE_ACCOUNTS, { inputs: sixtyBadItems });
    expectAll(viaVariables, 'BAD_USER_INPUT', 51);
    expect(viaVariables.errors![0].extensions!.fields).toEqual([{ path: ['inputs', 0, 'name'], message: expect.any(String) }]);
    const viaLiterals = await runOverSocket(client, `{ ${Array.from({ length: 120 }, (_, i) => `x${i}`).join(' ')} }`);
    expectAll(viaLiterals, 'GRAPHQL_VALIDATION_FAILED', 101);
    // The socket is still in service.
    expect((await runOverSocket(client, `{ me { id } }`)).data).toEqual({ me: { id: rep.user.id } });
  });
});

describe('bad variables and arguments', () => {
  it('over graphql-ws: wrong types, missing and null values are BAD_USER_INPUT with the variable path', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const client = await connectedSocket(rep.token!);
    const CREATE = `mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`;
    for (const [variables, path] of [
      [{ input: { name: 'x', accountId: 'y', stage: 'NOPE' } }, ['input', 'stage']],
      [{}, ['input']],
      [{ input: null }, ['input']],
      [{ input: { name: 7, accountId: 'y' } }, ['input', 'name']],
    ] as const) {
      const res = await runOverSocket(client, CREATE, variables);
      expect(res.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', fields: [{ path, message: expect.any(String) }] } })]);
    }
  });

  it('an explicit null for a non-null argument through a defaulted variable is BAD_USER_INPUT at the argument', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const query = `query($id: ID = "00000000-0000-4000-8000-000000000000") { account(id: $id) { id } }`;
    const res = await rep.request(query, { id: null });
    expect(res.errors).toEqual([
      expect.objectContaining({
        path: ['account'],
        extensions: { code: 'BAD_USER_INPUT', fields: [{ path: ['id'], message: expect.stringMatching(/must not be null/) }] },
      }),
    ]);
    const client = await connectedSocket(rep.token!);
    expect(codes(await runOverSocket(client, query, { id: null }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('documents graphql-ws cannot run', () => {
  it('get a coded error and leave the socket open: syntax errors, unknown or unnamed operations', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const client = await connectedSocket(rep.token!);
    const cases: [string, string | undefined, string, RegExp][] = [
      [`{ me { id `, undefined, 'GRAPHQL_PARSE_FAILED', /syntax error/i],
      [`query A { me { id } } query B { me { name } }`, undefined, 'OPERATION_RESOLUTION_FAILURE', /operationName/],
      [`query A { me { id } }`, 'B', 'OPERATION_RESOLUTION_FAILURE', /Unknown operation named "B"/],
    ];
    for (const [query, operationName, code, message] of cases) {
      const res = await runOverSocket(client, query, undefined, operationName);
      expect(res.closed).toBeUndefined();
      expect(res.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(message), extensions: { code } })]);
    }
    expect((await runOverSocket(client, `query A { me { id } } query B { me { name } }`, undefined, 'B')).data).toEqual({ me: { name: rep.user.name } });
  });
});

describe('over HTTP', () => {
  it('a document with several operations and no name is refused with a client code', async () => {
    const res: GqlResponse = await gql(server.url, `query A { __typename } query B { __typename }`);
    expect(res.status).toBe(400);
    expect(codes(res)).toEqual(['OPERATION_RESOLUTION_FAILURE']);
  });
});
