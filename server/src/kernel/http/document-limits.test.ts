import { gql, GqlResponse } from '../../../test/client';
import { clientAs } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { connectedSocket, disposeSockets, runOverSocket, SocketResult, useWsServer } from '../../../test/ws';

// Documents built to make validation work far more than their size: each is refused (or checked)
// in time proportional to its size, with a message naming the limit.
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

/** Nine fragments, each spreading the next one `times` times, the last one a single field. */
function fragmentChain(times: number, fragments = 9): string {
  const defs = Array.from(
    { length: fragments },
    (_, i) =>
      `fragment F${i} on Query { ${Array(times)
        .fill(`...F${i + 1}`)
        .join(' ')} }`,
  );
  return `{ ...F0 }\n${defs.join('\n')}\nfragment F${fragments} on Query { __typename }`;
}

/** The median time of three runs of `send` after a first one (warming up), with the last result. */
async function timed<T>(send: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const times: number[] = [];
  let result = await send();
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    result = await send();
    times.push(performance.now() - start);
  }
  return { ms: times.sort((a, b) => a - b)[1], result };
}

function expectRefused(res: GqlResponse, message: RegExp): void {
  expect(res.status).toBe(400);
  expect(res.data).toBeUndefined();
  expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(res.errors![0].message).toMatch(message);
}

const LIMIT_MESSAGE = /cost limit of 50000|fragment spreads limit of 100/i;

/**
 * The bound separates work linear in the document from the blow-up it is built to cause: walked out,
 * nine fragments spreading the next 8 times are 8⁹ ≈ 134 million spreads, and 10,000 repeats of a
 * field compared pairwise 50 million comparisons (seconds to minutes of CPU). A loaded test machine
 * takes over 100 ms for any request, so the bound is not tighter than that.
 */
const AT_ONCE_MS = 1_000;

describe('fragments that spread each other', () => {
  it('are refused at once, anonymously: nine fragments spreading the next 8 or 16 times', async () => {
    for (const times of [8, 16]) {
      const query = fragmentChain(times);
      expect(query.length).toBeLessThan(1500);
      const { ms, result } = await timed(() => gql(server.url, query));
      expectRefused(result, LIMIT_MESSAGE);
      expect(ms).toBeLessThan(AT_ONCE_MS);
    }
  });

  it('are refused at once over graphql-ws', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const client = await connectedSocket(rep.token!);
    for (const times of [8, 16]) {
      const { ms, result } = await timed(() => runOverSocket(client, fragmentChain(times)));
      expect(result.data).toBeUndefined();
      expect(codes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(result.errors![0].message).toMatch(LIMIT_MESSAGE);
      expect(ms).toBeLessThan(AT_ONCE_MS);
    }
    expect((await runOverSocket(client, `{ me { id } }`)).data).toEqual({ me: { id: rep.user.id } });
  });

  it('cost what their fields would cost written inline, multiplied by the pages around each spread', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const inline = `{ accounts(first: 100) { edges { node { id name deals(first: 100) { edges { node { id name amount stage } } } } } } }`;
    const viaFragments = `{ accounts(first: 100) { edges { node { ...A } } } }
      fragment A on Account { id name deals(first: 100) { edges { node { ...D } } } }
      fragment D on Deal { id name ...M }
      fragment M on Deal { amount stage }`;
    // 1 + 100 × (edges 1 + node (1 + id + name + deals (1 + 100 × (edges 1 + node 5))))
    for (const query of [inline, viaFragments]) expectRefused(await manager.request(query), /this query costs 60501 /);
    const twice = `{ a: accounts(first: 10) { nodes { ...N } } b: accounts(first: 10) { nodes { ...N } } } fragment N on Account { id name }`;
    expect((await manager.request(twice)).errors).toBeUndefined();
  });

  it('may be spread 100 times in a request, not 101', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const spreads = (n: number) => `{ me { ${Array(n).fill('...U').join(' ')} } } fragment U on User { id }`;
    const ok = await rep.request(spreads(100));
    expect(ok.status).toBe(200);
    expect(ok.data).toEqual({ me: { id: rep.user.id } });
    expectRefused(await rep.request(spreads(101)), /fragment spreads limit of 100 exceeded/i);
  });

  it('that form a cycle are refused as invalid', async () => {
    const res = await gql(server.url, `{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A ...A }`);
    expect(res.status).toBe(400);
    expect(new Set(codes(res))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    expect(res.errors!.map((e) => e.message).join(' ')).toMatch(/cannot spread fragment "A" within itself/i);
  });

  it('refuses a chain of thousands of fragments with a 400 instead of overflowing the stack', async () => {
    // As many as fit under the body limit, with the shortest names there are.
    const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const chars = `${letters}0123456789_`;
    const name = (index: number) => {
      let i = index;
      let width = 0;
      while (i >= letters.length * chars.length ** width) i -= letters.length * chars.length ** width++;
      let tail = '';
      for (let k = 0; k < width; k++, i = Math.floor(i / chars.length)) tail = chars[i % chars.length] + tail;
      return letters[i] + tail;
    };
    const names = Array.from({ length: 4002 }, (_, i) => name(i)).filter((n) => n !== 'on'); // "on" cannot name a fragment
    let query = `{...${names[0]}}`;
    for (let i = 0; i < names.length - 1; i++) query += `fragment ${names[i]} on Job{...${names[i + 1]}}`;
    query += `fragment ${names[names.length - 1]} on Job{id}`;
    expect(query.length).toBeLessThan(100 * 1024);
    expectRefused(await gql(server.url, query), /fragment spreads limit of 100 exceeded/i);
  });
});

