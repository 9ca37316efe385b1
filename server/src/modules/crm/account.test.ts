import { clientAs, createUser, tag } from '../../../test/factories';
import type { Client } from '../../../test/client';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

// creditLimit is FORBIDDEN to reps, so only the manager's operations (…_M) select it.
const FIELDS = `id name industry website phone email billingAddress version deletedAt owner { id }`;
const CREATE = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { ${FIELDS} } }`;
const CREATE_M = `mutation($input: CreateAccountInput!) { createAccount(input: $input) { ${FIELDS} creditLimit } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateAccountInput!, $v: Int) { updateAccount(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const UPDATE_M = `mutation($id: ID!, $input: UpdateAccountInput!, $v: Int) { updateAccount(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} creditLimit } }`;
const DELETE = `mutation($id: ID!) { deleteAccount(id: $id) }`;
const RESTORE = `mutation($id: ID!) { restoreAccount(id: $id) { id deletedAt version } }`;
const GET = `query($id: ID!) { account(id: $id) { ${FIELDS} } }`;
const GET_M = `query($id: ID!) { account(id: $id) { ${FIELDS} creditLimit } }`;
const LIST = `query($filter: AccountFilter) { accounts(first: 100, filter: $filter) { totalCount nodes { id name deletedAt } } }`;
const BATCH = `mutation($inputs: [CreateAccountInput!]!, $all: Boolean) {
  createAccounts(inputs: $inputs, allOrNone: $all) { numErrors results { index record { id name } error { code message fields { path message } } } }
}`;

/** Runs an operation that must fail with BAD_USER_INPUT and returns the field paths it names. */
async function badPaths(client: Client, query: string, variables: Record<string, unknown>): Promise<unknown[]> {
  const res = await client.request(query, variables);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  const fields = res.errors![0].extensions!.fields as { path: unknown[]; message: string }[];
  for (const f of fields) expect(f.message).toEqual(expect.any(String));
  return fields.map((f) => f.path);
}

const createdWithPrefix = async (client: Client, prefix: string) =>
  (await client.ok(LIST, { filter: { name: { startsWith: prefix } } })).accounts.totalCount as number;

describe('createAccount', () => {
  it('normalises phone, email and money and makes the caller the owner', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const name = tag('Acme');
    const data = await manager.ok(CREATE_M, { input: { name, phone: '(415) 555-0100', email: 'Sales@ACME.example', creditLimit: '1234.5' } });
    expect(data.createAccount).toMatchObject({
      name,
      phone: '+14155550100',
      email: 'sales@acme.example',
      creditLimit: '1234.50',
      version: 1,
      owner: { id: manager.user.id },
    });
  });

  it('refuses a credit limit from a rep, who may not read it', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    expect(await rep.code(CREATE, { input: { name: tag('Acme'), creditLimit: '10' } })).toBe('FORBIDDEN');
  });

  it('stores "1234.5" as numeric 1234.50 and returns "1234.50" on later reads too', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const { createAccount: a } = await manager.ok(CREATE_M, { input: { name: tag('Money'), creditLimit: '1234.5' } });
    const [row] = await server.ds.query(`SELECT "creditLimit"::text AS v FROM accounts WHERE id = $1`, [a.id]);
    expect(row.v).toBe('1234.50');
    expect((await manager.ok(GET_M, { id: a.id })).account.creditLimit).toBe('1234.50');
    const updated = await manager.ok(UPDATE_M, { id: a.id, input: { creditLimit: '7' } });
    expect(updated.updateAccount.creditLimit).toBe('7.00');
  });

  it('keeps an international phone in E.164 and trims text fields', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const name = tag('Intl');
    const { createAccount: a } = await manager.ok(CREATE, { input: { name: `  ${name}  `, phone: '+44 20 7946 0958', email: 'Info@Example.COM' } });
    expect(a).toMatchObject({ name, phone: '+442079460958', email: 'info@example.com' });
  });

  const invalid: [string, Record<string, unknown>, string][] = [
    ['an empty name', { name: '' }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['an industry over 100 characters', { industry: 'i'.repeat(101) }, 'industry'],
    ['a website that is no address', { website: 'not a web site' }, 'website'],
    ['an unparseable phone', { phone: 'call me maybe' }, 'phone'],
    ['a phone with too few digits', { phone: '12' }, 'phone'],
    ['an invalid email', { email: 'sales-at-acme' }, 'email'],
    ['a billing address over 1000 characters', { billingAddress: 'a'.repeat(1001) }, 'billingAddress'],
    ['money with 3 decimals', { creditLimit: '10.125' }, 'creditLimit'],
    ['negative money', { creditLimit: '-1.00' }, 'creditLimit'],
    ['non-numeric money', { creditLimit: 'lots' }, 'creditLimit'],
    ['an owner who is no user', { ownerId: '00000000-0000-4000-8000-000000000000' }, 'ownerId'],
  ];
  it.each(invalid)('rejects %s with BAD_USER_INPUT at its field and writes nothing', async (_label, fields, field) => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const prefix = tag('Bad');
    const input = { name: `${prefix} ok`, ...fields };
    expect(await badPaths(manager, CREATE, { input })).toContainEqual(['input', field]);
    expect(await createdWithPrefix(manager, prefix)).toBe(0);
  });

  it('accepts a website without a protocol and a zero credit limit', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const { createAccount: a } = await manager.ok(CREATE_M, { input: { name: tag('Ok'), creditLimit: '0' } });
    expect(a.creditLimit).toBe('0.00');
    const upd = await manager.ok(UPDATE, { id: a.id, input: { website: 'acme.example' } });
    expect(upd.updateAccount.website).toBe('acme.example');
  });

  it('lets a rep own records themselves only (FORBIDDEN to assign), while a manager assigns', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const other = await createUser(server.ds, { role: 'SALES_REP' });
    expect(await rep.code(CREATE, { input: { name: tag('A'), ownerId: other.id } })).toBe('FORBIDDEN');
    const mine = await rep.ok(CREATE, { input: { name: tag('A'), ownerId: rep.user.id } });
    expect(mine.createAccount.owner.id).toBe(rep.user.id);
    const assigned = await manager.ok(CREATE, { input: { name: tag('A'), ownerId: other.id } });
    expect(assigned.createAccount.owner.id).toBe(other.id);
  });
});

