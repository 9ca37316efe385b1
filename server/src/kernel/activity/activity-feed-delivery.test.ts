import { Client as PgClient } from 'pg';
import { clientAs, createSession, tag } from '../../../test/factories';
import { Client } from '../../../test/client';
import { startTestServer, TestServer } from '../../../test/server';
import { workerDatabaseUrl } from '../../../test/database';
import { closeCode, createOwnAccount, disposeSockets, FEED, subscribed, Subscription, useWsServer } from '../../../test/ws';

// Live delivery follows the commit-safe feed order: an event is delivered only once every older
// transaction has finished, so a subscriber may always resume from the last cursor it received.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  useWsServer(server);
});
afterAll(async () => {
  await disposeSockets();
  await server.stop();
});

async function openWriter(): Promise<PgClient> {
  const c = new PgClient({ connectionString: await workerDatabaseUrl() });
  await c.connect();
  return c;
}

describe('live delivery order', () => {
  it('holds back events behind an open older transaction, then delivers both in feed order', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const rep = await clientAs(server, 'SALES_REP');
    const sub = await subscribed(manager);

    // An older transaction writes an activity row and stays open.
    const slow = await openWriter();
    const label = tag('Slow');
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO "activity_log" ("txid", "action", "entityType", "entityId", "entityLabel", "ownerId", "changes")
         VALUES (pg_current_xact_id()::text::bigint, 'CREATED', 'Account', gen_random_uuid(), $1, $2, '{}')`,
        [label, rep.user.id],
      );
      const repAccount = await createOwnAccount(rep);
      await sub.expectQuiet(700); // the rep's committed change waits for the older transaction
      await slow.query('COMMIT');
      const first = await sub.next();
      const second = await sub.next();
      expect(first.entityLabel).toBe(label);
      expect(second.entityId).toBe(repAccount);

      // Resuming from the first event's cursor yields the second: nothing before it was skipped.
      const rest = (await manager.ok(FEED, { after: first.cursor })).activityLog.edges.map((e: { node: { entityId: string } }) => e.node.entityId);
      expect(rest[0]).toBe(repAccount);
    } finally {
      await slow.end();
    }
  });

  it('a watcher that reconnects and resumes from its last cursor misses nothing committed meanwhile', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const sub = await subscribed(manager);
    const last = await sub.next(500).catch(() => null);
    const seen =
      last ??
      (await (async () => {
        await createOwnAccount(manager);
        return sub.next();
      })());
    await disposeSockets(); // the watcher goes away

    const slow = await openWriter();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO "activity_log" ("txid", "action", "entityType", "entityId", "entityLabel", "changes") VALUES (pg_current_xact_id()::text::bigint, 'CREATED', 'Account', gen_random_uuid(), 'late', '{}')`,
      );
      const quick = await createOwnAccount(manager);
      await slow.query('COMMIT');
      const ids = async () => (await manager.ok(FEED, { after: seen.cursor })).activityLog.edges.map((e: { node: { entityId: string } }) => e.node.entityId);
      let got: string[] = [];
      for (let i = 0; i < 50 && !got.includes(quick); i++) {
        got = await ids();
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(got).toContain(quick);
      expect(got.length).toBe(2); // the late older row and the quick one, nothing lost
    } finally {
      await slow.end();
    }
  });
});

describe('open sockets follow their session', () => {
  it('closes a subscription with 4403 within seconds of its session being revoked', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const token = await createSession(server.ds, rep.user.id);
    const c = new Client(server.url, token, rep.user);
    const sub = await subscribed(c);
    await c.ok(`mutation { logout }`);
    const closed = await new Promise<unknown>((resolve) => {
      const started = Date.now();
      const poll = async () => {
        try {
          await sub.next(500);
        } catch (err) {
          if (sub.failure || Date.now() - started > 9000) return resolve(sub.failure);
        }
        setTimeout(poll, 0);
      };
      void poll();
    });
    expect((closed as { code?: number })?.code).toBe(4403);
    expect(await closeCode(token)).toBe(4403);
  });

  it('sees a role change on an open socket', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const rep = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const sub: Subscription = await subscribed(rep);
    await admin.ok(`mutation($id: ID!) { updateUser(id: $id, input: { role: SALES_MANAGER }) { role } }`, { id: rep.user.id });
    // After the re-check the former rep, now a manager, receives other people's activity.
    const deadline = Date.now() + 9000;
    let delivered = false;
    while (!delivered && Date.now() < deadline) {
      const id = await createOwnAccount(other);
      try {
        for (;;) {
          const e = await sub.next(400);
          if (e.entityId === id) {
            delivered = true;
            break;
          }
        }
      } catch {
        /* not yet */
      }
    }
    expect(delivered).toBe(true);
  });
});
