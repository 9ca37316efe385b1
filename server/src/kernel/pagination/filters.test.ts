import type { Client } from '../../../test/client';
import { errorCodes } from '../../../test/client';
import { clientAs, createAccount, createContact, createDeal, createInteraction, createUser, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements } from '../../../test/sql-counter';

// Filters per scalar kind, combinations, relation hops, trash, totalCount and page arguments,
// through the real endpoint. A rep sees only their own rows, which isolates each data set.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

type Row = Record<string, any>;
const TYPE: Record<string, string> = { accounts: 'Account', contacts: 'Contact', deals: 'Deal', interactions: 'Interaction', users: 'User' };
const at = (k: number) => new Date(Date.UTC(2031, 0, 1) + k * 3600_000);

/** The `field` values of every row matching `filter`, sorted. */
async function values(c: Client, list: string, filter: Row, field = 'name'): Promise<string[]> {
  const data = await c.ok(`query($f: ${TYPE[list]}Filter) { ${list}(first: 100, filter: $f) { nodes { ${field} } } }`, { f: filter });
  return data[list].nodes.map((n: Row) => n[field]).sort();
}

/** The error of a list request that must fail: its code and first field path. */
async function failure(c: Client, query: string, variables: Row = {}): Promise<{ code: string; path: unknown }> {
  const res = await c.request(query, variables);
  expect(res.errors).toHaveLength(1);
  return { code: errorCodes(res)[0], path: res.errors![0].extensions?.fields?.[0]?.path };
}

describe('StringFilter', () => {
  let rep: Client;
  beforeAll(async () => {
    rep = await clientAs(server, 'SALES_REP');
    const rows: [string, string | null][] = [
      ['Acme Corp', 'Retail'],
      ['acme labs', null],
      ['Globex', 'retail'],
      ['100% Pure', 'Energy'],
      ['100 Pure', 'Energy'],
      ['a_b', null],
      ['axb', 'Mining'],
      ['back\\slash', null],
    ];
    for (const [name, industry] of rows) await createAccount(server.ds, rep.user.id, { name, industry });
  });

  it('eq and in compare exactly; neq also matches NULL', async () => {
    expect(await values(rep, 'accounts', { name: { eq: 'Globex' } })).toEqual(['Globex']);
    expect(await values(rep, 'accounts', { industry: { eq: 'Retail' } })).toEqual(['Acme Corp']);
    expect(await values(rep, 'accounts', { industry: { in: ['Retail', 'Mining'] } })).toEqual(['Acme Corp', 'axb']);
    expect(await values(rep, 'accounts', { industry: { neq: 'Energy' } })).toEqual(['Acme Corp', 'Globex', 'a_b', 'acme labs', 'axb', 'back\\slash']);
  });

  it('contains and startsWith ignore case', async () => {
    expect(await values(rep, 'accounts', { name: { contains: 'ACME' } })).toEqual(['Acme Corp', 'acme labs']);
    expect(await values(rep, 'accounts', { name: { contains: 'ME C' } })).toEqual(['Acme Corp']);
    expect(await values(rep, 'accounts', { name: { startsWith: 'gLO' } })).toEqual(['Globex']);
    expect(await values(rep, 'accounts', { name: { startsWith: 'lex' } })).toEqual([]);
  });

  it('treats %, _ and \\ in the search text literally', async () => {
    expect(await values(rep, 'accounts', { name: { contains: '%' } })).toEqual(['100% Pure']);
    expect(await values(rep, 'accounts', { name: { startsWith: '100%' } })).toEqual(['100% Pure']);
    expect(await values(rep, 'accounts', { name: { contains: 'a_b' } })).toEqual(['a_b']);
    expect(await values(rep, 'accounts', { name: { startsWith: '_' } })).toEqual([]);
    expect(await values(rep, 'accounts', { name: { contains: '\\' } })).toEqual(['back\\slash']);
  });

  it('isNull, and several operators in one object (AND)', async () => {
    expect(await values(rep, 'accounts', { industry: { isNull: true } })).toEqual(['a_b', 'acme labs', 'back\\slash']);
    expect(await values(rep, 'accounts', { industry: { isNull: false } })).toEqual(['100 Pure', '100% Pure', 'Acme Corp', 'Globex', 'axb']);
    expect(await values(rep, 'accounts', { name: { startsWith: 'a', contains: 'b' } })).toEqual(['a_b', 'acme labs', 'axb']);
  });
});

