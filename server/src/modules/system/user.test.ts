import { gql } from '../../../test/client';
import { clientAs, createUser, ROLES, tag, TEST_PASSWORD } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { id email name role phone active lastLoginAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id name phone role active } }`;
const ME = `{ me { id role } }`;
const USERS = `query($filter: UserFilter, $orderBy: [UserOrderBy!], $first: Int) {
  users(filter: $filter, orderBy: $orderBy, first: $first) { nodes { id name role active email phone lastLoginAt } }
}`;
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }`;

const OTHER_ROLES = ROLES.filter((r) => r !== 'ADMIN');
const newInput = (over: Record<string, unknown> = {}) => {
  const t = tag('u');
  return { email: `${t}@test.example`, name: `Person ${t}`, role: 'SALES_REP', password: 'long enough password', ...over };
};

/** The `extensions.fields` of a BAD_USER_INPUT response (asserting the code on the way). */
function fieldErrors(res: { errors?: { extensions?: Record<string, any> }[] }): { path: unknown[]; message: string }[] {
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  return res.errors![0].extensions!.fields;
}

describe('createUser', () => {
  it('lets an ADMIN create a user, normalising email and phone, who can then sign in', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const t = tag('new');
    const data = await admin.ok(CREATE, {
      input: { email: `${t.toUpperCase()}@Test.Example`, name: ' New Person ', role: 'ACCOUNTANT', password: 'long enough password', phone: '(415) 555-0100' },
    });
    expect(data.createUser).toMatchObject({
      email: `${t}@test.example`,
      name: 'New Person',
      role: 'ACCOUNTANT',
      phone: '+14155550100',
      active: true,
      lastLoginAt: null,
    });

    const res = await gql(server.url, LOGIN, { email: `${t}@test.example`, password: 'long enough password' });
    expect(res.errors).toBeUndefined();
    expect(typeof res.data.login.token).toBe('string');
  });

  it('keeps phones already in E.164 and accepts international numbers', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const data = await admin.ok(CREATE, { input: newInput({ phone: '+44 20 7946 0958' }) });
    expect(data.createUser.phone).toBe('+442079460958');
  });

  it.each(OTHER_ROLES)('is refused to %s', async (role) => {
    const caller = await clientAs(server, role);
    const input = newInput();
    expect(await caller.code(CREATE, { input })).toBe('FORBIDDEN');
    const rows = await server.ds.query(`SELECT 1 FROM "users" WHERE "email" = $1`, [input.email]);
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['a short password', { password: 'short' }, 'password'],
    ['an unparseable phone', { phone: '12' }, 'phone'],
    ['an empty name', { name: '' }, 'name'],
  ])('rejects %s with a field error', async (_label, over, field) => {
    const admin = await clientAs(server, 'ADMIN');
    const fields = fieldErrors(await admin.request(CREATE, { input: newInput(over) }));
    expect(fields).toEqual([{ path: ['input', field], message: expect.any(String) }]);
  });

  it('reports every invalid field at once', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const fields = fieldErrors(await admin.request(CREATE, { input: newInput({ email: 'nope', password: 'short' }) }));
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        ['input', 'email'],
        ['input', 'password'],
      ]),
    );
  });

  it('rejects an email already in use, whatever its case', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const existing = await createUser(server.ds);
    const fields = fieldErrors(await admin.request(CREATE, { input: newInput({ email: existing.email.toUpperCase() }) }));
    expect(fields).toEqual([{ path: ['input', 'email'], message: expect.stringContaining('already') }]);
  });
});

