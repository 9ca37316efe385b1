import { randomUUID } from 'node:crypto';
import { errorCodes } from '../client';
import { clientAs, createAccount, createContact, createDeal, createInteraction, tag } from '../factories';
import { startTestServer, TestServer } from '../server';

// Row scoping (DESIGN.md §3) happens in the SQL: a rep's page is a full page of their own rows,
// search limits after scoping, nested lists and references go through scoped loaders.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const ids = (nodes: { id?: string }[]) => nodes.map((n) => n.id as string);

/** Inserts `n` rows for `ownerId`, `age` older than now, and returns their ids in default list order. */
const BULK: Record<string, (ownerId: string, n: number, age: string) => Promise<string[]>> = {
  async accounts(ownerId, n, age) {
    await server.ds.query(
      `INSERT INTO "accounts" ("name", "ownerId", "createdAt") SELECT 'Bulk ' || g, $1, now() - $3::interval - g * interval '1 second' FROM generate_series(1, $2) g`,
      [ownerId, n, age],
    );
    return ordered('accounts', ownerId, 'createdAt');
  },
  async contacts(ownerId, n, age) {
    await server.ds.query(
      `INSERT INTO "contacts" ("firstName", "lastName", "ownerId", "createdAt") SELECT 'Bulk', 'No ' || g, $1, now() - $3::interval - g * interval '1 second' FROM generate_series(1, $2) g`,
      [ownerId, n, age],
    );
    return ordered('contacts', ownerId, 'createdAt');
  },
  async deals(ownerId, n, age) {
    const acct = await createAccount(server.ds, ownerId);
    await server.ds.query(
      `INSERT INTO "deals" ("name", "stage", "ownerId", "accountId", "createdAt") SELECT 'Bulk ' || g, 'PROSPECTING', $1, $4, now() - $3::interval - g * interval '1 second' FROM generate_series(1, $2) g`,
      [ownerId, n, age, acct.id],
    );
    return ordered('deals', ownerId, 'createdAt');
  },
  async interactions(ownerId, n, age) {
    const contact = await createContact(server.ds, ownerId);
    await server.ds.query(
      `INSERT INTO "interactions" ("type", "subject", "ownerId", "contactId", "occurredAt") SELECT 'CALL', 'Bulk ' || g, $1, $4, now() - $3::interval - g * interval '1 second' FROM generate_series(1, $2) g`,
      [ownerId, n, age, contact.id],
    );
    return ordered('interactions', ownerId, 'occurredAt');
  },
};
async function ordered(table: string, ownerId: string, column: string): Promise<string[]> {
  const rows: { id: string }[] = await server.ds.query(`SELECT "id" FROM "${table}" WHERE "ownerId" = $1 ORDER BY "${column}" DESC, "id" DESC`, [ownerId]);
  return rows.map((r) => r.id);
}

describe('lists are scoped in the SQL, not filtered after paging', () => {
  it.each(Object.keys(BULK))('a rep’s %s(first: 20) is 20 of their own rows although 110 newer rows are another rep’s', async (list) => {
    const rep = await clientAs(server, 'SALES_REP');
    const otherRep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const own = await BULK[list](rep.user.id, 25, '1 day');
    const others = await BULK[list](otherRep.user.id, 110, '0 seconds');
    const q = `query($f: ${list === 'interactions' ? 'Interaction' : list[0].toUpperCase() + list.slice(1, -1)}Filter) { ${list}(first: 20, filter: $f) { totalCount pageInfo { hasNextPage } nodes { id owner { id } } } }`;

    // The premise: in the default order, the other rep's rows come first.
    const both = { owner: { id: { in: [rep.user.id, otherRep.user.id] } } };
    const seenByManager = (await manager.ok(q, { f: both }))[list];
    expect(ids(seenByManager.nodes)).toEqual(others.slice(0, 20));
    expect(seenByManager.totalCount).toBe(135);

    const page = (await rep.ok(q, { f: both }))[list];
    expect(ids(page.nodes)).toEqual(own.slice(0, 20));
    expect(page).toMatchObject({ totalCount: 25, pageInfo: { hasNextPage: true } });
    const unfiltered = (await rep.ok(q, {}))[list];
    expect(ids(unfiltered.nodes)).toEqual(own.slice(0, 20));
    expect(unfiltered.totalCount).toBe(25);
  });
});

