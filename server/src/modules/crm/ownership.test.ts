import { randomUUID } from 'node:crypto';
import type { Client } from '../../../test/client';
import { clientAs, createAccount, createContact, createDeal, createInteraction, createUser, RoleName, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

// Who may hold (own) a CRM record: the roles that may write it — ADMIN, SALES_MANAGER and
// SALES_REP. Assigning anyone else is refused at the owner field, on create, update and in batches.

let server: TestServer;
let manager: Client;
beforeAll(async () => {
  server = await startTestServer();
  manager = await clientAs(server, 'SALES_MANAGER');
});
afterAll(async () => {
  await server.stop();
});

const NON_HOLDERS: RoleName[] = ['ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN'];
const HOLDERS: RoleName[] = ['ADMIN', 'SALES_MANAGER', 'SALES_REP'];

interface Kind {
  type: string;
  table: string;
  input(ownerId: string): Promise<Record<string, unknown>>;
  make(ownerId: string): Promise<{ id: string }>;
}

const KINDS: Kind[] = [
  { type: 'Account', table: 'accounts', input: async (ownerId) => ({ name: tag('Held'), ownerId }), make: (o) => createAccount(server.ds, o) as never },
  {
    type: 'Contact',
    table: 'contacts',
    input: async (ownerId) => ({ firstName: 'Pat', lastName: tag('Held'), ownerId }),
    make: (o) => createContact(server.ds, o) as never,
  },
  {
    type: 'Deal',
    table: 'deals',
    input: async (ownerId) => ({ name: tag('Held'), accountId: (await createAccount(server.ds, manager.user.id)).id, ownerId }),
    make: (o) => createDeal(server.ds, o) as never,
  },
  {
    type: 'Interaction',
    table: 'interactions',
    input: async (ownerId) => ({ type: 'CALL', subject: tag('Held'), contactId: (await createContact(server.ds, manager.user.id)).id, ownerId }),
    make: (o) => createInteraction(server.ds, o) as never,
  },
];

const create = (t: string) => `mutation($input: Create${t}Input!) { create${t}(input: $input) { id owner { id } } }`;
const update = (t: string) => `mutation($id: ID!, $input: Update${t}Input!) { update${t}(id: $id, input: $input) { id owner { id } version } }`;

function expectOwnerRefused(res: Awaited<ReturnType<Client['request']>>, path: (string | number)[], role: string): void {
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors![0].extensions!.fields).toEqual([{ path, message: expect.stringContaining(`a ${role} may not`) }]);
}

describe.each(KINDS)('$type owners', (kind) => {
  it.each(NON_HOLDERS)('refuses an owner whose role is %s on create (BAD_USER_INPUT at input.ownerId) and writes nothing', async (role) => {
    const user = await createUser(server.ds, { role });
    const res = await manager.request(create(kind.type), { input: await kind.input(user.id) });
    expectOwnerRefused(res, ['input', 'ownerId'], role);
    expect(await server.ds.query(`SELECT 1 FROM "${kind.table}" WHERE "ownerId" = $1`, [user.id])).toEqual([]);
  });

  it.each(NON_HOLDERS)('refuses an owner whose role is %s on update, leaving the record as it was', async (role) => {
    const user = await createUser(server.ds, { role });
    const rec = await kind.make(manager.user.id);
    const res = await manager.request(update(kind.type), { id: rec.id, input: { ownerId: user.id } });
    expectOwnerRefused(res, ['input', 'ownerId'], role);
    const [row] = await server.ds.query(`SELECT "ownerId", "version" FROM "${kind.table}" WHERE "id" = $1`, [rec.id]);
    expect(row).toEqual({ ownerId: manager.user.id, version: 1 });
  });

  it.each(HOLDERS)('lets a manager assign an owner whose role is %s', async (role) => {
    const user = await createUser(server.ds, { role });
    const created = await manager.ok(create(kind.type), { input: await kind.input(user.id) });
    expect(created[`create${kind.type}`].owner).toEqual({ id: user.id });
    const rec = await kind.make(manager.user.id);
    const updated = await manager.ok(update(kind.type), { id: rec.id, input: { ownerId: user.id } });
    expect(updated[`update${kind.type}`].owner).toEqual({ id: user.id });
  });
});

describe('batch creates', () => {
  it.each([
    ['Account', 'createAccounts', 'CreateAccountInput'],
    ['Contact', 'createContacts', 'CreateContactInput'],
  ])('%s: refuses the item with a non-holder owner at inputs.<i>.ownerId and creates the others', async (type, field, inputType) => {
    const tech = await createUser(server.ds, { role: 'TECHNICIAN' });
    const rep = await createUser(server.ds, { role: 'SALES_REP' });
    const kind = KINDS.find((k) => k.type === type)!;
    const inputs = [await kind.input(rep.id), await kind.input(tech.id), await kind.input(manager.user.id)];
    const data = await manager.ok(
      `mutation($inputs: [${inputType}!]!) { ${field}(inputs: $inputs) {
        numErrors results { index record { id owner { id } } error { code fields { path message } } } } }`,
      { inputs },
    );
    const result = data[field];
    expect(result.numErrors).toBe(1);
    expect(result.results.map((r: any) => r.record?.owner.id ?? null)).toEqual([rep.id, null, manager.user.id]);
    expect(result.results[1].error).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: ['inputs', 1, 'ownerId'], message: expect.stringContaining('a TECHNICIAN may not') }],
    });
    expect(await server.ds.query(`SELECT 1 FROM "${kind.table}" WHERE "ownerId" = $1`, [tech.id])).toEqual([]);
  });
});

describe('who may be named', () => {
  it('still refuses an inactive holder or an unknown id as "an active user"', async () => {
    const inactive = await createUser(server.ds, { role: 'SALES_REP', active: false });
    for (const ownerId of [inactive.id, randomUUID()]) {
      const res = await manager.request(create('Account'), { input: { name: tag('Held'), ownerId } });
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'ownerId'], message: 'must be an active user' }] });
    }
  });

  it('leaves a record with its owner when an update does not name one, whoever holds it', async () => {
    // Owners whose role changed later keep their records (visible to them only as the new role allows).
    const tech = await createUser(server.ds, { role: 'TECHNICIAN' });
    const acct = await createAccount(server.ds, tech.id);
    const data = await manager.ok(update('Account'), { id: acct.id, input: { industry: 'Energy' } });
    expect(data.updateAccount).toMatchObject({ owner: { id: tech.id }, version: 2 });
  });
});
