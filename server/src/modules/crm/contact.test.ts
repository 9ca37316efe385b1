import type { Client } from '../../../test/client';
import { clientAs, createAccount, createContact, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const FIELDS = `id firstName lastName email phone title version deletedAt owner { id } account { id deletedAt }`;
const CREATE = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateContactInput!, $v: Int) { updateContact(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const DELETE = `mutation($id: ID!) { deleteContact(id: $id) }`;
const RESTORE = `mutation($id: ID!) { restoreContact(id: $id) { id deletedAt } }`;
const GET = `query($id: ID!) { contact(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: ContactFilter) { contacts(first: 100, filter: $filter) { totalCount nodes { id lastName deletedAt } } }`;
const ACCOUNT_CONTACTS = `query($id: ID!) { account(id: $id) { contacts { nodes { id } } } }`;
const BATCH = `mutation($inputs: [CreateContactInput!]!, $all: Boolean) {
  createContacts(inputs: $inputs, allOrNone: $all) { numErrors results { index record { id lastName email phone account { id } } error { code message fields { path message } } } }
}`;

async function badPaths(client: Client, query: string, variables: Record<string, unknown>): Promise<unknown[]> {
  const res = await client.request(query, variables);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  return (res.errors![0].extensions!.fields as { path: unknown[] }[]).map((f) => f.path);
}

const countByLastName = async (client: Client, prefix: string) =>
  (await client.ok(LIST, { filter: { lastName: { startsWith: prefix } } })).contacts.totalCount as number;

const trashedAccount = async (ownerId: string) => createAccount(server.ds, ownerId, { deletedAt: new Date() });

describe('createContact', () => {
  it('normalises phone and email, links the account and makes the caller the owner', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const lastName = tag('Doe');
    const { createContact: c } = await rep.ok(CREATE, {
      input: { firstName: ' Jane ', lastName, email: 'Jane.DOE@Example.org', phone: '415.555.0199', title: 'Buyer', accountId: account.id },
    });
    expect(c).toMatchObject({
      firstName: 'Jane',
      lastName,
      email: 'jane.doe@example.org',
      phone: '+14155550199',
      title: 'Buyer',
      version: 1,
      deletedAt: null,
      owner: { id: rep.user.id },
      account: { id: account.id, deletedAt: null },
    });
  });

  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+49 30 901820', '+4930901820'],
    ['(212) 555-0123', '+12125550123'],
    ['1-415-555-0199', '+14155550199'],
  ])('stores phone %s as %s', async (raw, e164) => {
    const rep = await clientAs(server, 'SALES_REP');
    const { createContact: c } = await rep.ok(CREATE, { input: { firstName: 'P', lastName: tag('Ph'), phone: raw } });
    expect(c.phone).toBe(e164);
  });

  it.each([
    ['an empty first name', { firstName: '' }, 'firstName'],
    ['a blank last name', { lastName: '  ' }, 'lastName'],
    ['a last name over 100 characters', { lastName: 'l'.repeat(101) }, 'lastName'],
    ['an invalid email', { email: 'jane@' }, 'email'],
    ['an unparseable phone', { phone: 'ext. twelve' }, 'phone'],
    ['a title over 200 characters', { title: 't'.repeat(201) }, 'title'],
    ['a missing account', { accountId: '00000000-0000-4000-8000-000000000000' }, 'accountId'],
    ['an account id that is no UUID', { accountId: 'acme' }, 'accountId'],
    ['an empty account id', { accountId: '' }, 'accountId'],
  ])('rejects %s with BAD_USER_INPUT at ["input", field] and writes nothing', async (_l, fields, field) => {
    const rep = await clientAs(server, 'SALES_REP');
    const prefix = tag('Bad');
    expect(await badPaths(rep, CREATE, { input: { firstName: 'F', lastName: `${prefix} x`, ...fields } })).toContainEqual(['input', field]);
    expect(await countByLastName(rep, prefix)).toBe(0);
  });

  it('needs an account the caller can see and that is not in the trash', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const othersAccount = await createAccount(server.ds, other.user.id);
    const trashed = await trashedAccount(rep.user.id);
    expect(await badPaths(rep, CREATE, { input: { firstName: 'F', lastName: 'L', accountId: othersAccount.id } })).toEqual([['input', 'accountId']]);
    expect(await badPaths(rep, CREATE, { input: { firstName: 'F', lastName: 'L', accountId: trashed.id } })).toEqual([['input', 'accountId']]);
    // A manager sees every account, so may attach the rep's contact there.
    const manager = await clientAs(server, 'SALES_MANAGER');
    const { createContact: c } = await manager.ok(CREATE, { input: { firstName: 'F', lastName: tag('L'), accountId: othersAccount.id } });
    expect(c.account.id).toBe(othersAccount.id);
  });
});

