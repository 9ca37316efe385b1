import type { Client } from '../../../test/client';
import { clientAs, createUser, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements } from '../../../test/sql-counter';

// SQL statements per request, counted at the pg driver around the HTTP call (the server runs in
// this process, so the auth lookup counts too). Nested lists must batch: the count may not grow
// with the page size.

let server: TestServer;
let manager: Client;
let t: string;
const ACCOUNTS = 20;
const DEALS = 50;
const INTERACTIONS_PER_DEAL = 7;

beforeAll(async () => {
  server = await startTestServer();
  manager = await clientAs(server, 'SALES_MANAGER');
  t = tag('n1');
  const owners: string[] = [];
  for (let i = 0; i < 3; i++) owners.push((await createUser(server.ds, { name: `${t} owner ${i}` })).id);
  const q = (sql: string, params: unknown[]) => server.ds.query(sql, params);
  const accounts: string[] = (
    await q(
      `INSERT INTO "accounts" ("name", "ownerId", "createdAt")
     SELECT $1 || ' account ' || lpad(g::text, 2, '0'), ($2::uuid[])[1 + g % 3], now() - g * interval '1 second'
     FROM generate_series(1, ${ACCOUNTS}) g RETURNING "id"`,
      [t, owners],
    )
  ).map((r: { id: string }) => r.id);
  await q(
    `INSERT INTO "contacts" ("firstName", "lastName", "ownerId", "accountId")
     SELECT 'first ' || g, $1, ($2::uuid[])[1 + g % 3], ($3::uuid[])[1 + g % ${ACCOUNTS}]
     FROM generate_series(1, ${ACCOUNTS * 4}) g`,
    [t, owners, accounts],
  );
  await q(
    `INSERT INTO "deals" ("name", "stage", "amount", "ownerId", "accountId", "createdAt")
     SELECT $1 || ' deal ' || g, 'PROSPECTING', 1000, ($2::uuid[])[1 + g % 3], ($3::uuid[])[1 + g % ${ACCOUNTS}], now() - g * interval '1 second'
     FROM generate_series(1, ${DEALS}) g`,
    [t, owners, accounts],
  );
  await q(
    `INSERT INTO "interactions" ("type", "subject", "occurredAt", "ownerId", "contactId", "dealId")
     SELECT 'CALL', d."name" || ' call ' || g, now() - g * interval '1 minute', d."ownerId",
            (SELECT c."id" FROM "contacts" c WHERE c."accountId" = d."accountId" LIMIT 1), d."id"
     FROM "deals" d, generate_series(1, ${INTERACTIONS_PER_DEAL}) g WHERE d."name" LIKE $1 || ' deal %'`,
    [t],
  );
});
afterAll(async () => {
  await server.stop();
});

async function measure(query: string, variables: Record<string, unknown>) {
  // Sent once first: a session seen before is re-checked inside a planned query's statement, so
  // the first request of a session costs one statement more than the next.
  await manager.ok(query, variables);
  const { result, count, statements } = await countStatements(() => manager.ok(query, variables));
  return { data: result as any, count, statements };
}

const DEALS_Q = `query($n: Int!, $t: String!) {
  deals(first: $n, filter: { name: { startsWith: $t } }) {
    edges { node { name account { name } owner { name } interactions(first: 5) { edges { node { subject } } } } }
  } }`;

describe('N+1', () => {
  it('deals × account × owner × 5 interactions: the same statements for 5 and 50 deals, at most 5', async () => {
    const small = await measure(DEALS_Q, { n: 5, t });
    const large = await measure(DEALS_Q, { n: DEALS, t });
    // The data really is there: every deal resolves its account, owner and five interactions.
    const edges = large.data.deals.edges;
    expect(edges).toHaveLength(DEALS);
    for (const { node } of edges) {
      expect(node.account.name).toMatch(new RegExp(`^${t} account`));
      expect(node.owner.name).toMatch(new RegExp(`^${t} owner`));
      expect(node.interactions.edges).toHaveLength(5);
      for (const i of node.interactions.edges) expect(i.node.subject.startsWith(`${node.name} call `)).toBe(true);
    }
    expect(small.data.deals.edges).toHaveLength(5);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(5); // auth + deals + accounts + users + interactions
  });

  it('connections nested under a list cost the same for 5 and 20 parents', async () => {
    const Q = `query($n: Int!, $t: String!) {
      accounts(first: $n, filter: { name: { startsWith: $t } }) {
        nodes { name contacts(first: 3) { nodes { firstName } } deals(first: 2) { totalCount nodes { name } } }
      } }`;
    const small = await measure(Q, { n: 5, t });
    const large = await measure(Q, { n: ACCOUNTS, t });
    const nodes = large.data.accounts.nodes;
    expect(nodes).toHaveLength(ACCOUNTS);
    for (const a of nodes) {
      expect(a.contacts.nodes).toHaveLength(3);
      expect(a.deals.nodes.length).toBe(Math.min(2, a.deals.totalCount));
    }
    expect(nodes.reduce((sum: number, a: any) => sum + a.deals.totalCount, 0)).toBe(DEALS);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(5); // auth + accounts + contacts + deals + deal counts
  });

  it('the same interactions page under different arguments batches per argument set', async () => {
    const Q = `query($n: Int!, $t: String!) {
      deals(first: $n, filter: { name: { startsWith: $t } }) {
        nodes { latest: interactions(first: 1) { nodes { subject } } oldest: interactions(last: 2) { nodes { subject } } }
      } }`;
    const small = await measure(Q, { n: 3, t });
    const large = await measure(Q, { n: DEALS, t });
    // newest first: `first: 1` is call 1, `last: 2` the two oldest in list order
    const subjects = (c: any) => c.nodes.map((i: any) => i.subject.replace(/^.* call /, 'call '));
    for (const d of large.data.deals.nodes) expect([subjects(d.latest), subjects(d.oldest)]).toEqual([['call 1'], ['call 6', 'call 7']]);
    expect(large.count).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(4); // auth + deals + one statement per argument set
  });

  it('me costs exactly one statement', async () => {
    const { data, count, statements } = await measure(`{ me { id name role } }`, {});
    expect(data.me.id).toBe(manager.user.id);
    expect({ count, statements }).toEqual({ count: 1, statements: [expect.any(String)] });
  });
});
