import type { Client, GqlResponse } from '../../../test/client';
import { clientAs, createLedgerAccount, ledgerCode, ROLES, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { waitFor } from '../../../test/jobs';
import { countStatements } from '../../../test/sql-counter';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const FIELDS = `id code name type active systemRole version parent { id code } children { nodes { id } }`;
const CREATE = `mutation($input: CreateLedgerAccountInput!) { createLedgerAccount(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLedgerAccountInput!, $v: Int) { updateLedgerAccount(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const GET = `query($id: ID!) { ledgerAccount(id: $id) { ${FIELDS} } }`;
const SYSTEM = `{ ledgerAccounts(first: 100, filter: { systemRole: { isNull: false } }) { nodes { code name type systemRole active } } }`;

const create = async (c: Client, input: Record<string, unknown> = {}) =>
  (await c.ok(CREATE, { input: { code: ledgerCode(), name: tag('Fuel'), type: 'EXPENSE', ...input } })).createLedgerAccount;
const fieldError = (res: GqlResponse) => [res.errors?.[0]?.extensions?.code, res.errors?.[0]?.extensions?.fields?.[0]?.path?.join('.')];

describe('the chart of accounts', () => {
  it('starts with the system accounts, found by role, and expense accounts', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const { nodes } = (await accountant.ok(SYSTEM)).ledgerAccounts;
    expect(nodes).toEqual([
      { code: '1000', name: 'Cash', type: 'ASSET', systemRole: 'CASH', active: true },
      { code: '1100', name: 'Accounts receivable', type: 'ASSET', systemRole: 'ACCOUNTS_RECEIVABLE', active: true },
      { code: '2000', name: 'Accounts payable', type: 'LIABILITY', systemRole: 'ACCOUNTS_PAYABLE', active: true },
      { code: '2100', name: 'Sales tax payable', type: 'LIABILITY', systemRole: 'SALES_TAX_PAYABLE', active: true },
      { code: '3000', name: "Owner's equity", type: 'EQUITY', systemRole: 'OWNERS_EQUITY', active: true },
      { code: '4000', name: 'Service revenue', type: 'REVENUE', systemRole: 'SERVICE_REVENUE', active: true },
    ]);
    const expenses = (
      await accountant.ok(`{ ledgerAccounts(first: 100, filter: { type: { eq: EXPENSE }, code: { in: ["5000", "6900"] } }) { nodes { code } } }`)
    ).ledgerAccounts.nodes;
    expect(expenses).toEqual([{ code: '5000' }, { code: '6900' }]);
    const ordinary = (
      await accountant.ok(`{ ledgerAccounts(first: 100, filter: { systemRole: { isNull: true }, code: { in: ["1000", "5000"] } }) { nodes { code } } }`)
    ).ledgerAccounts.nodes;
    expect(ordinary).toEqual([{ code: '5000' }]);
  });

  it('creates, groups and renames accounts, with an activity entry for each change', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const group = await create(accountant, { name: tag('Vehicles') });
    const fuel = await create(accountant, { name: ' Fuel ', parentId: group.id });
    expect(fuel).toMatchObject({ name: 'Fuel', type: 'EXPENSE', active: true, systemRole: null, version: 1, parent: { id: group.id, code: group.code } });
    expect((await accountant.ok(GET, { id: group.id })).ledgerAccount.children.nodes).toEqual([{ id: fuel.id }]);

    const renamed = (await accountant.ok(UPDATE, { id: fuel.id, input: { name: 'Fuel and tolls', active: false }, v: 1 })).updateLedgerAccount;
    expect(renamed).toMatchObject({ name: 'Fuel and tolls', active: false, version: 2 });
    const stale = await accountant.request(UPDATE, { id: fuel.id, input: { name: 'Again' }, v: 1 });
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // Entries are served once older open transactions end: wait for both.
    const actions = await waitFor('both entries in the log', async () => {
      const log = await accountant.ok(`query($id: ID!) { activityLog(filter: { entityId: { eq: $id } }) { nodes { action } } }`, { id: fuel.id });
      const found = log.activityLog.nodes.map((n: { action: string }) => n.action).sort();
      return found.length >= 2 && found;
    });
    expect(actions).toEqual(['CREATED', 'UPDATED']);
  });

  it('refuses bad codes, a code in use, a parent of another type and a loop, with the field at fault', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const input = (over: Record<string, unknown>) => ({ input: { code: ledgerCode(), name: tag('Bad'), type: 'EXPENSE', ...over } });
    for (const code of ['12', 'ABCD', '12345678901', '10.5']) {
      expect(fieldError(await admin.request(CREATE, input({ code })))).toEqual(['BAD_USER_INPUT', 'input.code']);
    }
    expect(fieldError(await admin.request(CREATE, input({ code: '1000' })))).toEqual(['BAD_USER_INPUT', 'input.code']);
    expect(fieldError(await admin.request(CREATE, input({ name: '   ' })))).toEqual(['BAD_USER_INPUT', 'input.name']);
    const asset = await createLedgerAccount(server.ds, { type: 'ASSET' });
    expect(fieldError(await admin.request(CREATE, input({ parentId: asset.id })))).toEqual(['BAD_USER_INPUT', 'input.parentId']);

    const top = await create(admin);
    const middle = await create(admin, { parentId: top.id });
    const bottom = await create(admin, { parentId: middle.id });
    expect(fieldError(await admin.request(UPDATE, { id: top.id, input: { parentId: bottom.id } }))).toEqual(['BAD_USER_INPUT', 'input.parentId']);
    expect(fieldError(await admin.request(UPDATE, { id: top.id, input: { parentId: top.id } }))).toEqual(['BAD_USER_INPUT', 'input.parentId']);
    // Its children have its type: it cannot change type under them.
    expect(fieldError(await admin.request(UPDATE, { id: top.id, input: { type: 'ASSET' } }))).toEqual(['BAD_USER_INPUT', 'input.type']);
    expect((await admin.ok(GET, { id: top.id })).ledgerAccount).toMatchObject({ type: 'EXPENSE', parent: null, version: 1 });
  });

  it('keeps system accounts active and of their type', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const [{ id }] = await server.ds.query(`SELECT "id" FROM "ledger_accounts" WHERE "systemRole" = 'CASH'`);
    expect(fieldError(await admin.request(UPDATE, { id, input: { active: false } }))).toEqual(['BAD_USER_INPUT', 'input.active']);
    expect(fieldError(await admin.request(UPDATE, { id, input: { type: 'EXPENSE' } }))).toEqual(['BAD_USER_INPUT', 'input.type']);
    expect((await admin.ok(GET, { id })).ledgerAccount).toMatchObject({ code: '1000', type: 'ASSET', active: true, systemRole: 'CASH' });
  });

  it.each(ROLES)('as %s: reads and writes as DESIGN.md §3 says', async (role) => {
    const c = await clientAs(server, role);
    const a = await createLedgerAccount(server.ds);
    const read = await c.request(GET, { id: a.id });
    const write = await c.request(CREATE, { input: { code: ledgerCode(), name: tag('Role'), type: 'EXPENSE' } });
    const reads = ['ADMIN', 'ACCOUNTANT', 'SALES_MANAGER'].includes(role);
    const writes = ['ADMIN', 'ACCOUNTANT'].includes(role);
    expect(read.errors?.[0]?.extensions?.code).toBe(reads ? undefined : 'FORBIDDEN');
    if (reads) expect(read.data.ledgerAccount.code).toBe(a.code);
    expect(write.errors?.[0]?.extensions?.code).toBe(writes ? undefined : 'FORBIDDEN');
    const [{ n }] = await server.ds.query(`SELECT count(*)::int AS n FROM "ledger_accounts" WHERE "name" = $1`, [write.data?.createLedgerAccount?.name ?? '-']);
    expect(n).toBe(writes ? 1 : 0);
  });

  it('lists the chart with parents and children in a constant number of statements', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const prefix = tag('Tree');
    const run = async (groups: number) => {
      for (let i = 0; i < groups; i++) {
        const g = await createLedgerAccount(server.ds, { name: `${prefix} ${groups}-${i}` });
        await createLedgerAccount(server.ds, { name: `${prefix} ${groups}-${i} child`, parentId: g.id });
      }
      const list = () =>
        admin.ok(
          `query($q: String!) { ledgerAccounts(first: 100, filter: { name: { startsWith: $q } }) { nodes { id parent { id } children { nodes { id } } } } }`,
          { q: `${prefix} ${groups}-` },
        );
      await list(); // the session's first planned request looks it up on its own
      const { count, result } = await countStatements(list);
      expect(result.ledgerAccounts.nodes).toHaveLength(groups * 2);
      return count;
    };
    expect(await run(2)).toBe(await run(6));
  });
});
