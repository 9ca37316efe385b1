import { randomUUID } from 'node:crypto';
import type { Client } from '../../../test/client';
import { anonymous, clientAs, createAccount, createContact, createDeal, createInteraction } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const SEARCH = `query($q: String!, $types: [SearchType!], $first: Int) {
  search(query: $q, types: $types, first: $first) {
    score
    node { __typename ... on Account { id name } ... on Contact { id lastName } ... on Deal { id name } }
  }
}`;

interface Hit {
  score: number;
  node: { __typename: string; id: string };
}

/** A word no other test uses (letters only, so the text parser keeps it whole). */
const word = () =>
  `zq${randomUUID()
    .replace(/-/g, '')
    .slice(0, 10)
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

async function search(client: Client, q: string, extra: { types?: string[]; first?: number } = {}): Promise<Hit[]> {
  return (await client.ok(SEARCH, { q, ...extra })).search;
}
const kinds = (hits: Hit[]) => hits.map((h) => h.node.__typename).sort();
const ids = (hits: Hit[]) => hits.map((h) => h.node.id).sort();

/** A rep owning an account, a contact and a deal that all carry `w`. */
async function repWithRecords(w: string) {
  const rep = await clientAs(server, 'SALES_REP');
  const account = await createAccount(server.ds, rep.user.id, { name: `${w} Holdings` });
  const contact = await createContact(server.ds, rep.user.id, { firstName: 'Ida', lastName: `${w}son`, accountId: account.id });
  const deal = await createDeal(server.ds, rep.user.id, { accountId: account.id, name: `${w} renewal` });
  return { rep, account, contact, deal };
}

describe('search', () => {
  it('finds accounts, contacts and deals by word prefixes, whatever the case', async () => {
    const w = word();
    const { rep, account, contact, deal } = await repWithRecords(w);
    for (const q of [w, w.slice(0, 8), w.toUpperCase(), `  ${w.slice(0, 6)}!`]) {
      const hits = await search(rep, q);
      expect(kinds(hits)).toEqual(['Account', 'Contact', 'Deal']);
      expect(ids(hits)).toEqual([account.id, contact.id, deal.id].sort());
    }
  });

  it('needs every word of the query to match (as a prefix)', async () => {
    const w = word();
    const { rep, account } = await repWithRecords(w);
    await createAccount(server.ds, rep.user.id, { name: `${w} Partners` });
    const hits = await search(rep, `${w} hold`);
    expect(hits.map((h) => h.node.id)).toEqual([account.id]);
    expect(await search(rep, `${w} nomatchword`)).toEqual([]);
  });

  it('matches other text fields: industry, email and title', async () => {
    const w = word();
    const rep = await clientAs(server, 'SALES_REP');
    const byIndustry = await createAccount(server.ds, rep.user.id, { industry: `${w}works` });
    const byTitle = await createContact(server.ds, rep.user.id, { title: `Head of ${w}` });
    const byEmail = await createContact(server.ds, rep.user.id, { email: `${w}@example.com` });
    expect(ids(await search(rep, w))).toEqual([byIndustry.id, byTitle.id, byEmail.id].sort());
  });

  it('ranks best first: a name match above a match in a lesser field, more matches above fewer', async () => {
    const w = word();
    const rep = await clientAs(server, 'SALES_REP');
    const named = await createAccount(server.ds, rep.user.id, { name: `${w} Ltd` });
    const industryOnly = await createAccount(server.ds, rep.user.id, { name: 'Plain', industry: w });
    const twice = await createAccount(server.ds, rep.user.id, { name: `${w} Group`, industry: w });
    const hits = await search(rep, w, { types: ['ACCOUNT'] });
    expect(hits.map((h) => h.node.id)).toEqual([twice.id, named.id, industryOnly.id]);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    expect(hits[1].score).toBeGreaterThan(hits[2].score);
    expect(hits[2].score).toBeGreaterThan(0);
  });

  it('narrows to the requested types', async () => {
    const w = word();
    const { rep, account, contact, deal } = await repWithRecords(w);
    expect(ids(await search(rep, w, { types: ['CONTACT'] }))).toEqual([contact.id]);
    expect(ids(await search(rep, w, { types: ['ACCOUNT', 'DEAL'] }))).toEqual([account.id, deal.id].sort());
    expect(kinds(await search(rep, w, { types: [] }))).toEqual(['Account', 'Contact', 'Deal']);
  });

  it('returns at most `first` hits (default 20), and refuses first outside 0..100', async () => {
    const w = word();
    const rep = await clientAs(server, 'SALES_REP');
    for (let i = 0; i < 25; i++) await createAccount(server.ds, rep.user.id, { name: `${w} ${i}` });
    expect(await search(rep, w, { first: 3 })).toHaveLength(3);
    expect(await search(rep, w)).toHaveLength(20);
    expect(await search(rep, w, { first: 100 })).toHaveLength(25);
    expect(await search(rep, w, { first: 0 })).toEqual([]);
    for (const first of [-1, 101]) {
      const res = await rep.request(SEARCH, { q: w, first });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['first'] }] });
    }
  });

  it.each(['', '   ', '!!! --- ?', '@'])('refuses the query %j (no word in it) with BAD_USER_INPUT', async (q) => {
    const rep = await clientAs(server, 'SALES_REP');
    const res = await rep.request(SEARCH, { q });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['query'] }] });
  });

  it('leaves trashed records out, and finds them again once restored', async () => {
    const w = word();
    const { rep, account, contact, deal } = await repWithRecords(w);
    await rep.ok(`mutation($a: ID!, $d: ID!) { deleteAccount(id: $a) deleteDeal(id: $d) }`, { a: account.id, d: deal.id });
    expect(ids(await search(rep, w))).toEqual([contact.id]);
    await rep.ok(`mutation($a: ID!) { restoreAccount(id: $a) { id } }`, { a: account.id });
    expect(ids(await search(rep, w))).toEqual([account.id, contact.id].sort());
  });

  describe('permissions', () => {
    it('lets a rep find only their own records; managers and admins find all', async () => {
      const w = word();
      const { account, contact, deal } = await repWithRecords(w);
      const otherRep = await clientAs(server, 'SALES_REP');
      const mine = await createAccount(server.ds, otherRep.user.id, { name: `${w} Mine` });
      expect(ids(await search(otherRep, w))).toEqual([mine.id]);
      for (const role of ['SALES_MANAGER', 'ADMIN'] as const) {
        expect(ids(await search(await clientAs(server, role), w))).toEqual([account.id, contact.id, deal.id, mine.id].sort());
      }
    });

    it('searches only the types each role reads: accountant all three, dispatcher no deals, technician nothing', async () => {
      const w = word();
      const { account, contact, deal } = await repWithRecords(w);
      expect(ids(await search(await clientAs(server, 'ACCOUNTANT'), w))).toEqual([account.id, contact.id, deal.id].sort());
      expect(ids(await search(await clientAs(server, 'DISPATCHER'), w))).toEqual([account.id, contact.id].sort());
      expect(await search(await clientAs(server, 'DISPATCHER'), w, { types: ['DEAL'] })).toEqual([]);
      expect(await search(await clientAs(server, 'TECHNICIAN'), w)).toEqual([]);
    });

    it('never finds interactions: a word only an interaction carries returns nothing', async () => {
      const w = word();
      const { rep, contact, deal } = await repWithRecords(word());
      await createInteraction(server.ds, rep.user.id, { contactId: contact.id, dealId: deal.id, subject: `${w} call`, body: `${w} notes` });
      expect(await search(rep, w)).toEqual([]);
      expect(await search(await clientAs(server, 'ACCOUNTANT'), w)).toEqual([]);
      expect(await search(await clientAs(server, 'SALES_MANAGER'), w)).toEqual([]);
    });

    it('needs a signed-in caller', async () => {
      expect(await anonymous(server).code(SEARCH, { q: 'acme' })).toBe('UNAUTHENTICATED');
    });
  });
});

describe('search words', () => {
  it('finds names with punctuation by each part, and uses the index expression', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const word = `zq${Date.now().toString(36)}`;
    const acc = await createAccount(server.ds, manager.user.id, { name: `${word}-2024 Works`, email: `office@${word}mail.example` });
    for (const q of [`${word}-2024`, '2024 ' + word, `${word}mail`]) {
      const { search } = await manager.ok(`query($q: String!) { search(query: $q, types: [ACCOUNT]) { node { ... on Account { id } } } }`, { q });
      expect(search.map((h: { node: { id: string } }) => h.node.id)).toContain(acc.id);
    }
    // The planner can use the GIN index: the query's document is the indexed expression.
    const plan = await server.ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(
        `EXPLAIN SELECT id FROM accounts t WHERE to_tsvector('simple', translate(coalesce(t."name", '') || ' ' || coalesce(t."industry", '') || ' ' || coalesce(t."email", '') || ' ' || coalesce(t."website", ''), '-@._/:+', '       ')) @@ to_tsquery('simple', 'x:*')`,
      );
    });
    expect(JSON.stringify(plan)).toContain('accounts_search_idx');
  });
});
