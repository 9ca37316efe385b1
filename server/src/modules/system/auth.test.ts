import { gql } from '../../../test/client';
import { anonymous, clientAs, createApiKeyRow, createSession, createUser, TEST_PASSWORD } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { hashPassword, verifyPassword } from '../../kernel/auth/secrets';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token expiresAt user { id email role } } }`;
const ME = `{ me { id name role email lastLoginAt } }`;
const LOGOUT = `mutation { logout }`;
const DEACTIVATE = `mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id active } }`;

const login = (email: string, password: string) => gql(server.url, LOGIN, { email, password });
const me = (token: string | null) => gql(server.url, ME, {}, token);
const codes = (res: { errors?: { extensions?: Record<string, any> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

describe('login', () => {
  it('returns a token, its expiry and the user, and the token signs in as that user', async () => {
    const user = await createUser(server.ds, { role: 'SALES_MANAGER' });
    const before = Date.now();
    const res = await login(user.email, TEST_PASSWORD);
    expect(res.errors).toBeUndefined();
    const payload = res.data.login;
    expect(payload.user).toEqual({ id: user.id, email: user.email, role: 'SALES_MANAGER' });
    expect(typeof payload.token).toBe('string');
    expect(payload.token.length).toBeGreaterThanOrEqual(22); // ≥128 bits of entropy
    expect(new Date(payload.expiresAt).getTime()).toBeGreaterThan(before);

    const who = await me(payload.token);
    expect(who.data.me).toMatchObject({ id: user.id, role: 'SALES_MANAGER' });
  });

  it('matches the email case-insensitively and ignores surrounding spaces', async () => {
    const user = await createUser(server.ds);
    const res = await login(`  ${user.email.toUpperCase()} `, TEST_PASSWORD);
    expect(res.errors).toBeUndefined();
    expect(res.data.login.user.id).toBe(user.id);
  });

  it('sets lastLoginAt', async () => {
    const user = await createUser(server.ds);
    const old = await createSession(server.ds, user.id);
    expect((await me(old)).data.me.lastLoginAt).toBeNull();
    const before = Date.now();
    const { data } = await login(user.email, TEST_PASSWORD);
    const after = await me(data.login.token);
    expect(after.data.me.lastLoginAt).not.toBeNull();
    // Stamped by the database clock; allow for clock skew between it and this process.
    expect(new Date(after.data.me.lastLoginAt).getTime()).toBeGreaterThan(before - 60_000);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const user = await createUser(server.ds);
    const wrong = await login(user.email, 'not the password at all');
    const unknown = await login(`nobody-${user.id}@test.example`, TEST_PASSWORD);
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(200);
      expect(res.data ?? null).toBeNull(); // the client maps `data: null` to undefined
      expect(codes(res)).toEqual(['UNAUTHENTICATED']);
    }
    // The same message, so the response does not reveal which emails exist.
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
  });

  it('does not store the session secret, only a hash of it', async () => {
    const user = await createUser(server.ds);
    const { data } = await login(user.email, TEST_PASSWORD);
    const rows = await server.ds.query(`SELECT "secretHash" FROM "auth_tokens" WHERE "userId" = $1`, [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].secretHash).not.toContain(data.login.token);
    expect(data.login.token).not.toContain(rows[0].secretHash);
  });
});

describe('password hashes', () => {
  const storedHash = async (id: string): Promise<string> => (await server.ds.query(`SELECT "passwordHash" FROM "users" WHERE "id" = $1`, [id]))[0].passwordHash;
  const params = (hash: string) => hash.split('$').slice(1, 4).map(Number);
  // [N, r, p]: the settings OWASP's Password Storage Cheat Sheet lists as its minimum for scrypt.
  const OWASP_MINIMUMS = [
    [2 ** 17, 8, 1],
    [2 ** 16, 8, 2],
    [2 ** 15, 8, 3],
    [2 ** 14, 8, 5],
    [2 ** 13, 8, 10],
  ];

  it('are made with the current scrypt cost', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const email = `${admin.user.id.slice(0, 8)}-new@test.example`;
    const { createUser: created } = await admin.ok(
      `mutation($email: String!) { createUser(input: { email: $email, name: "New", role: SALES_REP, password: "long enough password" }) { id } }`,
      { email },
    );
    expect(OWASP_MINIMUMS).toContainEqual(params(await storedHash(created.id)));
  });

  it('from before the current cost are upgraded at the next successful sign-in, never at a failed one', async () => {
    const user = await createUser(server.ds);
    const legacy = await hashPassword(TEST_PASSWORD, { N: 1 << 15, r: 8, p: 1 });
    await server.ds.query(`UPDATE "users" SET "passwordHash" = $2 WHERE "id" = $1`, [user.id, legacy]);

    expect(codes(await login(user.email, 'not the password at all'))).toEqual(['UNAUTHENTICATED']);
    expect(await storedHash(user.id)).toBe(legacy);

    const res = await login(user.email, TEST_PASSWORD);
    expect(res.data.login.user.id).toBe(user.id);
    const upgraded = await storedHash(user.id);
    expect(OWASP_MINIMUMS).toContainEqual(params(upgraded));
    expect(await verifyPassword(TEST_PASSWORD, upgraded)).toBe(true);
    expect(await verifyPassword('not the password at all', upgraded)).toBe(false);

    // Signing in again keeps the current hash as it is, and still works.
    expect((await login(user.email, TEST_PASSWORD)).data.login.user.id).toBe(user.id);
    expect(await storedHash(user.id)).toBe(upgraded);
  });

  it('of a deactivated user stay as they are even with the right password', async () => {
    const user = await createUser(server.ds, { active: false });
    const legacy = await hashPassword(TEST_PASSWORD, { N: 1 << 15, r: 8, p: 1 });
    await server.ds.query(`UPDATE "users" SET "passwordHash" = $2 WHERE "id" = $1`, [user.id, legacy]);
    expect(codes(await login(user.email, TEST_PASSWORD))).toEqual(['UNAUTHENTICATED']);
    expect(await storedHash(user.id)).toBe(legacy);
  });
});

describe('me', () => {
  it('refuses a request without a token', async () => {
    expect(await anonymous(server).code(ME)).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['garbage', 'garbage'],
    ['a made-up session secret', 'cvs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a made-up API key', 'cvk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuses %s as a token', async (_label, token) => {
    const res = await me(token);
    expect(res.data ?? null).toBeNull(); // the client maps `data: null` to undefined
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses an expired session', async () => {
    const user = await createUser(server.ds);
    const token = await createSession(server.ds, user.id, { expiresAt: new Date(Date.now() - 1000) });
    expect(codes(await me(token))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a revoked session', async () => {
    const user = await createUser(server.ds);
    const token = await createSession(server.ds, user.id, { revoked: true });
    expect(codes(await me(token))).toEqual(['UNAUTHENTICATED']);
  });

  it('returns the caller, contact fields included', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const data = await rep.ok(ME);
    expect(data.me).toMatchObject({ id: rep.user.id, name: rep.user.name, role: 'SALES_REP', email: rep.user.email });
  });
});

describe('logout', () => {
  it('revokes exactly the session it is called with', async () => {
    const user = await createUser(server.ds);
    const first = (await login(user.email, TEST_PASSWORD)).data.login.token;
    const second = (await login(user.email, TEST_PASSWORD)).data.login.token;
    const other = await clientAs(server, 'SALES_REP');

    const res = await gql(server.url, LOGOUT, {}, first);
    expect(res.errors).toBeUndefined();
    expect(res.data.logout).toBe(true);

    expect(codes(await me(first))).toEqual(['UNAUTHENTICATED']);
    expect((await me(second)).data.me.id).toBe(user.id);
    expect((await other.ok(ME)).me.id).toBe(other.user.id);
    // A revoked session cannot log out again either.
    expect(codes(await gql(server.url, LOGOUT, {}, first))).toEqual(['UNAUTHENTICATED']);
  });

  it('needs a signed-in caller', async () => {
    expect(await anonymous(server).code(LOGOUT)).toBe('UNAUTHENTICATED');
  });
});

describe('deactivated users', () => {
  it('cannot sign in, and their existing sessions and API keys stop working', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const user = await createUser(server.ds, { role: 'SALES_MANAGER' });
    const session = (await login(user.email, TEST_PASSWORD)).data.login.token;
    const key = await createApiKeyRow(server.ds, user.id);
    expect((await me(session)).data.me.id).toBe(user.id);
    expect((await me(key.secret)).data.me.id).toBe(user.id);

    await admin.ok(DEACTIVATE, { id: user.id });

    const refused = await login(user.email, TEST_PASSWORD);
    expect(refused.data ?? null).toBeNull();
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors![0].message).toBe((await login(user.email, 'a wrong password')).errors![0].message);
    expect(codes(await me(session))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await me(key.secret))).toEqual(['UNAUTHENTICATED']);
  });

  it('are locked out even when deactivated outside the API', async () => {
    const user = await createUser(server.ds);
    const session = await createSession(server.ds, user.id);
    const key = await createApiKeyRow(server.ds, user.id);
    await server.ds.query(`UPDATE "users" SET "active" = false WHERE "id" = $1`, [user.id]);
    expect(codes(await me(session))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await me(key.secret))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await login(user.email, TEST_PASSWORD))).toEqual(['UNAUTHENTICATED']);
  });
});
