import { Client, gql } from '../../../test/client';
import {
  clientAs,
  createAccount,
  createApiKeyRow,
  createContact,
  createDeal,
  createInteraction,
  createTask,
  createUser,
  ROLES,
  RoleName,
  tag,
} from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements } from '../../../test/sql-counter';
import { allRecordKinds } from '../records/record-kind';

// Planned queries must answer exactly as graphql-js does. Two servers share one database: one
// plans what it can, the other runs every request through graphql-js; each query goes to both,
// as each role, and the answers must be identical (errors compared by code, message and path).

let planned: TestServer;
let plain: TestServer;
const clients = {} as Record<RoleName, Client>;
let t: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  planned = await startTestServer();
  plain = await startTestServer({ QUERY_PLANS: 'false' });
  for (const role of ROLES) clients[role] = await clientAs(planned, role);
  t = tag('plan');
  const rep = clients.SALES_REP.user.id;
  const other = (await createUser(planned.ds, { role: 'SALES_REP', name: `${t} other rep` })).id;
  for (const [i, owner] of [rep, other, rep].entries()) {
    const account = await createAccount(planned.ds, owner, {
      name: `${t} account ${i}`,
      industry: i === 1 ? null : 'Plumbing',
      website: 'https://example.com/"quoted"\\path',
      creditLimit: i === 2 ? null : '12000.50',
    });
    ids[`account${i}`] = account.id;
    const contact = await createContact(planned.ds, owner, { accountId: account.id, lastName: `${t} Ünïcode ${i}`, email: `c${i}@example.com` });
    ids[`contact${i}`] = contact.id;
    for (let d = 0; d < 3; d++) {
      const deal = await createDeal(planned.ds, owner, {
        accountId: account.id,
        name: `${t} deal ${i}-${d}`,
        amount: `${d * 1000 + i}.0${d}`,
        stage: d === 2 ? 'CLOSED_WON' : 'PROSPECTING',
        expectedCloseDate: d === 0 ? null : '2027-01-15',
        closedAt: d === 2 ? new Date('2026-11-30T10:11:12.345678Z') : null,
        primaryContactId: d === 1 ? contact.id : null,
      });
      ids[`deal${i}${d}`] = deal.id;
      for (let k = 0; k < 3; k++) {
        await createInteraction(planned.ds, owner, {
          contactId: contact.id,
          dealId: deal.id,
          subject: `${t} call ${i}-${d}-${k}`,
          occurredAt: new Date(Date.UTC(2026, 10, 1 + k, 9, 30, 0, 999) + d),
        });
      }
    }
    await createTask(planned.ds, owner, { title: `${t} task ${i}`, dealId: ids[`deal${i}0`], dueAt: new Date('2026-12-24T08:00:00Z') });
  }
  // A trashed deal: not found by id, absent from lists, yet still reached as a relation.
  await planned.ds.query(`UPDATE "deals" SET "deletedAt" = now() WHERE "id" = $1`, [ids.deal01]);
  await planned.ds.query(`UPDATE "accounts" SET "deletedAt" = now() WHERE "id" = $1`, [ids.account2]);
});
afterAll(async () => {
  await planned?.stop();
  await plain?.stop();
});

type Body = { status: number; data?: unknown; errors?: unknown[] };

function comparable(res: Awaited<ReturnType<typeof gql>>): Body {
  const errors = res.errors?.map((e) => ({ message: e.message, path: e.path, code: e.extensions?.code, fields: e.extensions?.fields }));
  return { status: res.status, data: res.data, ...(errors ? { errors } : {}) };
}

/** The query on both servers as `client`; returns the planned server's answer and whether it was planned. */
async function both(client: Client, query: string, variables?: Record<string, unknown>): Promise<{ body: Body; wasPlanned: boolean }> {
  const { result, statements } = await countStatements(() => gql(planned.url, query, variables, client.token));
  const reference = await gql(plain.url, query, variables, client.token);
  const body = comparable(result);
  expect(body).toEqual(comparable(reference));
  return { body, wasPlanned: statements.some((s) => s.startsWith('SELECT json_build_array(')) || (statements.length === 1 && !body.errors) };
}

