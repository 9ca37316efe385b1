import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from '../../../test/client';
import { clientAs } from '../../../test/factories';
import { RedisServer, startRedisServer, workerRedisPrefix } from '../../../test/redis';
import { startTestServer, TestServer } from '../../../test/server';
import { createOwnAccount, disposeSockets, FEED, subscribed, Subscription } from '../../../test/ws';

// Redis stops and comes back under two API instances (a private redis-server: the shared one is
// never touched). Requests keep working; once the subscription is back each instance closes its
// sockets with 1012, and a client that resumes from its last cursor misses nothing.

let redis: RedisServer;
let a: TestServer;
let b: TestServer;

beforeAll(async () => {
  redis = await startRedisServer();
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: workerRedisPrefix('restart') };
  a = await startTestServer(env);
  b = await startTestServer(env);
});
afterAll(async () => {
  await disposeSockets();
  await a?.stop();
  await b?.stop();
  await redis?.stop();
});

const readyz = async (s: TestServer) => {
  const res = await fetch(s.url.replace(/\/graphql$/, '/readyz'));
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

async function until(what: string | (() => string), check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const redisIs = (state: string) => async () => (await readyz(a)).body.redis === state && (await readyz(b)).body.redis === state;
/** Both instances subscribed again, and one of them publishing. */
const settled = async () => (await redisIs('up')()) && ((await readyz(a)).body.feedPublisher || (await readyz(b)).body.feedPublisher) === true;

/** Stops Redis, checks readiness and requests while it is down, runs `meanwhile`, starts it again. */
async function redisOutage<T>(meanwhile: () => Promise<T>): Promise<T> {
  await redis.stop();
  await until('both instances to see Redis down', redisIs('down'));
  for (const s of [a, b])
    expect(await readyz(s)).toEqual({ status: 200, body: expect.objectContaining({ status: 'degraded', database: 'up', redis: 'down' }) });
  const result = await meanwhile();
  await redis.start();
  return result;
}

/** Subscribes as `c` (on B by default), retrying while instances still close sockets after the restart. */
async function resubscribe(c: Client, filter: Record<string, unknown> | undefined, probe: () => Promise<string>, url = b.url): Promise<Subscription> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await subscribed(c, filter, probe, url);
    } catch (err) {
      if (attempt > 3 || !String(err).includes('1012')) throw err;
    }
  }
}

describe('Redis outage under two instances', () => {
  it('keeps requests working, closes sockets with 1012 once Redis is back, and the last cursor catches up exactly the missed entries', async () => {
    const manager = await clientAs(a, 'SALES_MANAGER');
    const rep = await clientAs(a, 'SALES_REP');
    const byRep = { actorId: { eq: rep.user.id } };
    const sub = await subscribed(manager, byRep, () => createOwnAccount(rep), b.url);
    const live = await createOwnAccount(rep);
    const last = await sub.next();
    expect(last.entityId).toBe(live);

    const missed = await redisOutage(async () => {
      // Mutations on either instance and queries succeed with Redis down.
      const ids = [await createOwnAccount(rep), await createOwnAccount(rep.at(b.url)), await createOwnAccount(rep)];
      expect((await manager.at(b.url).ok(`query($id: ID!) { account(id: $id) { id } }`, { id: ids[1] })).account).toEqual({ id: ids[1] });
      await sub.expectQuiet(300); // nothing is delivered meanwhile
      return ids;
    });

    // The instance holding the socket tells it to resync.
    await until('the socket to close', async () => {
      await sub.next(100).catch(() => undefined);
      return sub.failure !== null;
    });
    expect(sub.failure).toMatchObject({ code: 1012 });
    await until('Redis up on both instances', settled);

    // Catch-up from the last received cursor: exactly the missed entries, in order.
    const edges = (await manager.at(b.url).ok(FEED, { after: last.cursor, filter: byRep })).activityLog.edges;
    expect(edges.map((e: { node: { entityId: string } }) => e.node.entityId)).toEqual(missed);

    // Live delivery resumes on a new socket.
    const again = await resubscribe(manager, byRep, () => createOwnAccount(rep));
    const fresh = await createOwnAccount(rep);
    expect((await again.next()).entityId).toBe(fresh);
    await again.expectQuiet();
  });

  it('the example watcher reconnects after 1012 and catches up: every entry once, in order', async () => {
    const manager = await clientAs(a, 'SALES_MANAGER');
    const rep = await clientAs(a, 'SALES_REP');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watcher-'));
    const watcher = startWatcher(b, manager.token!, { actorId: { eq: rep.user.id } }, path.join(dir, 'cursor'));
    try {
      await watcher.waitFor(/live/);
      const written = [await createOwnAccount(rep)];
      await until('the watcher to print the live entry', async () => watcher.entries().length === 1);

      written.push(...(await redisOutage(async () => [await createOwnAccount(rep), await createOwnAccount(rep)])));
      await watcher.waitFor(/closed \(1012/);
      await until('Redis up on both instances', settled);
      await until('the watcher to catch up', async () => watcher.entries().length === 3);
      written.push(await createOwnAccount(rep));
      await until('the watcher to print the new entry', async () => watcher.entries().length >= 4);
      await new Promise((r) => setTimeout(r, 300));

      const printed = watcher.entries();
      expect(printed.map((e) => e.entityId)).toEqual(written);
      expect(new Set(printed.map((e) => e.cursor)).size).toBe(printed.length);
      expect(fs.readFileSync(path.join(dir, 'cursor'), 'utf8')).toBe(printed[3].cursor);
    } finally {
      watcher.stop();
    }
  });

  it('starts with Redis down (ready, degraded) and joins the feed once Redis is up', async () => {
    await redis.stop();
    const c = await startTestServer({ REDIS_URL: redis.url, REDIS_PREFIX: workerRedisPrefix('restart') });
    try {
      expect(await readyz(c)).toEqual({ status: 200, body: expect.objectContaining({ status: 'degraded', database: 'up', redis: 'down' }) });
      const rep = await clientAs(c, 'SALES_REP');
      await createOwnAccount(rep); // requests work meanwhile
      await redis.start();
      await until('instance C to see Redis up', async () => (await readyz(c)).body.redis === 'up');
      const sub = await resubscribe(rep, undefined, () => createOwnAccount(rep), c.url);
      const id = await createOwnAccount(rep.at(a.url));
      expect((await sub.next()).entityId).toBe(id);
    } finally {
      await c.stop();
    }
  });
});

function startWatcher(server: TestServer, token: string, filter: Record<string, unknown>, cursorFile: string) {
  const script = path.join(__dirname, '..', '..', '..', '..', 'docs', 'examples', 'activity-watcher.mjs');
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, CONVERGE_URL: server.url, CONVERGE_TOKEN: token, CONVERGE_FILTER: JSON.stringify(filter), CURSOR_FILE: cursorFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return {
    entries: (): { entityId: string; cursor: string }[] =>
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
    waitFor: (pattern: RegExp) =>
      until(
        () => `the watcher to log ${pattern} (its log: ${err})`,
        async () => pattern.test(err),
        15_000,
      ),
    stop: () => child.kill('SIGTERM'),
  };
}