describe('single lookups', () => {
  it('return null for a rep on another owner’s records, and the records for a manager', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const otherRep = await clientAs(server, 'SALES_REP');
    const interaction = await createInteraction(server.ds, otherRep.user.id);
    const deal = await createDeal(server.ds, otherRep.user.id);
    const vars = { a: deal.accountId, c: interaction.contactId, d: deal.id, i: interaction.id };
    const q = `query($a: ID!, $c: ID!, $d: ID!, $i: ID!) { account(id: $a) { id } contact(id: $c) { id } deal(id: $d) { id } interaction(id: $i) { id } }`;
    const res = await rep.request(q, vars);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ account: null, contact: null, deal: null, interaction: null });
    expect(await manager.ok(q, vars)).toEqual({ account: { id: vars.a }, contact: { id: vars.c }, deal: { id: vars.d }, interaction: { id: vars.i } });
  });
});

describe('search', () => {
  const SEARCH = `query($q: String!, $first: Int, $types: [SearchType!]) { search(query: $q, first: $first, types: $types) {
    node { __typename ... on Account { id } ... on Contact { id } ... on Deal { id } } } }`;
  const found = (data: { search: { node: { __typename: string; id: string } }[] }) => data.search.map((h) => `${h.node.__typename}:${h.node.id}`).sort();

  async function recordsNamed(word: string, ownerId: string, times = 1) {
    const text = Array(times).fill(word).join(' ');
    const account = await createAccount(server.ds, ownerId, { name: text });
    const contact = await createContact(server.ds, ownerId, { lastName: text });
    const deal = await createDeal(server.ds, ownerId, { name: text, accountId: account.id });
    return { account, contact, deal, keys: [`Account:${account.id}`, `Contact:${contact.id}`, `Deal:${deal.id}`].sort() };
  }

  it('shows a rep only their own records; a manager sees everyone’s', async () => {
    const word = tag('srch').replace('-', '');
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const mine = await recordsNamed(word, rep.user.id);
    const theirs = await recordsNamed(word, (await clientAs(server, 'SALES_REP')).user.id);
    expect(found(await rep.ok(SEARCH, { q: word }))).toEqual(mine.keys);
    expect(found(await manager.ok(SEARCH, { q: word }))).toEqual([...mine.keys, ...theirs.keys].sort());
  });

  it('limits after scoping: first: 1 is the rep’s own record even when others rank higher', async () => {
    const word = tag('rank').replace('-', '');
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const mine = await createAccount(server.ds, rep.user.id, { name: word });
    const otherRep = await clientAs(server, 'SALES_REP');
    const theirs = await Promise.all([1, 2, 3, 4, 5].map(() => createAccount(server.ds, otherRep.user.id, { name: `${word} ${word} ${word}` })));
    const vars = { q: word, first: 1, types: ['ACCOUNT'] };
    // The premise: unscoped, another rep's account is the best hit.
    expect(ids(theirs)).toContain((await manager.ok(SEARCH, vars)).search[0].node.id);
    expect(found(await rep.ok(SEARCH, vars))).toEqual([`Account:${mine.id}`]);
  });

  it('finds only the types each role reads', async () => {
    const word = tag('kind').replace('-', '');
    const records = await recordsNamed(word, (await clientAs(server, 'SALES_REP')).user.id);
    const expected = {
      ACCOUNTANT: records.keys,
      DISPATCHER: [`Account:${records.account.id}`, `Contact:${records.contact.id}`].sort(),
      TECHNICIAN: [],
    };
    for (const [role, keys] of Object.entries(expected)) {
      const viewer = await clientAs(server, role as keyof typeof expected);
      expect(found(await viewer.ok(SEARCH, { q: word }))).toEqual(keys);
      expect(found(await viewer.ok(SEARCH, { q: word, types: ['ACCOUNT', 'CONTACT', 'DEAL'] }))).toEqual(keys);
    }
  });
});