describe('IDFilter', () => {
  it('eq, neq and in; a value that is not an ID is BAD_USER_INPUT', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const [a, b, c] = [
      await createAccount(server.ds, rep.user.id, { name: 'a' }),
      await createAccount(server.ds, rep.user.id, { name: 'b' }),
      await createAccount(server.ds, rep.user.id, { name: 'c' }),
    ];
    expect(await values(rep, 'accounts', { id: { eq: b.id } })).toEqual(['b']);
    expect(await values(rep, 'accounts', { id: { neq: b.id } })).toEqual(['a', 'c']);
    expect(await values(rep, 'accounts', { id: { in: [a.id, c.id] } })).toEqual(['a', 'c']);
    const q = `query($f: AccountFilter) { accounts(filter: $f) { nodes { id } } }`;
    expect(await failure(rep, q, { f: { id: { eq: 'nope' } } })).toEqual({ code: 'BAD_USER_INPUT', path: ['filter', 'id', 'eq'] });
    expect(await failure(rep, q, { f: { id: { in: [a.id, '42'] } } })).toEqual({ code: 'BAD_USER_INPUT', path: ['filter', 'id', 'in'] });
    expect(await failure(rep, q, { f: { owner: { id: { eq: 'x' } } } })).toEqual({ code: 'BAD_USER_INPUT', path: ['filter', 'owner', 'id', 'eq'] });
  });
});

describe('fields the caller may not read', () => {
  it('cannot be filtered or sorted on (FORBIDDEN), also inside or / not', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const q = `query($f: AccountFilter, $o: [AccountOrderBy!]) { accounts(filter: $f, orderBy: $o) { nodes { id } } }`;
    expect(await rep.code(q, { f: { creditLimit: { gt: '0' } } })).toBe('FORBIDDEN');
    expect(await rep.code(q, { f: { or: [{ name: { eq: 'x' } }, { not: { creditLimit: { isNull: true } } }] } })).toBe('FORBIDDEN');
    expect(await rep.code(q, { o: [{ field: 'CREDIT_LIMIT' }] })).toBe('FORBIDDEN');
  });
});

