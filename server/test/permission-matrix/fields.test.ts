import { Client, errorCodes, GqlResponse } from '../client';
import { clientAs, createAccount, createContact, createUser, RoleName, ROLES, tag } from '../factories';
import { startTestServer, TestServer } from '../server';

// Field rules (DESIGN.md §3): a forbidden field resolves to null with a FORBIDDEN error at its
// path while the rest of the response arrives; filtering or sorting on it is refused too.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

/** [path, code] of every error, for exact comparison. */
const errorsAt = (res: GqlResponse) => (res.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);

const CONTACT_FIELDS_READERS: RoleName[] = ['ADMIN', 'SALES_MANAGER'];
const CREDIT_READERS: RoleName[] = ['ADMIN', 'SALES_MANAGER', 'ACCOUNTANT'];
const LAST_LOGIN = '2024-03-04T05:06:07.000Z';

async function personWithContactFields(c?: Client) {
  const user = c ? c.user : await createUser(server.ds, { role: 'TECHNICIAN' });
  await server.ds.query(`UPDATE "users" SET "phone" = '+14155550123', "lastLoginAt" = $2 WHERE "id" = $1`, [user.id, LAST_LOGIN]);
  return user;
}

describe('User.email, User.phone, User.lastLoginAt', () => {
  const USER = `query($id: ID!) { users(filter: { id: { eq: $id } }) { nodes { id name role email phone lastLoginAt } } }`;

  it.each(ROLES)('as %s, on someone else', async (role) => {
    const viewer = await clientAs(server, role);
    const target = await personWithContactFields();
    const res = await viewer.request(USER, { id: target.id });
    const node = res.data!.users.nodes[0];
    expect(node).toMatchObject({ id: target.id, name: target.name, role: 'TECHNICIAN' });
    if (CONTACT_FIELDS_READERS.includes(role)) {
      expect(res.errors).toBeUndefined();
      expect(node).toMatchObject({ email: target.email, phone: '+14155550123', lastLoginAt: LAST_LOGIN });
    } else {
      expect(node).toMatchObject({ email: null, phone: null, lastLoginAt: null });
      expect(errorsAt(res)).toEqual([
        ['users.nodes.0.email', 'FORBIDDEN'],
        ['users.nodes.0.phone', 'FORBIDDEN'],
        ['users.nodes.0.lastLoginAt', 'FORBIDDEN'],
      ]);
    }
  });

  it.each(ROLES)('as %s, on themself (through me and through the directory)', async (role) => {
    const self = await clientAs(server, role);
    await personWithContactFields(self);
    const expected = { id: self.user.id, email: self.user.email, phone: '+14155550123', lastLoginAt: LAST_LOGIN };
    expect((await self.ok(`{ me { id email phone lastLoginAt } }`)).me).toEqual(expected);
    const res = await self.request(USER, { id: self.user.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.users.nodes[0]).toMatchObject(expected);
  });

  it('is guarded wherever a User appears: an account owner, seen by a dispatcher', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const dispatcher = await clientAs(server, 'DISPATCHER');
    const acct = await createAccount(server.ds, rep.user.id);
    const q = `query($id: ID!) { account(id: $id) { id name owner { id name email } } }`;
    const res = await dispatcher.request(q, { id: acct.id });
    expect(res.data!.account).toEqual({ id: acct.id, name: acct.name, owner: { id: rep.user.id, name: rep.user.name, email: null } });
    expect(errorsAt(res)).toEqual([['account.owner.email', 'FORBIDDEN']]);
    // The owner sees their own email on the same path.
    expect((await rep.ok(q, { id: acct.id })).account.owner.email).toBe(rep.user.email);
  });
});

