import { createHash, createHmac, randomUUID } from 'node:crypto';
import { clientAs, createAccount, tag } from '../../../test/factories';
import { openTestDataSource } from '../../../test/database';
import { startTestServer, type TestServer } from '../../../test/server';
import { serverSecret } from '../secrets/server-secrets';

// Cursors carry an HMAC with a server secret: clients cannot tamper with them or mint their own,
// and every instance of one deployment (and every restart) reads the others' cursors.
const ACCOUNTS = `query($first: Int, $after: String, $filter: AccountFilter) {
  accounts(first: $first, after: $after, filter: $filter) { nodes { id name } pageInfo { hasNextPage endCursor } } }`;

const bodyOf = (cursor: string) => JSON.parse(Buffer.from(cursor.split('.')[0], 'base64url').toString('utf8')) as (string | null)[];
const bodyText = (values: (string | null)[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
/** What anyone could compute with the checksum's public constant. */
const publicChecksum = (body: string) => createHash('sha256').update('converge-cursor-v1').update(body).digest('base64url').slice(0, 10);

async function threeAccounts(server: TestServer) {
  const rep = await clientAs(server, 'SALES_REP');
  const name = tag('Cursor');
  for (let i = 0; i < 3; i++) await createAccount(server.ds, rep.user.id, { name: `${name}-${i}` });
  const filter = { name: { startsWith: name } };
  const first = (await rep.ok(ACCOUNTS, { first: 1, filter })).accounts;
  return { rep, filter, first };
}

describe('cursor signing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses cursors made without the server secret: the public checksum, none, or a wrong signature', async () => {
    const { rep, filter, first } = await threeAccounts(server);
    const issued: string = first.pageInfo.endCursor;
    const values = bodyOf(issued);
    // The same position, and a position of the client's choosing, signed the way anyone could.
    const same = bodyText(values);
    const chosen = bodyText([values[0], '2000-01-01 00:00:00+00', '00000000-0000-0000-0000-000000000000']);
    const [body, signature] = issued.split('.');
    const flipped = signature.slice(0, -2) + (signature.endsWith('AA') ? 'BA' : 'AA');
    for (const forged of [
      `${same}.${publicChecksum(same)}`,
      `${chosen}.${publicChecksum(chosen)}`,
      same,
      `${same}.`,
      `${body}.${flipped}`,
      `${chosen}.${signature}`,
    ]) {
      const res = await rep.request(ACCOUNTS, { first: 1, after: forged, filter });
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['after'], message: 'Invalid cursor: it was not issued by this server' }],
      });
    }
    expect((await rep.ok(ACCOUNTS, { first: 1, after: issued, filter })).accounts.nodes).toHaveLength(1);
  });

  it('creates the database secret once, whichever instance asks first', async () => {
    const ds = await openTestDataSource(4);
    try {
      const name = `test-${randomUUID()}`;
      const values = await Promise.all(Array.from({ length: 6 }, () => serverSecret(ds, name)));
      expect(new Set(values).size).toBe(1);
      expect(values[0].length).toBeGreaterThanOrEqual(43); // 256 random bits
      expect(await serverSecret(ds, name)).toBe(values[0]);
    } finally {
      await ds.destroy();
    }
  });
});

/** Starts an instance, takes the first page of three accounts, and stops it again. */
async function cursorFromInstance(env: Record<string, string> = {}) {
  const server = await startTestServer(env);
  try {
    const { rep, filter, first } = await threeAccounts(server);
    return { rep, filter, cursor: first.pageInfo.endCursor as string };
  } finally {
    await server.stop();
  }
}

async function onInstance<T>(env: Record<string, string>, fn: (server: TestServer) => Promise<T>): Promise<T> {
  const server = await startTestServer(env);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

describe('cursors across instances', () => {
  it('work on another instance on the same database, and after a restart', async () => {
    const { rep, filter, cursor } = await cursorFromInstance();
    const next = await onInstance({}, (b) => rep.at(b.url).ok(ACCOUNTS, { first: 5, after: cursor, filter }));
    expect(next.accounts.nodes).toHaveLength(2);
  });

  it('follow CURSOR_SECRET when it is set, and the database secret is then not accepted', async () => {
    const secret = { CURSOR_SECRET: `cursor secret for tests ${randomUUID()}` };
    const { rep, filter, cursor } = await cursorFromInstance(secret);
    const again = await onInstance(secret, (b) => rep.at(b.url).ok(ACCOUNTS, { first: 5, after: cursor, filter }));
    expect(again.accounts.nodes).toHaveLength(2);
    expect(await onInstance({}, (c) => rep.at(c.url).code(ACCOUNTS, { first: 5, after: cursor, filter }))).toBe('BAD_USER_INPUT');
  });
});

describe('a process without a cursor secret', () => {
  it('refuses to sign or check cursors rather than fall back to a constant', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('./cursor') as typeof import('./cursor');
      expect(() => fresh.encodeCursor('sig', ['a'])).toThrow(/no cursor secret was loaded/);
      expect(() => fresh.decodeCursor('e30.AAAA', 'sig', 'after', 1)).toThrow(/no cursor secret was loaded/);
    });
  });
});

describe('the cursor tag', () => {
  it('is HMAC-SHA256 under the derived key, truncated to 16 bytes, for short, long and repeated bodies', () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require('./cursor') as typeof import('./cursor');
      const secret = 's'.repeat(40);
      fresh.useCursorSecret(secret);
      const key = createHmac('sha256', secret).update('converge list cursors v2').digest();
      // Longer bodies than the signer's first buffer, then a short one after them (nothing left over).
      for (const keys of [['a'], ['x'.repeat(300), null], ['é€😀', 'b'.repeat(2000)], ['a']]) {
        const cursor = fresh.encodeCursor('sig', keys);
        const [body, tagText] = cursor.split('.');
        expect(tagText).toBe(createHmac('sha256', key).update(body).digest().subarray(0, 16).toString('base64url'));
        expect(fresh.decodeCursor(cursor, 'sig', 'after', keys.length)).toEqual(keys);
      }
    });
  });
});