describe('updateAccount', () => {
  it('changes only the given fields, clears with null and bumps the version', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const { createAccount: a } = await manager.ok(CREATE, { input: { name: tag('Upd'), phone: '4155550100', email: 'a@b.example' } });
    const { updateAccount: u } = await manager.ok(UPDATE, { id: a.id, input: { industry: 'Plumbing', email: null }, v: 1 });
    expect(u).toMatchObject({ name: a.name, phone: '+14155550100', industry: 'Plumbing', email: null, version: 2 });
  });

  it.each([
    ['a null name', { name: null }, 'name'],
    ['an empty name', { name: '' }, 'name'],
    ['an invalid email', { email: 'x@' }, 'email'],
    ['an unparseable phone', { phone: 'none' }, 'phone'],
    ['money with 3 decimals', { creditLimit: '0.001' }, 'creditLimit'],
  ])('rejects %s at ["input", field] and leaves the record as it was', async (_l, input, field) => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const { createAccount: a } = await manager.ok(CREATE, { input: { name: tag('Upd') } });
    expect(await badPaths(manager, UPDATE, { id: a.id, input })).toContainEqual(['input', field]);
    expect((await manager.ok(GET, { id: a.id })).account).toMatchObject({ name: a.name, version: 1 });
  });

  it('fails with CONFLICT on a stale expectedVersion and keeps the newer data', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const { createAccount: a } = await rep.ok(CREATE, { input: { name: tag('Ver') } });
    await rep.ok(UPDATE, { id: a.id, input: { industry: 'first' }, v: 1 });
    expect(await rep.code(UPDATE, { id: a.id, input: { industry: 'second' }, v: 1 })).toBe('CONFLICT');
    expect((await rep.ok(GET, { id: a.id })).account).toMatchObject({ industry: 'first', version: 2 });
  });

  it('lets exactly one of 20 concurrent updates with the same expectedVersion through', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const { createAccount: a } = await rep.ok(CREATE, { input: { name: tag('Race') } });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => rep.request(UPDATE, { id: a.id, input: { industry: `writer ${i}` }, v: 1 })));
    const winners = results.filter((r) => !r.errors && r.data?.updateAccount);
    const codes = results.filter((r) => r.errors).map((r) => r.errors![0].extensions?.code);
    expect(winners).toHaveLength(1);
    expect(codes).toEqual(Array(19).fill('CONFLICT'));
    const final = (await rep.ok(GET, { id: a.id })).account;
    expect(final).toMatchObject({ version: 2, industry: winners[0].data.updateAccount.industry });
  });

  it('is NOT_FOUND for a missing id and for another rep’s account', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const { createAccount: a } = await rep.ok(CREATE, { input: { name: tag('Mine') } });
    expect(await other.code(UPDATE, { id: a.id, input: { industry: 'x' } })).toBe('NOT_FOUND');
    expect(await other.code(DELETE, { id: a.id })).toBe('NOT_FOUND');
    expect(await rep.code(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { industry: 'x' } })).toBe('NOT_FOUND');
    expect(await rep.code(UPDATE, { id: 'not-a-uuid', input: { industry: 'x' } })).toBe('NOT_FOUND');
    expect((await other.ok(GET, { id: a.id })).account).toBeNull();
  });
});