describe('Account.creditLimit', () => {
  const ACCOUNT = `query($id: ID!) { account(id: $id) { id name creditLimit } }`;

  it.each(ROLES.filter((r) => r !== 'TECHNICIAN'))('reading it as %s', async (role) => {
    const viewer = await clientAs(server, role);
    // A rep reads only their own accounts, so the account is theirs; everyone else reads any.
    const owner = role === 'SALES_REP' ? viewer.user.id : (await createUser(server.ds, { role: 'SALES_REP' })).id;
    const acct = await createAccount(server.ds, owner, { creditLimit: '500' });
    const res = await viewer.request(ACCOUNT, { id: acct.id });
    if (CREDIT_READERS.includes(role)) {
      expect(res.errors).toBeUndefined();
      expect(res.data!.account).toEqual({ id: acct.id, name: acct.name, creditLimit: '500.00' });
    } else {
      expect(res.data!.account).toEqual({ id: acct.id, name: acct.name, creditLimit: null });
      expect(errorsAt(res)).toEqual([['account.creditLimit', 'FORBIDDEN']]);
    }
  });

  it('is null with an error per row in a list, and through a relation', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const name = tag('Credit');
    const acct = await createAccount(server.ds, rep.user.id, { name, creditLimit: '10' });
    await createAccount(server.ds, rep.user.id, { name: `${name} two`, creditLimit: '20' });
    const contact = await createContact(server.ds, rep.user.id, { accountId: acct.id });
    const list = await rep.request(`query($n: String!) { accounts(filter: { name: { startsWith: $n } }) { nodes { name creditLimit } } }`, { n: name });
    expect(list.data!.accounts.nodes).toHaveLength(2);
    expect(errorsAt(list)).toEqual([
      ['accounts.nodes.0.creditLimit', 'FORBIDDEN'],
      ['accounts.nodes.1.creditLimit', 'FORBIDDEN'],
    ]);
    const nested = await rep.request(`query($id: ID!) { contact(id: $id) { id account { name creditLimit } } }`, { id: contact.id });
    expect(nested.data!.contact).toEqual({ id: contact.id, account: { name, creditLimit: null } });
    expect(errorsAt(nested)).toEqual([['contact.account.creditLimit', 'FORBIDDEN']]);
  });

  describe('filtering and sorting on it', () => {
    const cases: [string, string, Record<string, unknown>][] = [
      ['a filter', `query($f: AccountFilter) { accounts(filter: $f) { nodes { id } } }`, { f: { creditLimit: { gt: '0' } } }],
      [
        'a filter inside or/not',
        `query($f: AccountFilter) { accounts(filter: $f) { nodes { id } } }`,
        { f: { or: [{ name: { eq: 'x' } }, { not: { creditLimit: { isNull: true } } }] } },
      ],
      ['a relation filter', `query($f: ContactFilter) { contacts(filter: $f) { nodes { id } } }`, { f: { account: { creditLimit: { gte: '1000' } } } }],
      ['a sort key', `{ accounts(orderBy: [{ field: CREDIT_LIMIT, direction: DESC }]) { nodes { id } } }`, {}],
    ];

    it.each(cases)('refuses %s from a rep and a dispatcher', async (_what, query, vars) => {
      for (const role of ['SALES_REP', 'DISPATCHER'] as const) {
        const res = await (await clientAs(server, role)).request(query, vars);
        expect(errorCodes(res)).toEqual(['FORBIDDEN']);
      }
    });

    it('refuses it in a nested list’s filter, with the error at that list', async () => {
      const rep = await clientAs(server, 'SALES_REP');
      const acct = await createAccount(server.ds, rep.user.id);
      const res = await rep.request(`query($id: ID!) { account(id: $id) { name deals(filter: { account: { creditLimit: { gt: "0" } } }) { nodes { id } } } }`, {
        id: acct.id,
      });
      expect(res.data!.account).toBeNull(); // deals is non-null, so the null bubbles to account
      expect(errorsAt(res)).toEqual([['account.deals', 'FORBIDDEN']]);
    });

    it('lets an accountant filter and sort by it', async () => {
      const accountant = await clientAs(server, 'ACCOUNTANT');
      const name = tag('Ranked');
      const owner = await createUser(server.ds, { role: 'SALES_REP' });
      for (const limit of ['300', '100', '200']) await createAccount(server.ds, owner.id, { name: `${name} ${limit}`, creditLimit: limit });
      const data = await accountant.ok(
        `query($n: String!) { accounts(filter: { name: { startsWith: $n }, creditLimit: { gte: "150" } }, orderBy: [{ field: CREDIT_LIMIT, direction: ASC }]) { nodes { creditLimit } } }`,
        { n: name },
      );
      expect(data.accounts.nodes).toEqual([{ creditLimit: '200.00' }, { creditLimit: '300.00' }]);
    });
  });

  describe('writing it', () => {
    it('is refused to a rep on their own account, which stays unchanged', async () => {
      const rep = await clientAs(server, 'SALES_REP');
      const acct = await createAccount(server.ds, rep.user.id, { creditLimit: '50' });
      expect(await rep.code(`mutation($id: ID!) { updateAccount(id: $id, input: { creditLimit: "9999" }) { id } }`, { id: acct.id })).toBe('FORBIDDEN');
      const [row] = await server.ds.query(`SELECT "creditLimit", "version" FROM "accounts" WHERE "id" = $1`, [acct.id]);
      expect(row).toEqual({ creditLimit: '50.00', version: 1 });
    });

    it('fails a rep’s batch item that sets it, and only that item', async () => {
      const rep = await clientAs(server, 'SALES_REP');
      const data = await rep.ok(
        `mutation($inputs: [CreateAccountInput!]!) { createAccounts(inputs: $inputs) { numErrors results { index error { code } record { id } } } }`,
        { inputs: [{ name: tag('Ok') }, { name: tag('Credit'), creditLimit: '5' }] },
      );
      expect(data.createAccounts.numErrors).toBe(1);
      expect(data.createAccounts.results[0].record).not.toBeNull();
      expect(data.createAccounts.results[1]).toEqual({ index: 1, error: { code: 'FORBIDDEN' }, record: null });
    });

    it('is allowed to a manager', async () => {
      const manager = await clientAs(server, 'SALES_MANAGER');
      const acct = await createAccount(server.ds, manager.user.id);
      const data = await manager.ok(`mutation($id: ID!) { updateAccount(id: $id, input: { creditLimit: "750.5" }) { creditLimit } }`, { id: acct.id });
      expect(data.updateAccount.creditLimit).toBe('750.50');
    });
  });

  it('is redacted in the activity log for a rep, while other changes show', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const rep = await clientAs(server, 'SALES_REP');
    const name = tag('Logged');
    const created = await manager.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
      input: { name, ownerId: rep.user.id, creditLimit: '100' },
    });
    const q = `query($id: ID!) { activityLog(filter: { entityId: { eq: $id } }) { nodes { action changes } } }`;
    const vars = { id: created.createAccount.id };
    // Wait (bounded) until the entry is served at all; visibility alone then decides.
    for (let i = 0; i < 100 && !(await manager.ok(q, vars)).activityLog.nodes.length; i++) await new Promise((r) => setTimeout(r, 20));
    const [asManager] = (await manager.ok(q, vars)).activityLog.nodes;
    expect(asManager.changes.creditLimit).toEqual({ from: null, to: '100.00' });
    const [asRep] = (await rep.ok(q, vars)).activityLog.nodes;
    expect(asRep.action).toBe('CREATED');
    expect(asRep.changes.creditLimit).toEqual({ redacted: true });
    expect(asRep.changes.name).toEqual({ from: null, to: name });
  });
});