describe('nested lists and references are scoped too', () => {
  it('a rep’s deal on someone else’s account: account and primaryContact are null for the rep', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const acct = await createAccount(server.ds, manager.user.id);
    const contact = await createContact(server.ds, manager.user.id, { accountId: acct.id });
    const deal = await createDeal(server.ds, rep.user.id, { accountId: acct.id, primaryContactId: contact.id });
    const q = `query($id: ID!) { deal(id: $id) { id account { id } primaryContact { id } } }`;
    const res = await rep.request(q, { id: deal.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.deal).toEqual({ id: deal.id, account: null, primaryContact: null });
    expect((await manager.ok(q, { id: deal.id })).deal).toEqual({ id: deal.id, account: { id: acct.id }, primaryContact: { id: contact.id } });
  });

  it('an interaction’s contact and deal, and a contact’s account, are null when another owner’s', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const otherRep = await clientAs(server, 'SALES_REP');
    const theirAccount = await createAccount(server.ds, otherRep.user.id);
    const theirContact = await createContact(server.ds, otherRep.user.id, { accountId: theirAccount.id });
    const theirDeal = await createDeal(server.ds, otherRep.user.id, { accountId: theirAccount.id });
    const mine = await createInteraction(server.ds, rep.user.id, { contactId: theirContact.id, dealId: theirDeal.id });
    const myContact = await createContact(server.ds, rep.user.id, { accountId: theirAccount.id });
    const res = await rep.request(`query($i: ID!, $c: ID!) { interaction(id: $i) { id contact { id } deal { id } } contact(id: $c) { id account { id } } }`, {
      i: mine.id,
      c: myContact.id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ interaction: { id: mine.id, contact: null, deal: null }, contact: { id: myContact.id, account: null } });
  });

  it('a rep’s own accounts list only the rep’s contacts and deals, batched across accounts', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const otherRep = await clientAs(server, 'SALES_REP');
    const accounts = [await createAccount(server.ds, rep.user.id), await createAccount(server.ds, rep.user.id)];
    const mine: Record<string, string[]> = {};
    const all: Record<string, string[]> = {};
    for (const a of accounts) {
      const myContact = await createContact(server.ds, rep.user.id, { accountId: a.id });
      const theirContact = await createContact(server.ds, otherRep.user.id, { accountId: a.id });
      const myDeal = await createDeal(server.ds, rep.user.id, { accountId: a.id });
      const theirDeal = await createDeal(server.ds, otherRep.user.id, { accountId: a.id });
      mine[a.id] = [myContact.id, myDeal.id];
      all[a.id] = [myContact.id, theirContact.id, myDeal.id, theirDeal.id];
    }
    const q = `query($ids: [ID!]) { accounts(filter: { id: { in: $ids } }) { nodes { id contacts { totalCount nodes { id } } deals { totalCount nodes { id } } } } }`;
    const shape = (data: any) => Object.fromEntries(data.accounts.nodes.map((n: any) => [n.id, [...ids(n.contacts.nodes), ...ids(n.deals.nodes)].sort()]));
    const sorted = (m: Record<string, string[]>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, [...v].sort()]));
    const asRep = await rep.ok(q, { ids: ids(accounts) });
    expect(shape(asRep)).toEqual(sorted(mine));
    for (const n of asRep.accounts.nodes) expect([n.contacts.totalCount, n.deals.totalCount]).toEqual([1, 1]);
    expect(shape(await manager.ok(q, { ids: ids(accounts) }))).toEqual(sorted(all));
  });

  it('a rep’s contact and deal list only the rep’s interactions', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const otherRep = await clientAs(server, 'SALES_REP');
    const contact = await createContact(server.ds, rep.user.id);
    const deal = await createDeal(server.ds, rep.user.id);
    const myCall = await createInteraction(server.ds, rep.user.id, { contactId: contact.id, dealId: deal.id });
    await createInteraction(server.ds, otherRep.user.id, { contactId: contact.id, dealId: deal.id });
    const data = await rep.ok(`query($c: ID!, $d: ID!) { contact(id: $c) { interactions { nodes { id } } } deal(id: $d) { interactions { nodes { id } } } }`, {
      c: contact.id,
      d: deal.id,
    });
    expect(ids(data.contact.interactions.nodes)).toEqual([myCall.id]);
    expect(ids(data.deal.interactions.nodes)).toEqual([myCall.id]);
  });

  it('a nested type the role may not read is FORBIDDEN at its path; the rest arrives', async () => {
    const owner = await clientAs(server, 'SALES_REP');
    const deal = await createDeal(server.ds, owner.user.id);
    const dispatcher = await clientAs(server, 'DISPATCHER');
    const res = await dispatcher.request(`query($id: ID!) { account(id: $id) { id name deals { totalCount } } }`, { id: deal.accountId });
    expect(res.data!.account).toBeNull(); // deals is non-null, so the null reaches the account
    expect(res.errors!.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['account.deals', 'FORBIDDEN']]);
  });
});