describe('trash (soft delete) and restore', () => {
  const CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
  const CONTACT_GET = `query($id: ID!) { contact(id: $id) { id account { id name deletedAt } } }`;

  it('takes a deleted account out of lists and lookups, keeps it in the trash, and leaves its contacts', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const { createAccount: a } = await rep.ok(CREATE, { input: { name: tag('Trash') } });
    const { createContact: c } = await rep.ok(CONTACT, { input: { firstName: 'Ann', lastName: tag('L'), accountId: a.id } });

    expect(await rep.ok(DELETE, { id: a.id })).toEqual({ deleteAccount: true });
    expect((await rep.ok(GET, { id: a.id })).account).toBeNull();
    expect((await rep.ok(LIST, { filter: { id: { eq: a.id } } })).accounts.nodes).toEqual([]);

    const trash = (await rep.ok(LIST, { filter: { id: { eq: a.id }, deletedAt: { isNull: false } } })).accounts.nodes;
    expect(trash).toEqual([{ id: a.id, name: a.name, deletedAt: expect.any(String) }]);

    const contact = (await rep.ok(CONTACT_GET, { id: c.id })).contact;
    expect(contact).toEqual({ id: c.id, account: { id: a.id, name: a.name, deletedAt: trash[0].deletedAt } });
  });

  it('restores a trashed account, and a live one cannot be restored (NOT_FOUND)', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const { createAccount: a } = await rep.ok(CREATE, { input: { name: tag('Back') } });
    await rep.ok(DELETE, { id: a.id });
    const { restoreAccount: r } = await rep.ok(RESTORE, { id: a.id });
    expect(r).toMatchObject({ id: a.id, deletedAt: null });
    expect((await rep.ok(GET, { id: a.id })).account).toMatchObject({ id: a.id, deletedAt: null });
    expect((await rep.ok(LIST, { filter: { id: { eq: a.id } } })).accounts.nodes).toHaveLength(1);
    expect(await rep.code(RESTORE, { id: a.id })).toBe('NOT_FOUND');
  });

  it('treats a trashed account as missing for update and delete, and hides it from other reps’ trash', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const { createAccount: a } = await rep.ok(CREATE, { input: { name: tag('Gone') } });
    await rep.ok(DELETE, { id: a.id });
    expect(await rep.code(UPDATE, { id: a.id, input: { industry: 'x' } })).toBe('NOT_FOUND');
    expect(await rep.code(DELETE, { id: a.id })).toBe('NOT_FOUND');
    expect(await other.code(RESTORE, { id: a.id })).toBe('NOT_FOUND');
    expect((await other.ok(LIST, { filter: { id: { eq: a.id }, deletedAt: { isNull: false } } })).accounts.nodes).toEqual([]);
  });
});