describe('updateUser', () => {
  it('lets an ADMIN rename, re-phone and change the role; the user acts with the new role at once', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const rep = await clientAs(server, 'SALES_REP');
    const other = await createUser(server.ds);
    const otherEmail = `{ users(filter: { id: { eq: "${other.id}" } }) { nodes { email } } }`;
    expect((await rep.request(otherEmail)).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const data = await admin.ok(UPDATE, { id: rep.user.id, input: { name: 'Renamed', phone: '415-555-0199', role: 'SALES_MANAGER' } });
    expect(data.updateUser).toEqual({ id: rep.user.id, name: 'Renamed', phone: '+14155550199', role: 'SALES_MANAGER', active: true });

    expect((await rep.ok(ME)).me.role).toBe('SALES_MANAGER');
    expect((await rep.ok(otherEmail)).users.nodes).toEqual([{ email: other.email }]);
  });

  it('clears the phone with null and leaves omitted fields alone', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const user = await createUser(server.ds, { phone: '+14155550100', role: 'DISPATCHER' });
    const data = await admin.ok(UPDATE, { id: user.id, input: { phone: null } });
    expect(data.updateUser).toMatchObject({ phone: null, role: 'DISPATCHER', name: user.name, active: true });
  });

  it.each(OTHER_ROLES)('is refused to %s', async (role) => {
    const caller = await clientAs(server, role);
    const target = await createUser(server.ds);
    expect(await caller.code(UPDATE, { id: target.id, input: { name: 'Hijacked' } })).toBe('FORBIDDEN');
    // Not even on their own record: role and active are the admin's to change.
    expect(await caller.code(UPDATE, { id: caller.user.id, input: { role: 'ADMIN' } })).toBe('FORBIDDEN');
    const [row] = await server.ds.query(`SELECT "name", "role" FROM "users" WHERE "id" = $1`, [target.id]);
    expect(row.name).toBe(target.name);
    expect((await caller.ok(ME)).me.role).toBe(role);
  });

  it('rejects an unparseable phone and an empty name with field errors', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const user = await createUser(server.ds);
    expect(fieldErrors(await admin.request(UPDATE, { id: user.id, input: { phone: 'call me' } }))).toEqual([
      { path: ['input', 'phone'], message: expect.any(String) },
    ]);
    expect(fieldErrors(await admin.request(UPDATE, { id: user.id, input: { name: '' } }))).toEqual([{ path: ['input', 'name'], message: expect.any(String) }]);
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const admin = await clientAs(server, 'ADMIN');
    expect(await admin.code(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'Ghost' } })).toBe('NOT_FOUND');
  });

  it('does not let an admin deactivate or demote themself', async () => {
    const admin = await clientAs(server, 'ADMIN');
    expect(fieldErrors(await admin.request(UPDATE, { id: admin.user.id, input: { active: false } }))).toEqual([
      { path: ['input', 'active'], message: expect.any(String) },
    ]);
    expect(fieldErrors(await admin.request(UPDATE, { id: admin.user.id, input: { role: 'SALES_MANAGER' } }))).toEqual([
      { path: ['input', 'role'], message: expect.any(String) },
    ]);
    // Still an active admin; harmless changes to their own record are fine.
    const data = await admin.ok(UPDATE, { id: admin.user.id, input: { name: 'Chief', role: 'ADMIN', active: true } });
    expect(data.updateUser).toMatchObject({ name: 'Chief', role: 'ADMIN', active: true });
  });

  it('deactivation revokes the user’s sessions: their next request is UNAUTHENTICATED, also after reactivation', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const rep = await clientAs(server, 'SALES_REP');
    expect((await rep.ok(ME)).me.id).toBe(rep.user.id);

    expect((await admin.ok(UPDATE, { id: rep.user.id, input: { active: false } })).updateUser.active).toBe(false);
    expect(await rep.code(ME)).toBe('UNAUTHENTICATED');

    // Reactivating lets them sign in again, but the old session stays revoked.
    await admin.ok(UPDATE, { id: rep.user.id, input: { active: true } });
    expect(await rep.code(ME)).toBe('UNAUTHENTICATED');
    const res = await gql(server.url, LOGIN, { email: rep.user.email, password: TEST_PASSWORD });
    expect(res.errors).toBeUndefined();
    expect((await gql(server.url, ME, {}, res.data.login.token)).data.me.id).toBe(rep.user.id);
  });
});