describe('writes on records the caller may not see', () => {
  it('answer NOT_FOUND exactly as for a missing id, and change nothing', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const theirs = await createAccount(server.ds, (await clientAs(server, 'SALES_REP')).user.id);
    const missing = randomUUID();
    const update = `mutation($id: ID!) { updateAccount(id: $id, input: { name: "Taken" }) { id } }`;
    const invisible = await rep.request(update, { id: theirs.id });
    const absent = await rep.request(update, { id: missing });
    expect(errorCodes(invisible)).toEqual(['NOT_FOUND']);
    expect(errorCodes(absent)).toEqual(['NOT_FOUND']);
    expect(invisible.errors![0].message.replace(theirs.id, '<id>')).toBe(absent.errors![0].message.replace(missing, '<id>'));
    const [row] = await server.ds.query(`SELECT "name", "version" FROM "accounts" WHERE "id" = $1`, [theirs.id]);
    expect(row).toEqual({ name: theirs.name, version: 1 });
  });

  it('a reference to an invisible record is refused like a missing one (BAD_USER_INPUT at its field)', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const theirs = await createAccount(server.ds, (await clientAs(server, 'SALES_REP')).user.id);
    const create = `mutation($a: ID!) { createContact(input: { firstName: "Pat", lastName: "Ref", accountId: $a }) { id } }`;
    const invisible = await rep.request(create, { a: theirs.id });
    const absent = await rep.request(create, { a: randomUUID() });
    expect(errorCodes(invisible)).toEqual(['BAD_USER_INPUT']);
    expect(invisible.errors![0].extensions!.fields).toEqual(absent.errors![0].extensions!.fields);
    expect(invisible.errors![0].extensions!.fields[0].path).toEqual(['input', 'accountId']);
  });
});

describe('ownership', () => {
  const UPDATE_OWNER = `mutation($id: ID!, $owner: ID!) { updateAccount(id: $id, input: { ownerId: $owner }) { id owner { id } } }`;

  it('a rep cannot create or transfer records for someone else', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const colleague = await clientAs(server, 'SALES_REP');
    expect(await rep.code(`mutation($o: ID!) { createAccount(input: { name: "For you", ownerId: $o }) { id } }`, { o: colleague.user.id })).toBe('FORBIDDEN');
    const acct = await createAccount(server.ds, rep.user.id);
    expect(await rep.code(UPDATE_OWNER, { id: acct.id, owner: colleague.user.id })).toBe('FORBIDDEN');
    const [row] = await server.ds.query(`SELECT "ownerId" FROM "accounts" WHERE "id" = $1`, [acct.id]);
    expect(row.ownerId).toBe(rep.user.id);
    // Naming themself is fine.
    expect((await rep.ok(UPDATE_OWNER, { id: acct.id, owner: rep.user.id })).updateAccount.owner.id).toBe(rep.user.id);
  });

  it('a manager transfers a record, and visibility follows the owner', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const from = await clientAs(server, 'SALES_REP');
    const to = await clientAs(server, 'SALES_REP');
    const acct = await createAccount(server.ds, from.user.id);
    expect((await manager.ok(UPDATE_OWNER, { id: acct.id, owner: to.user.id })).updateAccount.owner.id).toBe(to.user.id);
    const lookup = `query($id: ID!) { account(id: $id) { id } }`;
    expect((await to.ok(lookup, { id: acct.id })).account).toEqual({ id: acct.id });
    expect((await from.ok(lookup, { id: acct.id })).account).toBeNull();
  });
});
