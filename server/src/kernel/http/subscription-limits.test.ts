import { Client as PgClient } from 'pg';
import type { Client as WsClient } from 'graphql-ws';
import { hashSecret } from '../auth/secrets';
import { Client } from '../../../test/client';
import { clientAs, createApiKeyRow, createSession } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { connectedSocket, createOwnAccount, disposeSockets, runOverSocket, Subscription, SUBSCRIPTION, useWsServer } from '../../../test/ws';
import { SOCKET_RECHECK_MS } from './subscription-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  useWsServer(server);
});
afterAll(async () => {
  await disposeSockets();
  await server.stop();
});

const codes = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => (res.errors ?? []).map((e) => e.extensions?.code);

/**
 * Writes probe records as `writer` until every subscription in `subs` has delivered one (so each
 * is live); returns the subscriptions that never did, or failed.
 */
async function untilAllLive(writer: Client, subs: Subscription[]): Promise<Subscription[]> {
  let waiting = [...subs];
  for (let attempt = 1; attempt <= 10 && waiting.length; attempt++) {
    const probe = await createOwnAccount(writer);
    const still: Subscription[] = [];
    for (const sub of waiting) {
      try {
        while ((await sub.next(200 * attempt)).entityId !== probe);
      } catch {
        if (!sub.failure) still.push(sub);
      }
    }
    waiting = still;
  }
  return [...waiting, ...subs.filter((s) => s.failure)];
}

/** A new subscription on `client`, retried while the server still counts a just-completed one. */
async function subscribeWhenFree(writer: Client, client: WsClient): Promise<Subscription> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const sub = new Subscription(client);
    if (!(await untilAllLive(writer, [sub])).length) return sub;
    sub.stop();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no subscription slot came free');
}

describe('subscriptions per socket', () => {
  it('are at most 20: the 21st gets RATE_LIMITED naming the limit, and the 20 keep delivering', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const client = await connectedSocket(rep.token!);
    // Refused subscriptions take no slot.
    for (let i = 0; i < 25; i++) {
      expect(codes(await runOverSocket(client, SUBSCRIPTION, { filter: { createdAt: { eq: 'not a date' } } }))).toEqual(['BAD_USER_INPUT']);
    }
    const subs = Array.from({ length: 20 }, () => new Subscription(client));
    const refused = await runOverSocket(client, SUBSCRIPTION);
    expect(refused.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/subscriptions limit of 20 per socket/i),
        extensions: { code: 'RATE_LIMITED', limit: 20 },
      }),
    ]);
    expect(await untilAllLive(rep, subs)).toEqual([]);
    // Queries and mutations over the socket do not count against it.
    expect((await runOverSocket(client, `{ me { id } }`)).data).toEqual({ me: { id: rep.user.id } });
    expect(codes(await runOverSocket(client, SUBSCRIPTION))).toEqual(['RATE_LIMITED']);
  });

  it('free their slot when completed', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const client = await connectedSocket(rep.token!);
    const subs = Array.from({ length: 20 }, () => new Subscription(client));
    expect(await untilAllLive(rep, subs)).toEqual([]);
    expect(codes(await runOverSocket(client, SUBSCRIPTION))).toEqual(['RATE_LIMITED']);
    subs[0].stop();
    const replacement = await subscribeWhenFree(rep, client);
    expect(await untilAllLive(rep, [...subs.slice(1), replacement])).toEqual([]);
  });

  it('are counted per socket: another socket of the same user has its own 20', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const first = await connectedSocket(rep.token!);
    const second = await connectedSocket(rep.token!);
    const subs = Array.from({ length: 20 }, () => new Subscription(first));
    expect(codes(await runOverSocket(first, SUBSCRIPTION))).toEqual(['RATE_LIMITED']);
    const other = new Subscription(second);
    expect(await untilAllLive(rep, [...subs, other])).toEqual([]);
  });
});

describe('sockets per user', () => {
  it('are at most 20 on an instance: the 21st closes with 4429, other users are not affected, a closed socket frees its slot', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const open: WsClient[] = [];
    for (let i = 0; i < 20; i++) open.push(await connectedSocket(rep.token!));
    await expect(connectedSocket(rep.token!)).rejects.toMatchObject({ code: 4429, reason: expect.stringMatching(/too many connections/i) });
    // Every session and API key of the user counts towards the same 20.
    const key = await createApiKeyRow(server.ds, rep.user.id);
    await expect(connectedSocket(key.secret)).rejects.toMatchObject({ code: 4429 });
    await expect(connectedSocket(await createSession(server.ds, rep.user.id))).rejects.toMatchObject({ code: 4429 });
    const other = await clientAs(server, 'SALES_REP');
    const otherSocket = await connectedSocket(other.token!);
    expect((await runOverSocket(otherSocket, `{ me { id } }`)).data).toEqual({ me: { id: other.user.id } });
    // The sockets that stay open still work.
    expect((await runOverSocket(open[19], `{ me { id } }`)).data).toEqual({ me: { id: rep.user.id } });

    await open[0].dispose();
    let replacement: WsClient | null = null;
    for (let attempt = 0; attempt < 50 && !replacement; attempt++) {
      replacement = await connectedSocket(rep.token!).catch(async (err) => {
        if (err.code !== 4429) throw err;
        await new Promise((r) => setTimeout(r, 20)); // the server has not seen the close yet
        return null;
      });
    }
    expect((await runOverSocket(replacement!, `{ me { id } }`)).data).toEqual({ me: { id: rep.user.id } });
    await expect(connectedSocket(rep.token!)).rejects.toMatchObject({ code: 4429 });
  });
});

describe('the periodic socket re-check', () => {
  it(
    'looks up every open socket’s token in one statement',
    async () => {
      const tokens: string[] = [];
      for (let i = 0; i < 3; i++) tokens.push((await clientAs(server, 'SALES_REP')).token!);
      const manager = await clientAs(server, 'SALES_MANAGER');
      tokens.push((await createApiKeyRow(server.ds, manager.user.id)).secret);
      for (const token of tokens) await connectedSocket(token);

      // Statements about secrets issued from now on outside any request: the re-check's.
      const proto = PgClient.prototype as unknown as { query: (...args: unknown[]) => unknown };
      const original = proto.query;
      const seen: { text: string; values: unknown[] }[] = [];
      let first: () => void = () => undefined;
      const firstSeen = new Promise<void>((resolve) => {
        first = resolve;
      });
      proto.query = function patched(this: unknown, ...args: unknown[]) {
        const q = args[0] as string | { text?: string; values?: unknown[] };
        const text = typeof q === 'string' ? q : (q?.text ?? '');
        if (text.includes('"secretHash"')) {
          seen.push({ text, values: ((typeof q === 'string' ? args[1] : q?.values) as unknown[]) ?? [] });
          first();
        }
        return original.apply(this, args);
      };
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          firstSeen,
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error('no re-check within two periods')), 2 * SOCKET_RECHECK_MS);
          }),
        ]);
      } finally {
        clearTimeout(timer);
        proto.query = original;
      }
      const [recheck] = seen;
      expect(recheck.text).toMatch(/= ANY\(\$1\)/);
      expect(recheck.values.flat()).toEqual(expect.arrayContaining(tokens.map(hashSecret)));
    },
    3 * SOCKET_RECHECK_MS,
  );
});
