import { Client } from '../../../test/client';
import { clientAs, createSession, tag } from '../../../test/factories';
import { sharedRedisUrl, workerRedisPrefix } from '../../../test/redis';
import { startTestServer, TestServer } from '../../../test/server';
import { createOwnAccount, disposeSockets, feedEdges, subscribed, Subscription } from '../../../test/ws';
import { onEventInTransaction } from '../events/domain-events';
import { RecordChanged } from './activity.events';
import { activitySource, feedPosition } from './activity-feed';
import { ActivityLog } from './activity-log.entity';

// Two API instances on one database and one Redis, each with its own Redis connections and its
// own subscribers: events cross instances once, in feed order, filtered per subscriber.

let a: TestServer;
let b: TestServer;
const stopped = new Set<TestServer>();

beforeAll(async () => {
  const env = { REDIS_URL: sharedRedisUrl(), REDIS_PREFIX: workerRedisPrefix('instances') };
  a = await startTestServer(env);
  b = await startTestServer(env);
});
afterAll(async () => {
  await disposeSockets();
  for (const s of [a, b]) if (s && !stopped.has(s)) await s.stop();
});

const readyz = async (s: TestServer) => {
  const res = await fetch(s.url.replace(/\/graphql$/, '/readyz'));
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

/** Subscribes `c` on instance `on`, live once a probe written through instance `via` arrives. */
const subscribedOn = (on: TestServer, via: TestServer, c: Client, filter?: Record<string, unknown>) =>
  subscribed(c.at(via.url), filter, createOwnAccount, on.url);

/** Waits until a socket's subscription fails (closed by the server) and returns its close code. */
async function closedWith(sub: Subscription, ms: number): Promise<number | undefined> {
  const deadline = Date.now() + ms;
  while (!sub.failure && Date.now() < deadline) await sub.next(250).catch(() => undefined);
  return (sub.failure as { code?: number } | null)?.code;
}

describe('the live feed across instances through Redis', () => {
  it('is published by exactly one instance; /readyz reports Redis up', async () => {
    const [ra, rb] = [await readyz(a), await readyz(b)];
    expect(ra).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', database: 'up', redis: 'up' }) });
    expect(rb).toEqual({ status: 200, body: expect.objectContaining({ status: 'ready', database: 'up', redis: 'up' }) });
    expect([ra.body.feedPublisher, rb.body.feedPublisher].filter(Boolean)).toHaveLength(1);
  });

  it('delivers a mutation made on instance A to a subscriber on instance B, once, with what the filter needs', async () => {
    const manager = await clientAs(a, 'SALES_MANAGER');
    const rep = await clientAs(a, 'SALES_REP');
    const since = new Date(Date.now() - 60_000).toISOString();
    const onB = await subscribedOn(b, a, manager);
    const onA = await subscribedOn(a, a, manager);
    // Dates survive the trip through Redis: a DateTime filter still matches on instance B.
    const dated = await subscribed(manager, { createdAt: { gte: since }, actorId: { eq: rep.user.id } }, () => createOwnAccount(rep), b.url);
    const name = tag('Cross');
    const id = await createOwnAccount(rep, name);
    const events = [];
    for (const sub of [onB, onA, dated]) {
      let e = await sub.next();
      while (e.entityId !== id) e = await sub.next(); // probes of the later subscriptions

      expect(e).toMatchObject({ action: 'CREATED', entityType: 'Account', entityId: id, entityLabel: name, actor: { id: rep.user.id } });
      expect(Date.parse(e.createdAt)).not.toBeNaN();
      events.push(e);
    }
    await Promise.all([onB.expectQuiet(), onA.expectQuiet(), dated.expectQuiet()]);
    // The event's cursor is the activityLog cursor, whichever instance serves it.
    const edges = await feedEdges(manager.at(b.url), { filter: { entityId: { eq: id } } }, 1);
    expect(edges.map((e) => e.cursor)).toEqual([events[0].cursor]);
    expect(events[1].cursor).toBe(events[0].cursor);
  });

  it('rebuilds an entry from its JSON form as read from the database (dates as Date)', async () => {
    const rep = await clientAs(a, 'SALES_REP');
    const source = activitySource(a.ds);
    const before = await source.head();
    const id = await createOwnAccount(rep);
    type Row = Awaited<ReturnType<typeof source.read>>[number];
    let found: Row | undefined;
    let after = before;
    // The horizon is cluster-wide: an older transaction elsewhere (another worker's migrations)
    // may hold the row back a while; other writers' rows may come first, so page on.
    for (const deadline = Date.now() + 30_000; !found && Date.now() < deadline;) {
      const batch = await source.read(after, 100);
      found = batch.find((r) => r.item.entityId === id);
      if (batch.length) after = batch[batch.length - 1].position;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(found).toBeDefined();
    const { position, item } = found!;
    expect(position).toBe(feedPosition(item.txid, item.seq));
    const revived = source.revive(JSON.parse(JSON.stringify(item)));
    expect(revived).toBeInstanceOf(ActivityLog);
    expect(revived.createdAt).toBeInstanceOf(Date);
    expect(revived).toEqual(item);
  }, 45_000);

  it('withholds it from a subscriber of another role who may not see it (a rep who does not own the record)', async () => {
    const owner = await clientAs(a, 'SALES_REP');
    const other = await clientAs(a, 'SALES_REP');
    const manager = await clientAs(a, 'SALES_MANAGER');
    const otherOnB = await subscribedOn(b, a, other);
    const managerOnB = await subscribedOn(b, a, manager);
    const first = await createOwnAccount(owner);
    expect((await managerOnB.next()).entityId).toBe(first);
    const second = await createOwnAccount(other);
    // Events arrive in feed order, so the other rep's next event being their own proves the first was withheld.
    expect((await otherOnB.next()).entityId).toBe(second);
    expect((await managerOnB.next()).entityId).toBe(second);
    await Promise.all([otherOnB.expectQuiet(), managerOnB.expectQuiet()]);
  });

  it('publishes nothing for rolled-back changes', async () => {
    const rep = await clientAs(a, 'SALES_REP');
    const onB = await subscribedOn(b, a, rep);
    expect(await rep.code(`mutation { createAccount(input: { name: "Bad phone", phone: "nope" }) { id } }`)).toBe('BAD_USER_INPUT');
    const doomed = tag('Doomed');
    const off = onEventInTransaction(RecordChanged, async (event) => {
      if (event.entityLabel === doomed) throw new Error('fail after write');
    });
    try {
      // Rolled back after its activity row was written.
      expect(await rep.code(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: doomed } })).toBe(
        'INTERNAL_SERVER_ERROR',
      );
    } finally {
      off();
    }
    const ok = await createOwnAccount(rep);
    expect((await onB.next()).entityId).toBe(ok);
    await onB.expectQuiet();
  });

  it('closes sockets on instance B with 4403 within seconds of a logout or a deactivation through instance A', async () => {
    const admin = await clientAs(a, 'ADMIN');
    const [loggingOut, deactivated] = [await clientAs(a, 'SALES_REP'), await clientAs(a, 'SALES_REP')];
    const token = await createSession(a.ds, loggingOut.user.id);
    const viaA = new Client(a.url, token, loggingOut.user);
    const revokedOnB = await subscribedOn(b, a, viaA);
    const deactivatedOnB = await subscribedOn(b, a, deactivated);
    expect(await viaA.ok(`mutation { logout }`)).toEqual({ logout: true });
    await admin.ok(`mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }`, { id: deactivated.user.id });
    // Both sockets re-check their session on B (every 5 s) while they wait.
    expect(await Promise.all([closedWith(revokedOnB, 12_000), closedWith(deactivatedOnB, 12_000)])).toEqual([4403, 4403]);
  });

  it('hands the feed over when the publishing instance stops: nothing lost, nothing repeated, same order', async () => {
    const leader = (await readyz(a)).body.feedPublisher ? a : b;
    const follower = leader === a ? b : a;
    const rep = await clientAs(follower, 'SALES_REP');
    const sub = await subscribedOn(follower, follower, rep);
    // Writes keep coming while the leader shuts down.
    const writes = Promise.all(Array.from({ length: 20 }, (_, i) => new Promise((r) => setTimeout(r, i * 15)).then(() => createOwnAccount(rep))));
    stopped.add(leader);
    await leader.stop();
    const ids = await writes;
    const received: string[] = [];
    for (let i = 0; i < ids.length; i++) received.push((await sub.next(8000)).entityId);
    await sub.expectQuiet(500);
    expect([...received].sort()).toEqual([...ids].sort());
    // In feed order: the same order activityLog serves them in.
    const edges = await feedEdges(rep, { filter: { entityId: { in: ids } } }, ids.length);
    expect(received).toEqual(edges.map((e) => e.node.entityId));
    expect((await readyz(follower)).body).toMatchObject({ redis: 'up', feedPublisher: true });
  });
});