describe('users directory', () => {
  it.each(ROLES)('shows %s the directory fields of everyone', async (role) => {
    const caller = await clientAs(server, role);
    const other = await createUser(server.ds, { role: 'TECHNICIAN', name: tag('Dir') });
    const data = (await caller.request(USERS, { filter: { id: { eq: other.id } } })).data;
    expect(data.users.nodes).toEqual([expect.objectContaining({ id: other.id, name: other.name, role: 'TECHNICIAN', active: true })]);
  });

  it.each(['SALES_REP', 'ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN'] as const)('hides other users’ email, phone and lastLoginAt from %s', async (role) => {
    const caller = await clientAs(server, role);
    const other = await createUser(server.ds, { phone: '+14155550100' });
    await server.ds.query(`UPDATE "users" SET "lastLoginAt" = now() WHERE "id" = $1`, [other.id]);
    const res = await caller.request(USERS, { filter: { id: { eq: other.id } } });
    expect(res.status).toBe(200);
    expect(res.data.users.nodes).toEqual([{ id: other.id, name: other.name, role: 'SALES_REP', active: true, email: null, phone: null, lastLoginAt: null }]);
    const forbidden = res.errors!.map((e) => [e.extensions?.code, e.path]);
    expect(forbidden).toEqual(
      expect.arrayContaining([
        ['FORBIDDEN', ['users', 'nodes', 0, 'email']],
        ['FORBIDDEN', ['users', 'nodes', 0, 'phone']],
        ['FORBIDDEN', ['users', 'nodes', 0, 'lastLoginAt']],
      ]),
    );
    expect(forbidden).toHaveLength(3);
  });

  it.each(['SALES_REP', 'ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN'] as const)('shows %s their own email', async (role) => {
    const caller = await clientAs(server, role);
    const res = await caller.request(USERS, { filter: { id: { eq: caller.user.id } } });
    expect(res.errors).toBeUndefined();
    expect(res.data.users.nodes).toEqual([expect.objectContaining({ id: caller.user.id, email: caller.user.email, phone: null })]);
  });

  it.each(['ADMIN', 'SALES_MANAGER'] as const)('shows %s everyone’s contact fields', async (role) => {
    const caller = await clientAs(server, role);
    const other = await createUser(server.ds, { phone: '+14155550100' });
    await server.ds.query(`UPDATE "users" SET "lastLoginAt" = now() WHERE "id" = $1`, [other.id]);
    const res = await caller.request(USERS, { filter: { id: { eq: other.id } } });
    expect(res.errors).toBeUndefined();
    expect(res.data.users.nodes).toEqual([expect.objectContaining({ email: other.email, phone: '+14155550100', lastLoginAt: expect.any(String) })]);
  });

  it('is closed to anonymous callers', async () => {
    const res = await gql(server.url, USERS, {});
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('filters by name, role and active and sorts by name', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const t = tag('Filt');
    const b = await createUser(server.ds, { name: `${t} b`, role: 'DISPATCHER' });
    const a = await createUser(server.ds, { name: `${t} a`, role: 'TECHNICIAN' });
    const c = await createUser(server.ds, { name: `${t} c`, role: 'TECHNICIAN', active: false });
    const ids = async (filter: object, orderBy?: object) =>
      (await rep.ok(USERS.replace(' email phone lastLoginAt', ''), { filter: { name: { startsWith: t }, ...filter }, orderBy })).users.nodes.map(
        (n: { id: string }) => n.id,
      );

    expect(await ids({}, [{ field: 'NAME', direction: 'ASC' }])).toEqual([a.id, b.id, c.id]);
    expect(await ids({}, [{ field: 'NAME', direction: 'DESC' }])).toEqual([c.id, b.id, a.id]);
    expect(await ids({ role: { eq: 'TECHNICIAN' } })).toEqual([a.id, c.id]);
    expect(await ids({ active: { eq: false } })).toEqual([c.id]);
    expect(await ids({ role: { in: ['TECHNICIAN'] }, active: { eq: true } })).toEqual([a.id]);
    expect(await ids({ not: { role: { eq: 'TECHNICIAN' } } })).toEqual([b.id]);
  });

  it('offers no way to filter or sort by contact fields, so a rep cannot probe emails', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await createUser(server.ds);
    for (const [filter, orderBy] of [
      [{ email: { eq: other.email } }, undefined],
      [{ phone: { isNull: true } }, undefined],
      [{ and: [{ email: { startsWith: 'a' } }] }, undefined],
      [undefined, [{ field: 'EMAIL' }]],
    ]) {
      const res = await rep.request(USERS, { filter, orderBy });
      expect(res.status).toBe(400);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      expect(res.data).toBeUndefined();
    }
  });
});

describe('email input', () => {
  it('accepts surrounding spaces and stores the address trimmed and lower-cased', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const email = `  Spaced.${Date.now()}@Example.com `;
    const res = await admin.ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { email } }`, {
      input: { email, name: 'Spaced', role: 'SALES_REP', password: 'long enough password' },
    });
    expect(res.createUser.email).toBe(email.trim().toLowerCase());
  });
});
