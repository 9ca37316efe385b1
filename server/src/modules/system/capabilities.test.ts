import { Client } from '../../../test/client';
import { clientAs, createApiKeyRow, RoleName } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

// `me { capabilities }` tells the web what the caller may do per entity type. Expected values are
// written out from DESIGN.md §3, not derived from the policies they check.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const QUERY = `{ me { capabilities { entityType read create update delete assignOwner hiddenFields holderRoles } } }`;

async function capabilities(c: Client): Promise<Record<string, Record<string, unknown>>> {
  const { me } = await c.ok(QUERY);
  return Object.fromEntries(me.capabilities.map((cap: { entityType: string }) => [cap.entityType, cap]));
}

const NONE = { read: 'NONE', create: false, update: 'NONE', delete: 'NONE', assignOwner: false, hiddenFields: [] };

const EXPECTED: Record<RoleName, Record<string, object>> = {
  ADMIN: {
    Account: { read: 'ALL', create: true, update: 'ALL', delete: 'ALL', assignOwner: true, hiddenFields: [] },
    Deal: { read: 'ALL', create: true, update: 'ALL', delete: 'ALL', assignOwner: true },
    Task: { read: 'ALL', create: true, update: 'ALL', delete: 'ALL', assignOwner: true },
    User: { read: 'ALL', create: true, update: 'ALL', delete: 'NONE', hiddenFields: [] },
    ApiKey: { read: 'ALL', create: true, update: 'ALL' },
  },
  SALES_MANAGER: {
    Account: { read: 'ALL', create: true, update: 'ALL', delete: 'ALL', assignOwner: true, hiddenFields: [] },
    Interaction: { read: 'ALL', create: true, update: 'ALL', delete: 'ALL', assignOwner: true },
    User: { read: 'ALL', create: false, update: 'NONE', hiddenFields: [] },
    ApiKey: { read: 'OWN', create: true, update: 'OWN' },
  },
  SALES_REP: {
    Account: { read: 'OWN', create: true, update: 'OWN', delete: 'OWN', assignOwner: false, hiddenFields: ['creditLimit'] },
    Deal: { read: 'OWN', create: true, update: 'OWN', delete: 'OWN', assignOwner: false },
    Task: { read: 'OWN', create: true, update: 'OWN', delete: 'OWN', assignOwner: false },
    User: { read: 'ALL', create: false, update: 'NONE', hiddenFields: ['email', 'lastLoginAt', 'phone'] },
  },
  ACCOUNTANT: {
    Account: { read: 'ALL', create: false, update: 'NONE', delete: 'NONE', assignOwner: false, hiddenFields: [] },
    Deal: { read: 'ALL', create: false, update: 'NONE', delete: 'NONE' },
    Interaction: NONE,
    Task: NONE,
  },
  DISPATCHER: {
    Account: { read: 'ALL', create: false, update: 'NONE', hiddenFields: ['creditLimit'] },
    Contact: { read: 'ALL', create: false },
    Deal: NONE,
    Interaction: NONE,
  },
  TECHNICIAN: {
    Account: NONE,
    Contact: NONE,
    Deal: NONE,
    Task: NONE,
    User: { read: 'ALL', create: false, update: 'NONE' },
    ApiKey: { read: 'OWN', create: true, update: 'OWN' },
  },
};

// Who may own or be assigned each type's records (the owner and assignee pickers offer only them):
// the sales roles for the CRM records and tasks, whoever asks; nobody for types without an owner.
const SALES = ['ADMIN', 'SALES_MANAGER', 'SALES_REP'];
const HOLDERS: Record<string, string[]> = {
  Account: SALES,
  Contact: SALES,
  Deal: SALES,
  Interaction: SALES,
  Task: SALES,
  User: [],
  ApiKey: [],
  Invoice: [],
  WorkOrder: [],
};

describe('me { capabilities }', () => {
  it.each(Object.keys(EXPECTED) as RoleName[])('tells %s what it may do per entity type', async (role) => {
    const caps = await capabilities(await clientAs(server, role));
    expect(Object.keys(caps)).toEqual(expect.arrayContaining(['Account', 'Contact', 'Deal', 'Interaction', 'Task', 'User', 'ApiKey']));
    for (const [type, expected] of Object.entries(EXPECTED[role])) {
      const got = { ...caps[type], hiddenFields: [...(caps[type].hiddenFields as string[])].sort() };
      expect({ type, ...got }).toMatchObject({ type, ...expected });
    }
  });

  it.each(Object.keys(EXPECTED) as RoleName[])('tells %s which roles may hold each type, the same for every caller', async (role) => {
    const caps = await capabilities(await clientAs(server, role));
    for (const [type, roles] of Object.entries(HOLDERS)) expect({ type, holderRoles: caps[type].holderRoles }).toEqual({ type, holderRoles: roles });
  });

  it('follows the credential: a read-only API key may create and change nothing', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const key = await createApiKeyRow(server.ds, rep.user.id, { readOnly: true });
    const caps = await capabilities(new Client(server.url, key.secret, rep.user));
    expect(caps.Account).toMatchObject({ read: 'OWN', create: false, update: 'NONE', delete: 'NONE' });
  });

  it('is only on your own user', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const rep = await clientAs(server, 'SALES_REP');
    const res = await admin.request(`query($id: ID!) { user(id: $id) { name capabilities { entityType } } }`, { id: rep.user.id });
    expect(res.data?.user).toEqual({ name: rep.user.name, capabilities: null });
    expect(res.errors?.[0]).toMatchObject({ path: ['user', 'capabilities'], extensions: { code: 'FORBIDDEN' } });
  });
});