describe('comparable and enum filters on deals', () => {
  let rep: Client;
  beforeAll(async () => {
    rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const rows = [
      { name: 'd1', amount: '99.99', probability: null, expectedCloseDate: null, closedAt: null, stage: 'PROSPECTING' },
      { name: 'd2', amount: '100.00', probability: 10, expectedCloseDate: '2031-01-15', closedAt: at(1), stage: 'CLOSED_WON' },
      { name: 'd3', amount: '100.01', probability: 50, expectedCloseDate: '2031-02-01', closedAt: null, stage: 'NEGOTIATION' },
      { name: 'd4', amount: '2500.50', probability: 90, expectedCloseDate: '2031-03-31', closedAt: at(3), stage: 'CLOSED_LOST' },
    ];
    for (const [i, r] of rows.entries()) await createDeal(server.ds, rep.user.id, { ...r, accountId: account.id, createdAt: at(i) });
  });
  const deals = (f: Row) => values(rep, 'deals', f);

  it('IntFilter', async () => {
    expect(await deals({ probability: { gt: 10 } })).toEqual(['d3', 'd4']);
    expect(await deals({ probability: { gte: 50, lte: 90 } })).toEqual(['d3', 'd4']);
    expect(await deals({ probability: { lt: 50 } })).toEqual(['d2']);
    expect(await deals({ probability: { eq: 50 } })).toEqual(['d3']);
    expect(await deals({ probability: { neq: 50 } })).toEqual(['d1', 'd2', 'd4']);
    expect(await deals({ probability: { in: [10, 90] } })).toEqual(['d2', 'd4']);
    expect(await deals({ probability: { isNull: true } })).toEqual(['d1']);
  });

  it('MoneyFilter compares amounts, not text', async () => {
    expect(await deals({ amount: { gt: '100' } })).toEqual(['d3', 'd4']);
    expect(await deals({ amount: { lte: '100.00' } })).toEqual(['d1', 'd2']);
    expect(await deals({ amount: { gte: '100.01', lt: '2500.5' } })).toEqual(['d3']);
    expect(await deals({ amount: { eq: '100' } })).toEqual(['d2']);
  });

  it('DateFilter and DateTimeFilter', async () => {
    expect(await deals({ expectedCloseDate: { gte: '2031-02-01' } })).toEqual(['d3', 'd4']);
    expect(await deals({ expectedCloseDate: { lt: '2031-02-01' } })).toEqual(['d2']);
    expect(await deals({ expectedCloseDate: { isNull: true } })).toEqual(['d1']);
    expect(await deals({ closedAt: { gt: at(1).toISOString() } })).toEqual(['d4']);
    expect(await deals({ closedAt: { lte: at(1).toISOString() } })).toEqual(['d2']);
    expect(await deals({ closedAt: { isNull: false } })).toEqual(['d2', 'd4']);
    expect(await deals({ createdAt: { gte: at(2).toISOString() } })).toEqual(['d3', 'd4']);
    expect(await deals({ createdAt: { eq: at(0).toISOString() } })).toEqual(['d1']);
  });

  it('enum filters', async () => {
    expect(await deals({ stage: { in: ['CLOSED_WON', 'CLOSED_LOST'] } })).toEqual(['d2', 'd4']);
    expect(await deals({ stage: { eq: 'NEGOTIATION' } })).toEqual(['d3']);
    expect(await deals({ stage: { neq: 'PROSPECTING' } })).toEqual(['d2', 'd3', 'd4']);
    const contact = await createContact(server.ds, rep.user.id);
    for (const type of ['CALL', 'EMAIL', 'NOTE']) await createInteraction(server.ds, rep.user.id, { contactId: contact.id, type, subject: type.toLowerCase() });
    expect(await values(rep, 'interactions', { type: { in: ['CALL', 'NOTE'] } }, 'subject')).toEqual(['call', 'note']);
  });

  it('and / or / not', async () => {
    expect(await deals({ or: [{ stage: { eq: 'NEGOTIATION' } }, { amount: { lt: '100' } }] })).toEqual(['d1', 'd3']);
    expect(await deals({ and: [{ probability: { isNull: false } }, { not: { stage: { in: ['CLOSED_WON', 'CLOSED_LOST'] } } }] })).toEqual(['d3']);
    expect(await deals({ not: { or: [{ stage: { eq: 'NEGOTIATION' } }, { amount: { lt: '100' } }] } })).toEqual(['d2', 'd4']);
    expect(
      await deals({ or: [{ and: [{ amount: { gt: '100' } }, { probability: { lt: 60 } }] }, { name: { eq: 'd1' } }], not: { name: { eq: 'd3' } } }),
    ).toEqual(['d1']);
  });
});

describe('BooleanFilter', () => {
  it('filters users by active', async () => {
    const reader = await clientAs(server, 'SALES_REP');
    const t = tag('bool');
    for (const [n, active] of [
      ['a', true],
      ['b', false],
      ['c', true],
    ] as const)
      await createUser(server.ds, { name: `${t} ${n}`, active });
    expect(await values(reader, 'users', { name: { startsWith: t }, active: { eq: false } })).toEqual([`${t} b`]);
    expect(await values(reader, 'users', { name: { startsWith: t }, active: { eq: true } })).toEqual([`${t} a`, `${t} c`]);
  });
});