describe('createAccounts (batch)', () => {
  it('reports a result per item with field paths under ["inputs", i] and writes the good ones', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const prefix = tag('Batch');
    const inputs = [
      { name: `${prefix} 0`, creditLimit: '5.5' },
      { name: `${prefix} 1`, email: 'broken' },
      { name: '' },
      { name: `${prefix} 3`, creditLimit: '1.999', phone: 'nope' },
      { name: `${prefix} 4` },
    ];
    const { createAccounts: b } = await manager.ok(BATCH, { inputs });
    expect(b.numErrors).toBe(3);
    expect(b.results.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4]);
    expect(b.results[0]).toMatchObject({ record: { name: `${prefix} 0` }, error: null });
    expect((await manager.ok(GET_M, { id: b.results[0].record.id })).account.creditLimit).toBe('5.50');
    expect(b.results[4]).toMatchObject({ record: { name: `${prefix} 4` }, error: null });
    expect(b.results[1]).toMatchObject({ record: null, error: { code: 'BAD_USER_INPUT', fields: [{ path: ['inputs', 1, 'email'] }] } });
    expect(b.results[2].error.fields.map((f: { path: unknown }) => f.path)).toEqual([['inputs', 2, 'name']]);
    expect(b.results[3].error.fields.map((f: { path: unknown }) => f.path)).toEqual(
      expect.arrayContaining([
        ['inputs', 3, 'phone'],
        ['inputs', 3, 'creditLimit'],
      ]),
    );
    expect(b.results[3].error.message).toEqual(expect.any(String));
    expect(await createdWithPrefix(manager, prefix)).toBe(2);
  });

  it('reports a FORBIDDEN item (a rep setting a credit limit) without failing the rest', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const prefix = tag('RepBatch');
    const { createAccounts: b } = await rep.ok(BATCH, { inputs: [{ name: `${prefix} a` }, { name: `${prefix} b`, creditLimit: '1' }] });
    expect(b.numErrors).toBe(1);
    expect(b.results[1]).toMatchObject({ index: 1, record: null, error: { code: 'FORBIDDEN', fields: [] } });
    expect(await createdWithPrefix(rep, prefix)).toBe(1);
  });

  it('with allOrNone writes nothing when one item is bad, and every record is null', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const prefix = tag('AllOrNone');
    const inputs = [{ name: `${prefix} 0` }, { name: `${prefix} 1` }, { name: `${prefix} 2`, website: 'no way' }];
    const { createAccounts: b } = await manager.ok(BATCH, { inputs, all: true });
    expect(b.numErrors).toBe(1);
    expect(b.results.map((r: { record: unknown }) => r.record)).toEqual([null, null, null]);
    expect(b.results[2].error.fields[0].path).toEqual(['inputs', 2, 'website']);
    expect(await createdWithPrefix(manager, prefix)).toBe(0);
  });

  it('with allOrNone writes every item when all are good', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const prefix = tag('AllGood');
    const { createAccounts: b } = await manager.ok(BATCH, { inputs: [{ name: `${prefix} 0` }, { name: `${prefix} 1` }], all: true });
    expect(b.numErrors).toBe(0);
    expect(b.results.every((r: { record: unknown }) => r.record)).toBe(true);
    expect(await createdWithPrefix(manager, prefix)).toBe(2);
  });

  it('takes 100 items but refuses 101 with BAD_USER_INPUT, writing nothing', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const prefix = tag('Max');
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${i}` }));
    expect(await badPaths(rep, BATCH, { inputs: items(101) })).toEqual([['inputs']]);
    expect(await createdWithPrefix(rep, prefix)).toBe(0);
    const { createAccounts: b } = await rep.ok(BATCH, { inputs: items(100) });
    expect(b.numErrors).toBe(0);
    expect(await createdWithPrefix(rep, prefix)).toBe(100);
  });
});