describe('repeated fields', () => {
  it('allow one response key 10 times at one place, counting inline fragments and repeated parents', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const ok = await rep.request(`{ me { ${Array(5).fill('id').join(' ')} ... on User { ${Array(5).fill('id').join(' ')} } } }`);
    expect(ok.data).toEqual({ me: { id: rep.user.id } });
    const refused = [
      `{ me { ${Array(11).fill('id').join(' ')} } }`,
      `{ me { ${Array(6).fill('id').join(' ')} ... on User { ${Array(5).fill('id').join(' ')} } } }`,
      `{ ${Array(6).fill('me { id id }').join(' ')} }`, // 12 ids under the merged `me`
      `{ ${Array(11).fill('x: __typename').join(' ')} }`,
    ];
    for (const query of refused) expectRefused(await rep.request(query), /field repeats limit of 10 exceeded/i);
  });

  it('near the body limit are refused at once instead of being compared pairwise', async () => {
    const query = `{ ${'me { id } '.repeat(10_000)} }`;
    expect(query.length).toBeLessThan(100 * 1024);
    const { ms, result } = await timed(() => gql(server.url, query));
    expectRefused(result, /field repeats limit of 10 exceeded: "me" is selected 10000 times/i);
    expect(ms).toBeLessThan(AT_ONCE_MS);
  });
});

describe('over graphql-ws', () => {
  it('applies the shape limits to operations sent over a socket', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const client = await connectedSocket(rep.token!);
    const results: SocketResult[] = [
      await runOverSocket(client, `{ me { ${Array(101).fill('...U').join(' ')} } } fragment U on User { id }`),
      await runOverSocket(client, `{ me { ${Array(11).fill('id').join(' ')} } }`),
    ];
    expect(results.map((r) => [codes(r), r.errors?.[0].message.match(/(\w+ \w+) limit of (\d+)/i)?.slice(1)])).toEqual([
      [['GRAPHQL_VALIDATION_FAILED'], ['Fragment spreads', '100']],
      [['GRAPHQL_VALIDATION_FAILED'], ['Field repeats', '10']],
    ]);
  });
});