describe('relation filters', () => {
  it('go one hop (account, owner); two hops are BAD_USER_INPUT', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const t = tag('rel');
    const [u1, u2] = [await createUser(server.ds, { name: `${t} one` }), await createUser(server.ds, { name: `${t} two` })];
    const initech = await createAccount(server.ds, u1.id, { name: `${t} Initech Corp` });
    const umbrella = await createAccount(server.ds, u2.id, { name: `${t} Umbrella` });
    await createDeal(server.ds, u1.id, { name: `${t} A`, accountId: initech.id });
    await createDeal(server.ds, u1.id, { name: `${t} B`, accountId: umbrella.id });
    await createDeal(server.ds, u2.id, { name: `${t} C`, accountId: umbrella.id });
    const deals = (f: Row) => values(manager, 'deals', { name: { startsWith: t }, ...f });
    expect(await deals({ account: { name: { contains: 'INITECH' } } })).toEqual([`${t} A`]);
    expect(await deals({ owner: { id: { eq: u2.id } } })).toEqual([`${t} C`]);
    expect(await deals({ owner: { name: { contains: 'one' } }, account: { name: { contains: 'umbrella' } } })).toEqual([`${t} B`]);
    expect(await deals({ not: { account: { name: { contains: 'initech' } } } })).toEqual([`${t} B`, `${t} C`]);
    expect(
      await failure(manager, `query($f: DealFilter) { deals(filter: $f) { nodes { id } } }`, { f: { account: { owner: { id: { eq: u1.id } } } } }),
    ).toEqual({ code: 'BAD_USER_INPUT', path: ['filter', 'account', 'owner'] });
    expect(
      await failure(manager, `query($f: InteractionFilter) { interactions(filter: $f) { nodes { id } } }`, { f: { deal: { account: { name: { eq: 'x' } } } } }),
    ).toEqual({ code: 'BAD_USER_INPUT', path: ['filter', 'deal', 'account'] });
  });
});

describe('trash', () => {
  it('leaves trashed rows out unless deletedAt is filtered', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    for (const name of ['live1', 'live2', 'gone']) await createDeal(server.ds, rep.user.id, { name, accountId: account.id });
    const [gone] = await server.ds.query(`SELECT id FROM deals WHERE "ownerId" = $1 AND name = 'gone'`, [rep.user.id]);
    await rep.ok(`mutation($id: ID!) { deleteDeal(id: $id) }`, { id: gone.id });
    const q = `query($f: DealFilter) { deals(filter: $f) { totalCount nodes { name } } }`;
    const names = async (f: Row | null) => {
      const d = (await rep.ok(q, { f })).deals;
      return { total: d.totalCount, names: d.nodes.map((n: Row) => n.name).sort() };
    };
    expect(await names(null)).toEqual({ total: 2, names: ['live1', 'live2'] });
    expect(await names({ deletedAt: { isNull: false } })).toEqual({ total: 1, names: ['gone'] });
    expect(await names({ deletedAt: { isNull: true } })).toEqual({ total: 2, names: ['live1', 'live2'] });
    expect(await names({ name: { startsWith: 'g' } })).toEqual({ total: 0, names: [] });
  });
});

describe('totalCount', () => {
  let rep: Client;
  beforeAll(async () => {
    rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    for (let i = 0; i < 7; i++) await createDeal(server.ds, rep.user.id, { accountId: account.id, stage: i % 2 ? 'PROPOSAL' : 'PROSPECTING' });
  });
  const Q = `query($f: DealFilter, $after: String, $first: Int) { deals(first: $first, after: $after, filter: $f) { totalCount nodes { id } pageInfo { endCursor } } }`;

  it('counts the rows matching the filter over all pages', async () => {
    const f = { stage: { eq: 'PROSPECTING' } };
    const p1 = (await rep.ok(Q, { f, first: 2 })).deals;
    expect(p1.totalCount).toBe(4);
    const p2 = (await rep.ok(Q, { f, first: 2, after: p1.pageInfo.endCursor })).deals;
    expect(p2.totalCount).toBe(4);
    expect((await rep.ok(Q, { first: 0 })).deals).toMatchObject({ totalCount: 7, nodes: [] });
  });

  it('is computed only when asked for (one count statement, none without it)', async () => {
    const count = (statements: string[]) => statements.filter((s) => /count\(\*\)/i.test(s)).length;
    const without = await countStatements(() => rep.ok(`{ deals(first: 3) { nodes { id } } }`));
    expect(count(without.statements)).toBe(0);
    const nested = await countStatements(() => rep.ok(`{ accounts(first: 3) { nodes { deals(first: 2) { nodes { id } } } } }`));
    expect(count(nested.statements)).toBe(0);
    const withTotal = await countStatements(() => rep.ok(`{ deals(first: 3) { totalCount } }`));
    expect(count(withTotal.statements)).toBe(1);
    expect(withTotal.result.deals.totalCount).toBe(7);
  });
});

