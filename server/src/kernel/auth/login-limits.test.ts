import { randomInt } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, type GqlResponse } from '../../../test/client';
import { createSession, createUser, TEST_PASSWORD, type UserRow } from '../../../test/factories';
import { startTestServer, type TestServer } from '../../../test/server';
import { hashPassword } from './secrets';

// Failed sign-ins: ≤ 5 per account and address, ≤ 30 per address, ≤ 100 per account across
// addresses, per 15 minutes. Behind proxies the address is the one the trusted proxies report
// (TRUST_PROXY), read from the right of X-Forwarded-For: whatever a client writes in front of it
// changes nothing. These tests act as an appending proxy by sending "<anything>, <address>". An
// IPv6 address counts by its /64 (one host usually holds the whole prefix), an IPv4-mapped one as
// its IPv4 address.
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token user { id } } }`;
const octet = () => randomInt(1, 255);
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${octet()}`;
const publicIp = () => `203.0.${randomInt(114, 256)}.${octet()}`;
const spoof = () => `${octet()}.${octet()}.${octet()}.${octet()}`;
const hextet = () => randomInt(0x10000).toString(16);
/** A random IPv6 /64 prefix (in 2001:db8::/32, the documentation range), and addresses within it. */
const freshPrefix = () => `2001:db8:${hextet()}:${hextet()}`;
const inPrefix = (prefix: string) => `${prefix}:${hextet()}:${hextet()}:${hextet()}:${hextet()}`;
const codes = (res: GqlResponse) => (res.errors ?? []).map((e) => e.extensions?.code);

const login = (s: TestServer, email: string, password: string, forwardedFor?: string) =>
  gql(s.url, LOGIN, { email, password }, null, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});