const NESTED = `query Nested($t: String!, $n: Int) {
  deals(first: $n, filter: { name: { startsWith: $t } }, orderBy: [{ field: AMOUNT, direction: DESC }]) {
    __typename totalCount
    edges { cursor __typename node { __typename id name amount stage expectedCloseDate closedAt createdAt updatedAt version deletedAt
      account { id name industry website owner { id name role } contacts(first: 2) { totalCount nodes { id firstName lastName email } } }
      owner { id name email phone }
      interactions(first: 2, orderBy: [{ field: OCCURRED_AT, direction: ASC }]) { edges { cursor node { id type subject occurredAt } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    } }
    pageInfo { __typename hasNextPage hasPreviousPage startCursor endCursor }
  } }`;

describe('planned queries answer exactly as graphql-js', () => {
  it('nested lists, references, counts and cursors, as every role', async () => {
    for (const role of ROLES) {
      const { body, wasPlanned } = await both(clients[role], NESTED, { t, n: 4 });
      // A rep reads owners' emails only on their own user row: a rule the row decides, left to graphql-js.
      if (['ADMIN', 'SALES_MANAGER'].includes(role)) {
        expect(wasPlanned).toBe(true);
        expect((body.data as any).deals.edges.length).toBeGreaterThan(0);
      }
    }
    // The rep sees only their own deals, and the trashed deal is not listed.
    const rep = await clients.SALES_REP.ok(NESTED, { t, n: 20 });
    const names = rep.deals.edges.map((e: any) => e.node.name);
    expect(names).toEqual(expect.arrayContaining([`${t} deal 0-0`, `${t} deal 2-1`]));
    expect(names.some((n: string) => n.startsWith(`${t} deal 1-`))).toBe(false);
    expect(names).not.toContain(`${t} deal 0-1`);
    expect(rep.deals.totalCount).toBe(5);
  });

  it('pages forward and backward with cursors from either path', async () => {
    const q = `query($t: String!, $first: Int, $after: String, $last: Int, $before: String) {
      deals(first: $first, after: $after, last: $last, before: $before, filter: { name: { startsWith: $t } }) {
        edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const manager = clients.SALES_MANAGER;
    const first = (await both(manager, q, { t, first: 3 })).body.data as any;
    expect(first.deals.edges).toHaveLength(3);
    const second = (await both(manager, q, { t, first: 3, after: first.deals.pageInfo.endCursor })).body.data as any;
    expect(second.deals.pageInfo.hasPreviousPage).toBe(true);
    await both(manager, q, { t, last: 2, before: second.deals.pageInfo.startCursor });
    await both(manager, q, { t, last: 2 });
    await both(manager, q, { t, first: 0 });
  });

  it('pages that ask for only some of cursors and page info (the statement reads sort keys and the row beyond only when asked)', async () => {
    const manager = clients.SALES_MANAGER;
    const shapes = [
      'nodes { name }',
      'edges { node { name } } pageInfo { hasNextPage }',
      'edges { node { name } } pageInfo { hasPreviousPage }',
      'edges { cursor } pageInfo { endCursor }',
      'pageInfo { startCursor hasNextPage }',
      'totalCount',
    ];
    const first = (await both(manager, `query($t: String!) { deals(first: 2, filter: { name: { startsWith: $t } }) { pageInfo { endCursor } } }`, { t })).body
      .data as any;
    for (const shape of shapes) {
      for (const args of ['first: 2', 'first: 2, after: $c', 'last: 2', 'last: 2, before: $c']) {
        const cursor = args.includes('$c');
        const q = `query($t: String!${cursor ? ', $c: String' : ''}) { deals(${args}, filter: { name: { startsWith: $t } }) { ${shape} }
          accounts(first: 1, filter: { name: { startsWith: $t } }) { nodes { deals(first: 1) { ${shape} } } } }`;
        const { body, wasPlanned } = await both(manager, q, cursor ? { t, c: first.deals.pageInfo.endCursor } : { t });
        expect(body.errors).toBeUndefined();
        expect(wasPlanned).toBe(true);
      }
    }
    // With more rows than the page, hasNextPage is true without the sort keys being read.
    const more = (await both(manager, `query($t: String!) { deals(first: 1, filter: { name: { startsWith: $t } }) { pageInfo { hasNextPage } } }`, { t })).body
      .data as any;
    expect(more.deals.pageInfo.hasNextPage).toBe(true);
  });

  it('lookups: visible, trashed, hidden, missing and malformed ids', async () => {
    const q = `query($id: ID!) { deal(id: $id) { id name amount account { name deletedAt } owner { name } } }`;
    for (const id of [ids.deal00, ids.deal20, ids.deal01, ids.deal10, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      for (const role of ['SALES_REP', 'SALES_MANAGER', 'TECHNICIAN'] as RoleName[]) await both(clients[role], q, { id });
    }
    const { wasPlanned } = await both(clients.SALES_MANAGER, q, { id: ids.deal20 });
    expect(wasPlanned).toBe(true);
  });

  it('fragments, aliases, repeated fields and __typename', async () => {
    const q = `fragment D on Deal { id name owner { name } }
      query Aliased($t: String!) { __typename
        a: deals(first: 2, filter: { name: { startsWith: $t } }) { nodes { ...D id n2: name owner { id } } }
        b: deals(first: 1, filter: { stage: { eq: CLOSED_WON }, name: { startsWith: $t } }) { edges { node { ... on Deal { stage } } } }
        me { __typename id name email role phone } }`;
    for (const role of ROLES) {
      const { wasPlanned } = await both(clients[role], q, { t });
      if (role === 'SALES_MANAGER') expect(wasPlanned).toBe(true);
    }
  });

  it('`me` as every role, through a session and an API key', async () => {
    for (const role of ROLES) {
      const { body, wasPlanned } = await both(clients[role], `query Me { me { id name email role phone lastLoginAt createdAt version } }`);
      expect((body.data as any).me.id).toBe(clients[role].user.id);
      expect(wasPlanned).toBe(true);
    }
  });

  it('every list of the record kit with all its plain fields, as every role', async () => {
    const leafFields = async (typeName: string): Promise<string[]> => {
      const res = await clients.ADMIN.ok(`query($n: String!) { __type(name: $n) { fields { name args { name } type { kind ofType { kind } } } } }`, {
        n: typeName,
      });
      return res.__type.fields
        .filter((f: any) => !f.args.length && ['SCALAR', 'ENUM'].includes(f.type.kind === 'NON_NULL' ? f.type.ofType.kind : f.type.kind))
        .map((f: any) => f.name);
    };
    let plannedLists = 0;
    for (const kind of allRecordKinds()) {
      if (!kind.capabilities.list) continue;
      const fields = await leafFields(kind.typeName);
      const q = `{ ${kind.names.many}(first: 5) { totalCount edges { cursor node { __typename ${fields.join(' ')} } } pageInfo { hasNextPage endCursor } } }`;
      for (const role of ROLES) {
        const { wasPlanned } = await both(clients[role], q);
        if (role === 'ADMIN' && wasPlanned) plannedLists++;
      }
    }
    // Most kinds plan with every plain field (the rest use values a plan leaves to graphql-js).
    expect(plannedLists).toBeGreaterThanOrEqual(8);
  });

  it('errors come out as graphql-js gives them: forbidden, bad cursor, page size, variables, anonymous', async () => {
    await both(clients.TECHNICIAN, `{ deals(first: 2) { nodes { name } } }`);
    await both(clients.DISPATCHER, `{ accounts(first: 2) { nodes { name creditLimit } } }`);
    await both(clients.SALES_MANAGER, `{ deals(first: 2, after: "bogus") { nodes { name } } }`);
    await both(clients.SALES_MANAGER, `{ deals(first: 101) { nodes { name } } }`);
    await both(clients.SALES_MANAGER, `query($n: Int) { deals(first: $n) { nodes { name } } }`, { n: 'many' });
    await both(clients.SALES_MANAGER, `{ deals(first: 2, orderBy: [{ field: AMOUNT }], filter: { amount: { gt: "x" } }) { nodes { name } } }`);
    const anon = new Client(planned.url, null, { id: '', role: '', name: '', email: '' });
    await both(anon, `{ deals(first: 2) { nodes { name } } }`);
    await both(anon, `{ me { id } }`);
  });

  it('costs one statement for a session seen before (re-checked inside it), two the first time, whatever the page size', async () => {
    const manager = await clientAs(planned, 'SALES_MANAGER');
    const first = await countStatements(() => manager.ok(NESTED, { t, n: 1 }));
    const small = await countStatements(() => manager.ok(NESTED, { t, n: 1 }));
    const large = await countStatements(() => manager.ok(NESTED, { t, n: 50 }));
    expect(first.count).toBe(2);
    expect(small.count).toBe(1);
    expect(large.count).toBe(1);
    const me = await countStatements(() => manager.ok(`{ me { id name } }`));
    expect(me.count).toBe(1);
  });

  it('API keys are looked up on every request (their use is recorded), then the plan runs', async () => {
    const key = await createApiKeyRow(planned.ds, clients.SALES_MANAGER.user.id);
    const viaKey = new Client(planned.url, key.secret, clients.SALES_MANAGER.user);
    await viaKey.ok(NESTED, { t, n: 2 });
    const again = await countStatements(() => viaKey.ok(NESTED, { t, n: 2 }));
    expect(again.count).toBe(2);
    await both(viaKey, NESTED, { t, n: 2 });
  });
});

describe('a remembered session is re-checked in the statement that reads the data', () => {
  const Q = `query($t: String!) { deals(first: 3, filter: { name: { startsWith: $t } }) { nodes { name amount } } }`;
  const change: [string, (ds: TestServer['ds'], userId: string) => Promise<unknown>, string][] = [
    ['revoked', (ds, id) => ds.query(`UPDATE "auth_tokens" SET "revokedAt" = now() WHERE "userId" = $1`, [id]), 'UNAUTHENTICATED'],
    ['expired', (ds, id) => ds.query(`UPDATE "auth_tokens" SET "expiresAt" = now() - interval '1 second' WHERE "userId" = $1`, [id]), 'UNAUTHENTICATED'],
    ['deactivated', (ds, id) => ds.query(`UPDATE "users" SET "active" = false WHERE "id" = $1`, [id]), 'UNAUTHENTICATED'],
    ['demoted to TECHNICIAN', (ds, id) => ds.query(`UPDATE "users" SET "role" = 'TECHNICIAN' WHERE "id" = $1`, [id]), 'FORBIDDEN'],
  ];
  it.each(change)('%s between two requests: the second is refused, never answered from the remembered principal', async (_what, apply, code) => {
    const manager = await clientAs(planned, 'SALES_MANAGER');
    const before = await manager.ok(Q, { t });
    expect(before.deals.nodes.length).toBeGreaterThan(0);
    await apply(planned.ds, manager.user.id);
    const { body } = await both(manager, Q, { t });
    expect(body.data === undefined || (body.data as any)?.deals == null).toBe(true);
    expect((body.errors as { code: string }[])[0].code).toBe(code);
  });

  it('a renamed user is answered with the new name', async () => {
    const manager = await clientAs(planned, 'SALES_MANAGER');
    const q = `query($t: String!) { deals(first: 1, filter: { name: { startsWith: $t } }) { nodes { name } } me { name } }`;
    await manager.ok(q, { t });
    await planned.ds.query(`UPDATE "users" SET "name" = 'Renamed Manager', "updatedAt" = now() WHERE "id" = $1`, [manager.user.id]);
    const { body } = await both(manager, q, { t });
    expect((body.data as any).me.name).toBe('Renamed Manager');
  });
});