describe('updateContact', () => {
  it('changes given fields, moves and detaches the account, and bumps the version', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const a1 = await createAccount(server.ds, rep.user.id);
    const a2 = await createAccount(server.ds, rep.user.id);
    const { createContact: c } = await rep.ok(CREATE, { input: { firstName: 'F', lastName: tag('L'), email: 'f@x.example', accountId: a1.id } });
    const moved = (await rep.ok(UPDATE, { id: c.id, input: { accountId: a2.id, phone: '+1 415 555 0111' }, v: 1 })).updateContact;
    expect(moved).toMatchObject({ email: 'f@x.example', phone: '+14155550111', account: { id: a2.id }, version: 2 });
    const detached = (await rep.ok(UPDATE, { id: c.id, input: { accountId: null, email: null }, v: 2 })).updateContact;
    expect(detached).toMatchObject({ account: null, email: null, version: 3 });
  });

  it.each([
    ['a null first name', { firstName: null }, 'firstName'],
    ['a null last name', { lastName: null }, 'lastName'],
    ['an invalid email', { email: 'no' }, 'email'],
    ['an unparseable phone', { phone: '++' }, 'phone'],
    ['a missing account', { accountId: '00000000-0000-4000-8000-000000000000' }, 'accountId'],
    ['an empty account id', { accountId: '' }, 'accountId'],
    ['a blank first name', { firstName: '\t ' }, 'firstName'],
  ])('rejects %s at ["input", field] and leaves the contact as it was', async (_l, input, field) => {
    const rep = await clientAs(server, 'SALES_REP');
    const c = await createContact(server.ds, rep.user.id);
    expect(await badPaths(rep, UPDATE, { id: c.id, input })).toEqual([['input', field]]);
    expect((await rep.ok(GET, { id: c.id })).contact).toMatchObject({ lastName: c.lastName, version: 1 });
  });

  it('refuses to move a contact to a trashed or invisible account', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const c = await createContact(server.ds, rep.user.id);
    const trashed = await trashedAccount(rep.user.id);
    const othersAccount = await createAccount(server.ds, other.user.id);
    expect(await badPaths(rep, UPDATE, { id: c.id, input: { accountId: trashed.id } })).toEqual([['input', 'accountId']]);
    expect(await badPaths(rep, UPDATE, { id: c.id, input: { accountId: othersAccount.id } })).toEqual([['input', 'accountId']]);
  });

  it('fails with CONFLICT on a stale expectedVersion', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const c = await createContact(server.ds, rep.user.id);
    await rep.ok(UPDATE, { id: c.id, input: { title: 'CEO' }, v: 1 });
    expect(await rep.code(UPDATE, { id: c.id, input: { title: 'CTO' }, v: 1 })).toBe('CONFLICT');
    expect((await rep.ok(GET, { id: c.id })).contact).toMatchObject({ title: 'CEO', version: 2 });
  });

  it('keeps other reps out: lookup null, writes NOT_FOUND', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const c = await createContact(server.ds, rep.user.id);
    expect((await other.ok(GET, { id: c.id })).contact).toBeNull();
    expect(await other.code(UPDATE, { id: c.id, input: { title: 'x' } })).toBe('NOT_FOUND');
    expect(await other.code(DELETE, { id: c.id })).toBe('NOT_FOUND');
  });
});