describe('page arguments', () => {
  let rep: Client;
  let cursors: { byName: string; byNameDesc: string; account: string };
  const Q = `query($first: Int, $last: Int, $after: String, $before: String, $o: [DealOrderBy!]) {
    deals(first: $first, last: $last, after: $after, before: $before, orderBy: $o) { edges { cursor node { name } } } }`;
  beforeAll(async () => {
    rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    for (const name of ['a', 'b', 'c']) await createDeal(server.ds, rep.user.id, { name, accountId: account.id });
    const first = async (o: Row) => (await rep.ok(Q, { first: 1, o })).deals.edges[0].cursor;
    cursors = {
      byName: await first([{ field: 'NAME' }]),
      byNameDesc: await first([{ field: 'NAME', direction: 'DESC' }]),
      account: (await rep.ok(`{ accounts(first: 1) { edges { cursor } } }`)).accounts.edges[0].cursor,
    };
  });

  it.each([
    ['first: -1', { first: -1 }, ['first']],
    ['first: 101', { first: 101 }, ['first']],
    ['last: -1', { last: -1 }, ['last']],
    ['last: 101', { last: 101 }, ['last']],
    ['first and last', { first: 1, last: 1 }, ['last']],
  ])('%s is BAD_USER_INPUT, never clamped', async (_l, vars, path) => {
    expect(await failure(rep, Q, vars)).toEqual({ code: 'BAD_USER_INPUT', path });
  });

  it('accepts the bounds 0 and 100; first: 0 returns no edges', async () => {
    expect((await rep.ok(Q, { first: 0 })).deals.edges).toEqual([]);
    expect((await rep.ok(Q, { last: 0 })).deals.edges).toEqual([]);
    expect((await rep.ok(Q, { first: 100 })).deals.edges).toHaveLength(3);
  });

  it('refuses garbage, tampered and foreign cursors', async () => {
    const o = [{ field: 'NAME' }];
    const bad = (vars: Row) => failure(rep, Q, { o, ...vars });
    expect(await bad({ first: 1, after: 'garbage' })).toEqual({ code: 'BAD_USER_INPUT', path: ['after'] });
    expect(await bad({ last: 1, before: '' + cursors.byName.slice(1) })).toEqual({ code: 'BAD_USER_INPUT', path: ['before'] });
    // the same body with a changed value but the old checksum
    const [body, sum] = cursors.byName.split('.');
    const parts = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    parts[1] = 'zzz';
    expect(await bad({ first: 1, after: `${Buffer.from(JSON.stringify(parts)).toString('base64url')}.${sum}` })).toEqual({
      code: 'BAD_USER_INPUT',
      path: ['after'],
    });
    // a cursor of another sort order, or of another list
    expect(await bad({ first: 1, o: [{ field: 'NAME', direction: 'DESC' }], after: cursors.byName })).toEqual({ code: 'BAD_USER_INPUT', path: ['after'] });
    expect(await bad({ first: 1, o: [{ field: 'AMOUNT' }], after: cursors.byName })).toEqual({ code: 'BAD_USER_INPUT', path: ['after'] });
    expect(await bad({ first: 1, after: cursors.byNameDesc })).toEqual({ code: 'BAD_USER_INPUT', path: ['after'] });
    expect(await bad({ first: 1, after: cursors.account })).toEqual({ code: 'BAD_USER_INPUT', path: ['after'] });
    expect(await bad({ first: 1, after: cursors.byName, before: cursors.byName })).toMatchObject({ code: 'BAD_USER_INPUT' });
    // the genuine cursor still works
    expect((await rep.ok(Q, { first: 5, after: cursors.byName, o })).deals.edges.map((e: Row) => e.node.name)).toEqual(['b', 'c']);
  });

  it('checks nested connections the same way', async () => {
    const res = await failure(rep, `{ accounts(first: 1) { nodes { deals(first: 101) { nodes { id } } } } }`);
    expect(res).toEqual({ code: 'BAD_USER_INPUT', path: ['first'] });
  });
});
