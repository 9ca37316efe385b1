import { randomInt } from 'node:crypto';
import { gql, type GqlResponse } from '../../../test/client';
import { createUser, TEST_PASSWORD } from '../../../test/factories';
import { sharedRedisUrl, startRedisServer, workerRedisPrefix } from '../../../test/redis';
import { startTestServer, type TestServer } from '../../../test/server';

// With Redis, failed sign-ins count across API instances: an attacker cannot multiply the
// limits by spreading attempts over instances. Without Redis reachable, each instance counts
// in memory and sign-in keeps working.
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`;
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const login = (s: TestServer, email: string, password: string, ip: string) => gql(s.url, LOGIN, { email, password }, null, { 'x-forwarded-for': ip });
const codeOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.code;

describe('login limits shared through Redis', () => {
  let a: TestServer;
  let b: TestServer;
  beforeAll(async () => {
    const env = { TRUST_PROXY: 'true', REDIS_URL: sharedRedisUrl(), REDIS_PREFIX: workerRedisPrefix(`limits${Date.now()}`) };
    a = await startTestServer(env);
    b = await startTestServer(env);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('counts failed attempts for an account across instances', async () => {
    const user = await createUser(a.ds);
    const codes: unknown[] = [];
    // Five failures spread over both instances, each from its own address.
    for (const s of [a, b, a, b, a]) codes.push(codeOf(await login(s, user.email, 'wrong password!', freshIp())));
    expect(codes).toEqual(Array(5).fill('UNAUTHENTICATED'));
    const limited = await login(b, user.email, TEST_PASSWORD, freshIp());
    expect(codeOf(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].message).toMatch(/account/);
  });
});

describe('login limits while Redis is down', () => {
  it('signs in and still limits, counting in memory', async () => {
    const redis = await startRedisServer();
    const server = await startTestServer({ TRUST_PROXY: 'true', REDIS_URL: redis.url, REDIS_PREFIX: workerRedisPrefix('limits-down') });
    try {
      const user = await createUser(server.ds);
      await redis.stop();
      expect((await login(server, user.email, TEST_PASSWORD, freshIp())).data?.login.user.id).toBe(user.id);
      for (let i = 0; i < 5; i++) expect(codeOf(await login(server, user.email, 'wrong password!', freshIp()))).toBe('UNAUTHENTICATED');
      expect(codeOf(await login(server, user.email, TEST_PASSWORD, freshIp()))).toBe('RATE_LIMITED');
    } finally {
      await server.stop();
      await redis.stop();
    }
  });
});