function expectLimited(res: GqlResponse, message: RegExp): void {
  expect(res.status).toBe(200);
  expect(res.data).toBeUndefined();
  expect(codes(res)).toEqual(['RATE_LIMITED']);
  expect(res.errors![0].message).toMatch(message);
  expect(res.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
  expect(res.errors![0].extensions!.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
}

const FROM_ADDRESS = /^Too many failed sign-in attempts from this address/;
const FROM_PAIR = /^Too many failed sign-in attempts for this account from this address/;
const FOR_ACCOUNT = /^Too many failed sign-in attempts for this account;/;

// A failed check costs what the stored hash's parameters cost. Tests that need dozens of failures
// store a cheap hash (failures never rehash it), so they stay fast.
let cheapHash: Promise<string> | undefined;
async function userWithCheapHash(s: TestServer): Promise<UserRow> {
  cheapHash ??= hashPassword(TEST_PASSWORD, { N: 1 << 10, r: 8, p: 1 });
  const user = await createUser(s.ds);
  await s.ds.query(`UPDATE "users" SET "passwordHash" = $2 WHERE "id" = $1`, [user.id, await cheapHash]);
  return user;
}

/** Fails `count` times from one address, spread over fresh accounts (≤ 5 each), each with its own spoofed first entry. */
async function sprayFrom(s: TestServer, count: number, forwardedFor: () => string): Promise<void> {
  const accounts = await Promise.all(Array.from({ length: Math.ceil(count / 5) }, () => userWithCheapHash(s)));
  for (let i = 0; i < count; i++) {
    expect(codes(await login(s, accounts[Math.floor(i / 5)].email, 'a wrong password', forwardedFor()))).toEqual(['UNAUTHENTICATED']);
  }
}

describe('login limits behind one proxy (TRUST_PROXY=1)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('locks an account only from the address that failed 5 times: the owner still signs in from theirs', async () => {
    const user = await userWithCheapHash(server);
    const other = await createUser(server.ds);
    const attacker = freshIp();
    // Case variants of the email are the same account; spoofed first entries change nothing.
    for (const email of [user.email, user.email.toUpperCase(), user.email, ` ${user.email}`, user.email]) {
      expect(codes(await login(server, email, 'a wrong password', `${spoof()}, ${attacker}`))).toEqual(['UNAUTHENTICATED']);
    }
    expect((await login(server, user.email, TEST_PASSWORD, freshIp())).data.login.user.id).toBe(user.id);
    expectLimited(await login(server, user.email, TEST_PASSWORD, `${spoof()}, ${attacker}`), FROM_PAIR);
    expectLimited(await login(server, user.email, TEST_PASSWORD, attacker), FROM_PAIR);
    expect((await login(server, other.email, TEST_PASSWORD, attacker)).data.login.user.id).toBe(other.id);
  });

  it('does not count successful sign-ins as failures', async () => {
    const user = await userWithCheapHash(server);
    const ip = freshIp();
    for (let i = 0; i < 4; i++) expect(codes(await login(server, user.email, 'a wrong password', ip))).toEqual(['UNAUTHENTICATED']);
    for (let i = 0; i < 3; i++) expect((await login(server, user.email, TEST_PASSWORD, ip)).data.login.user.id).toBe(user.id);
    expect(codes(await login(server, user.email, 'a wrong password', ip))).toEqual(['UNAUTHENTICATED']);
    expectLimited(await login(server, user.email, TEST_PASSWORD, ip), FROM_PAIR);
  });

  it('allows 30 failures per address over all accounts, whatever the client writes before the proxy’s entry', async () => {
    const ip = freshIp();
    await sprayFrom(server, 30, () => `${spoof()}, ${ip}`);
    const user = await createUser(server.ds);
    expectLimited(await login(server, user.email, TEST_PASSWORD, `${spoof()}, ${ip}`), FROM_ADDRESS);
    expectLimited(await login(server, user.email, TEST_PASSWORD, `${spoof()},${spoof()} , ${ip}`), FROM_ADDRESS);
    expect((await login(server, user.email, TEST_PASSWORD, `${spoof()}, ${freshIp()}`)).data.login.user.id).toBe(user.id);
  });

  it('counts IPv6 addresses by their /64: a host rotating through its prefix shares one budget of 30', async () => {
    const prefix = freshPrefix();
    await sprayFrom(server, 30, () => `${spoof()}, ${inPrefix(prefix)}`);
    const user = await createUser(server.ds);
    expectLimited(await login(server, user.email, TEST_PASSWORD, `${spoof()}, ${inPrefix(prefix)}`), FROM_ADDRESS);
    expectLimited(await login(server, user.email, TEST_PASSWORD, `${prefix}::1`), FROM_ADDRESS);
    // The neighbouring /64 is someone else.
    expect((await login(server, user.email, TEST_PASSWORD, inPrefix(freshPrefix()))).data.login.user.id).toBe(user.id);
  });

  it('counts an IPv4-mapped IPv6 address as the IPv4 address it maps', async () => {
    const ip = freshIp();
    await sprayFrom(server, 30, () => (randomInt(2) ? `::ffff:${ip}` : ip));
    const user = await createUser(server.ds);
    expectLimited(await login(server, user.email, TEST_PASSWORD, `::ffff:${ip}`), FROM_ADDRESS);
    expectLimited(await login(server, user.email, TEST_PASSWORD, ip), FROM_ADDRESS);
  });

  it('counts every aliased attempt: ten guesses per request never get past 5 failures', async () => {
    const user = await userWithCheapHash(server);
    const ip = freshIp();
    const guesses = `mutation($email: String!) { ${Array.from({ length: 10 }, (_, i) => `g${i}: login(email: $email, password: "guess number ${i}") { token }`).join(' ')} }`;
    const all: string[] = [];
    for (let request = 0; request < 6; request++) {
      const res = await gql(server.url, guesses, { email: user.email }, null, { 'x-forwarded-for': `${spoof()}, ${ip}` });
      expect(res.status).toBe(200);
      expect(res.data).toBeUndefined(); // no guess ever signs in
      all.push(...codes(res));
    }
    expect(all.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(all.filter((c) => c !== 'UNAUTHENTICATED' && c !== 'RATE_LIMITED')).toEqual([]);
    expect(all[all.length - 1]).toBe('RATE_LIMITED');
    expectLimited(await login(server, user.email, TEST_PASSWORD, ip), FROM_PAIR);
  });

  it('refuses an account everywhere after 100 failures from many addresses, other accounts unaffected', async () => {
    const user = await userWithCheapHash(server);
    const other = await createUser(server.ds);
    // A hundred guesses from a hundred addresses, twenty at a time: every one is checked and fails.
    const results: string[] = [];
    for (let batch = 0; batch < 5; batch++) {
      const responses = await Promise.all(Array.from({ length: 20 }, () => login(server, user.email, 'a wrong password', `${spoof()}, ${freshIp()}`)));
      results.push(...responses.flatMap(codes));
    }
    expect(results).toEqual(Array(100).fill('UNAUTHENTICATED'));
    const owner = freshIp();
    expectLimited(await login(server, user.email, TEST_PASSWORD, owner), FOR_ACCOUNT);
    expect((await login(server, other.email, TEST_PASSWORD, owner)).data.login.user.id).toBe(other.id);
  });

  it('counts a login over a WebSocket against the address the proxy reports, as over HTTP', async () => {
    const member = await createUser(server.ds, { role: 'SALES_REP' });
    const target = await userWithCheapHash(server);
    const attacker = freshIp();
    const overSocket = async (forwardedFor: string, password: string): Promise<string[]> => {
      const impl = class extends WebSocket {
        constructor(url: string, protocols?: string | string[]) {
          super(url, protocols, { headers: { 'x-forwarded-for': forwardedFor } });
        }
      };
      const client = createClient({
        url: server.url.replace(/^http/, 'ws'),
        webSocketImpl: impl,
        connectionParams: { Authorization: `Bearer ${await createSession(server.ds, member.id)}` },
        retryAttempts: 0,
      });
      try {
        return await new Promise<string[]>((resolve, reject) => {
          let seen: string[] = [];
          client.subscribe(
            { query: LOGIN, variables: { email: target.email, password } },
            {
              next: (r) => {
                seen = (r.errors ?? []).map((e) => String(e.extensions?.code));
              },
              error: reject,
              complete: () => resolve(seen),
            },
          );
        });
      } finally {
        await client.dispose();
      }
    };
    for (let i = 0; i < 5; i++) expect(await overSocket(`${spoof()}, ${attacker}`, 'a wrong password')).toEqual(['UNAUTHENTICATED']);
    // Counted against the attacker's address only: the owner signs in over HTTP from theirs.
    expect((await login(server, target.email, TEST_PASSWORD, freshIp())).data.login.user.id).toBe(target.id);
    expect(await overSocket(`${spoof()}, ${attacker}`, TEST_PASSWORD)).toEqual(['RATE_LIMITED']);
    expectLimited(await login(server, target.email, TEST_PASSWORD, `${spoof()}, ${attacker}`), FROM_PAIR);
  });
});

describe('login limits behind listed proxies (TRUST_PROXY=loopback, 10.0.0.0/8)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'loopback, 10.0.0.0/8' });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('takes the first address no trusted proxy vouches for, so spoofed entries cannot escape the per-address limit', async () => {
    const client = publicIp();
    // The client, then an internal load balancer (10.x), then this server's loopback peer.
    await sprayFrom(server, 30, () => `${spoof()}, ${client}, ${freshIp()}`);
    const user = await createUser(server.ds);
    expectLimited(await login(server, user.email, TEST_PASSWORD, `${spoof()}, ${client}, ${freshIp()}`), FROM_ADDRESS);
    expectLimited(await login(server, user.email, TEST_PASSWORD, client), FROM_ADDRESS);
    expect((await login(server, user.email, TEST_PASSWORD, `${client}, ${publicIp()}, ${freshIp()}`)).data.login.user.id).toBe(user.id);
  });
});

describe('login limits without TRUST_PROXY', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('ignores X-Forwarded-For: every spoofed address shares the connection’s budget', async () => {
    await sprayFrom(server, 30, freshIp);
    const user = await createUser(server.ds);
    expectLimited(await login(server, user.email, TEST_PASSWORD, freshIp()), FROM_ADDRESS);
  });
});
