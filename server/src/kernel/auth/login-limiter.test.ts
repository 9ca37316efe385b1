import { randomInt } from 'node:crypto';
import { gql, type GqlResponse } from '../../../test/client';
import { createUser, TEST_PASSWORD } from '../../../test/factories';
import { sharedRedisUrl, startRedisServer, workerRedisPrefix } from '../../../test/redis';
import { startTestServer, type TestServer } from '../../../test/server';
import { addressKey } from './login-limiter';
import { hashPassword } from './secrets';

// With Redis, failed sign-ins count across API instances: an attacker cannot multiply the
// limits by spreading attempts over instances. Without Redis reachable, each instance counts
// in memory and sign-in keeps working.
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`;
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const login = (s: TestServer, email: string, password: string, ip: string) => gql(s.url, LOGIN, { email, password }, null, { 'x-forwarded-for': ip });
const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;
// Each test server is its own "proxy" hop: the last X-Forwarded-For entry is the client's address.
const BEHIND_ONE_PROXY = { TRUST_PROXY: '1' };

describe('addressKey: what the per-address limits count under', () => {
  it('keeps an IPv4 address whole, also when written IPv4-mapped', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(addressKey('0:0:0:0:0:ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    const key = '2001:db8:85a3:42::/64';
    for (const a of [
      '2001:db8:85a3:42::1',
      '2001:db8:85a3:42:ffff:ffff:ffff:ffff',
      '2001:0DB8:85A3:0042:0:0:0:9',
      '2001:db8:85a3:42::a:b',
      '2001:db8:85a3:42:1:2:1.2.3.4',
    ]) {
      expect({ a, key: addressKey(a) }).toEqual({ a, key });
    }
    expect(addressKey('2001:db8:85a3:43::1')).toBe('2001:db8:85a3:43::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    // Other embedded IPv4 forms (NAT64, IPv4-compatible) are IPv6 addresses like any other.
    expect(addressKey('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
  });

  it('keeps anything else as given', () => {
    expect(addressKey('')).toBe('');
    expect(addressKey('not an address')).toBe('not an address');
  });
});

describe('login limits shared through Redis', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const env = { ...BEHIND_ONE_PROXY, REDIS_URL: sharedRedisUrl(), REDIS_PREFIX: workerRedisPrefix(`limits${Date.now()}`) };
    a = await startTestServer(env);
    b = await startTestServer(env);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('counts failed attempts for an account from an address across instances', async () => {
    const user = await createUser(a.ds);
    const ip = freshIp();
    const codes: unknown[] = [];
    // Five failures from one address, spread over both instances.
    for (const s of [a, b, a, b, a]) codes.push(codeOf(await login(s, user.email, 'wrong password!', ip)));
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const limited = await login(b, user.email, TEST_PASSWORD, ip);
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].message).toMatch(/for this account from this address/);
    expect((await login(a, user.email, TEST_PASSWORD, freshIp())).data?.login.user.id).toBe(user.id);
  });

  it('counts the per-account ceiling across instances and addresses', async () => {
    // A cheap stored hash keeps a hundred failed checks fast (failures never rehash it).
    const user = await createUser(a.ds);
    await a.ds.query(`UPDATE "users" SET "passwordHash" = $2 WHERE "id" = $1`, [user.id, await hashPassword(TEST_PASSWORD, { N: 1 << 10, r: 8, p: 1 })]);
    const codes: unknown[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => login(i % 2 ? a : b, user.email, 'wrong password!', freshIp())));
      codes.push(...responses.map(codeOf));
    }
    expect(codes).toEqual(Array(100).fill('UNAUTHENTICATED'));
    for (const s of [a, b]) {
      const limited = await login(s, user.email, TEST_PASSWORD, freshIp());
      expect(codeOf(limited)).toBe('RATE_LIMITED');
      expect(limited.errors![0].message).toMatch(/^Too many failed sign-in attempts for this account;/);
    }
  });
});

describe('login limits while Redis is down', () => {
  it('signs in and still limits, counting in memory', async () => {
    const redis = await startRedisServer();
    const server = await startTestServer({ ...BEHIND_ONE_PROXY, REDIS_URL: redis.url, REDIS_PREFIX: workerRedisPrefix('limits-down') });
    try {
      const user = await createUser(server.ds);
      await redis.stop();
      expect((await login(server, user.email, TEST_PASSWORD, freshIp())).data?.login.user.id).toBe(user.id);
      const ip = freshIp();
      for (let i = 0; i < 5; i++) expect(codeOf(await login(server, user.email, 'wrong password!', ip))).toBe('UNAUTHENTICATED');
      expect(codeOf(await login(server, user.email, TEST_PASSWORD, ip))).toBe('RATE_LIMITED');
      expect((await login(server, user.email, TEST_PASSWORD, freshIp())).data?.login.user.id).toBe(user.id);
    } finally {
      await server.stop();
      await redis.stop();
    }
  });
});