describe('trash and restore', () => {
  it('takes a deleted contact out of lists, lookups and its account’s contacts, into the trash', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const c = await createContact(server.ds, rep.user.id, { accountId: account.id });
    expect((await rep.ok(ACCOUNT_CONTACTS, { id: account.id })).account.contacts.nodes).toEqual([{ id: c.id }]);

    expect(await rep.ok(DELETE, { id: c.id })).toEqual({ deleteContact: true });
    expect((await rep.ok(GET, { id: c.id })).contact).toBeNull();
    expect((await rep.ok(LIST, { filter: { id: { eq: c.id } } })).contacts.nodes).toEqual([]);
    expect((await rep.ok(ACCOUNT_CONTACTS, { id: account.id })).account.contacts.nodes).toEqual([]);
    const trash = (await rep.ok(LIST, { filter: { id: { eq: c.id }, deletedAt: { isNull: false } } })).contacts.nodes;
    expect(trash).toEqual([{ id: c.id, lastName: c.lastName, deletedAt: expect.any(String) }]);

    expect(await rep.code(UPDATE, { id: c.id, input: { title: 'x' } })).toBe('NOT_FOUND');
    expect(await rep.code(DELETE, { id: c.id })).toBe('NOT_FOUND');
  });

  it('restores a trashed contact; restoring a live one is NOT_FOUND', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const c = await createContact(server.ds, rep.user.id);
    expect(await rep.code(RESTORE, { id: c.id })).toBe('NOT_FOUND');
    await rep.ok(DELETE, { id: c.id });
    expect((await rep.ok(RESTORE, { id: c.id })).restoreContact).toEqual({ id: c.id, deletedAt: null });
    expect((await rep.ok(GET, { id: c.id })).contact).toMatchObject({ id: c.id, deletedAt: null, version: 3 });
  });

  it('still resolves the account of a contact whose account is trashed', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const c = await createContact(server.ds, rep.user.id, { accountId: account.id });
    await rep.ok(`mutation($id: ID!) { deleteAccount(id: $id) }`, { id: account.id });
    const got = (await rep.ok(GET, { id: c.id })).contact;
    expect(got.account).toEqual({ id: account.id, deletedAt: expect.any(String) });
    expect((await rep.ok(LIST, { filter: { id: { eq: c.id } } })).contacts.nodes).toHaveLength(1);
  });
});

describe('createContacts (batch)', () => {
  it('reports a result per item with paths under ["inputs", i] and writes the good ones', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const prefix = tag('Imp');
    const inputs = [
      { firstName: 'A', lastName: `${prefix} 0`, email: 'A@X.EXAMPLE', phone: '(415) 555-0100', accountId: account.id },
      { firstName: 'B', lastName: `${prefix} 1`, accountId: '00000000-0000-4000-8000-000000000000' },
      { firstName: '', lastName: `${prefix} 2`, email: 'bad' },
      { firstName: 'D', lastName: `${prefix} 3` },
    ];
    const { createContacts: b } = await rep.ok(BATCH, { inputs });
    expect(b.numErrors).toBe(2);
    expect(b.results[0]).toEqual({
      index: 0,
      error: null,
      record: { id: expect.any(String), lastName: `${prefix} 0`, email: 'a@x.example', phone: '+14155550100', account: { id: account.id } },
    });
    expect(b.results[1]).toMatchObject({ index: 1, record: null, error: { code: 'BAD_USER_INPUT', fields: [{ path: ['inputs', 1, 'accountId'] }] } });
    expect(b.results[2].error.fields.map((f: { path: unknown }) => f.path)).toEqual(
      expect.arrayContaining([
        ['inputs', 2, 'firstName'],
        ['inputs', 2, 'email'],
      ]),
    );
    expect(b.results[3]).toMatchObject({ index: 3, error: null, record: { lastName: `${prefix} 3` } });
    expect(await countByLastName(rep, prefix)).toBe(2);
  });

  it('with allOrNone writes nothing when one item is bad', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const prefix = tag('Imp');
    const trashed = await trashedAccount(rep.user.id);
    const inputs = [
      { firstName: 'A', lastName: `${prefix} 0` },
      { firstName: 'B', lastName: `${prefix} 1`, accountId: trashed.id },
    ];
    const { createContacts: b } = await rep.ok(BATCH, { inputs, all: true });
    expect(b.numErrors).toBe(1);
    expect(b.results.map((r: { record: unknown }) => r.record)).toEqual([null, null]);
    expect(b.results[1].error.fields[0].path).toEqual(['inputs', 1, 'accountId']);
    expect(await countByLastName(rep, prefix)).toBe(0);
  });

  it('refuses more than 100 items', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const prefix = tag('Imp');
    const inputs = Array.from({ length: 101 }, (_, i) => ({ firstName: 'X', lastName: `${prefix} ${i}` }));
    expect(await badPaths(rep, BATCH, { inputs })).toEqual([['inputs']]);
    expect(await countByLastName(rep, prefix)).toBe(0);
  });
});
