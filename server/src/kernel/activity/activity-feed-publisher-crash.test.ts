import type { DataSource } from 'typeorm';
import { Client } from '../../../test/client';
import { openTestDataSource } from '../../../test/database';
import { createSession, createUser, tag } from '../../../test/factories';
import { waitFor } from '../../../test/jobs';
import { killServerProcesses, ServerProcess, startApiProcess } from '../../../test/processes';
import { RedisServer, startRedisServer, workerRedisPrefix } from '../../../test/redis';
import { createOwnAccount, disposeSockets, subscribed } from '../../../test/ws';

// Two `npm run start:api` processes on one database and a private Redis. The one publishing the
// live feed is killed with SIGKILL mid-stream: the other takes over within seconds, and a
// subscriber on it gets every committed entry once, in activityLog order.

let ds: DataSource;
let redis: RedisServer;
let a: ServerProcess;
let b: ServerProcess;

beforeAll(async () => {
  ds = await openTestDataSource();
  redis = await startRedisServer();
  const env = { REDIS_URL: redis.url, REDIS_PREFIX: workerRedisPrefix('publisher-crash') };
  [a, b] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
}, 150_000); // builds the server and the web app when their builds are stale
afterAll(async () => {
  await disposeSockets();
  await killServerProcesses();
  await redis?.stop();
  await ds?.destroy();
});

const readyz = async (p: ServerProcess) => (await (await fetch(p.url.replace(/\/graphql$/, '/readyz'))).json()) as { feedPublisher: boolean; redis: string };

async function clientFor(role: 'SALES_REP' | 'SALES_MANAGER', url: string): Promise<Client> {
  const user = await createUser(ds, { role });
  return new Client(url, await createSession(ds, user.id), user);
}

const PAGE = `query($after: String, $filter: ActivityFilter) { activityLog(first: 100, after: $after, filter: $filter) {
  pageInfo { hasNextPage } edges { cursor node { entityId } } } }`;

/** Every activityLog entry after `after`, oldest first. */
async function logAfter(c: Client, after: string, filter: Record<string, unknown>): Promise<{ cursor: string; entityId: string }[]> {
  const all: { cursor: string; entityId: string }[] = [];
  for (let cursor = after; ;) {
    const page = (await c.ok(PAGE, { after: cursor, filter })).activityLog;
    all.push(...page.edges.map((e: { cursor: string; node: { entityId: string } }) => ({ cursor: e.cursor, entityId: e.node.entityId })));
    if (!page.pageInfo.hasNextPage || !page.edges.length) return all;
    cursor = all[all.length - 1].cursor;
  }
}

/** Mutations one after another through `via` until `until()`; a refused connection ends the stream. */
async function stream(rep: Client, via: ServerProcess, until: () => boolean, onWrite: () => void): Promise<{ ok: string[]; failed: number }> {
  const result = { ok: [] as string[], failed: 0 };
  while (!until()) {
    try {
      result.ok.push(await createOwnAccount(rep.at(via.url), tag('Stream')));
      onWrite();
      await new Promise((r) => setTimeout(r, 20)); // a steady stream, not a flood
    } catch {
      result.failed++; // the instance was killed: this request may or may not have committed
      return result;
    }
  }
  return result;
}

describe('the live feed when the publishing instance is killed', () => {
  it('is taken over by the other instance within seconds: every committed entry reaches its subscriber once, in order', async () => {
    await waitFor('one instance to publish the feed', async () => (await readyz(a)).feedPublisher !== (await readyz(b)).feedPublisher);
    const doomed = (await readyz(a)).feedPublisher ? a : b;
    const survivor = doomed === a ? b : a;
    const rep = await clientFor('SALES_REP', survivor.url);
    const manager = await clientFor('SALES_MANAGER', survivor.url);
    const filter = { actorId: { eq: rep.user.id } };

    // Live on the survivor; the cursor of a first entry marks where the stream starts.
    const sub = await subscribed(manager, filter, () => createOwnAccount(rep), survivor.url);
    const first = await createOwnAccount(rep);
    const start = await sub.next();
    expect(start.entityId).toBe(first);

    let writes = 0;
    let killed = false;
    let takenOverAt = 0;
    const doomedWrites = stream(
      rep,
      doomed,
      () => killed,
      () => writes++,
    );
    const survivorWrites = stream(
      rep,
      survivor,
      () => takenOverAt > 0 && Date.now() - takenOverAt > 1500,
      () => writes++,
    );
    await waitFor('mutations through both instances', () => writes >= 20);
    const killedAt = Date.now();
    await doomed.kill('SIGKILL');
    killed = true;
    await waitFor('the other instance to publish the feed', async () => (await readyz(survivor)).feedPublisher, 15_000);
    takenOverAt = Date.now();
    const takeOverMs = takenOverAt - killedAt;
    const [fromDoomed, fromSurvivor] = await Promise.all([doomedWrites, survivorWrites]);
    expect(fromDoomed.ok.length).toBeGreaterThan(0);
    expect(fromSurvivor.ok.length).toBeGreaterThan(0);
    expect(takeOverMs).toBeLessThan(7_000); // lock expiry (3 s) plus one attempt to take it (every second), with room for a busy machine

    // What the database committed, in feed order (a mutation cut off by the kill may be there or
    // not). Once a new entry is listed, every transaction before it has ended, the killed
    // instance's included, so the list up to it is final.
    const last = await createOwnAccount(rep);
    let committed: { cursor: string; entityId: string }[] = [];
    await waitFor('the last entry to be listed', async () => (committed = await logAfter(manager, start.cursor, filter)).some((e) => e.entityId === last));
    const ids = committed.map((e) => e.entityId);
    for (const id of [...fromDoomed.ok, ...fromSurvivor.ok]) expect(ids).toContain(id);

    // The subscriber's socket stayed open (the survivor's own Redis connections never dropped) and
    // got exactly those entries, in that order, then nothing but what comes next.
    const received: { cursor: string; entityId: string }[] = [];
    while (received.length < committed.length) {
      const e = await sub.next(10_000);
      received.push({ cursor: e.cursor, entityId: e.entityId });
    }
    expect(received).toEqual(committed);
    const next = await createOwnAccount(rep);
    expect((await sub.next()).entityId).toBe(next);
    expect(await readyz(survivor)).toMatchObject({ redis: 'up', feedPublisher: true });
  }, 90_000);
});
