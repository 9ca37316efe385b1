import { Client } from '../../../test/client';
import { clientAs, createAccount, createSession, createUser, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { closeCode, createOwnAccount, disposeSockets, feedEdges, socket, subscribed, Subscription, useWsServer } from '../../../test/ws';
import { onEventInTransaction } from '../events/domain-events';
import { RecordChanged } from './activity.events';

// activityLogged over graphql-ws against the real server: auth, per-subscriber visibility,
// filters, nothing for rollbacks, and catching up with activityLog after a disconnect.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  useWsServer(server);
});
afterAll(async () => {
  await disposeSockets();
  await server.stop();
});

describe('activityLogged', () => {
  it('closes a socket without a valid token with 4403', async () => {
    const user = await createUser(server.ds);
    expect(await closeCode(null)).toBe(4403);
    expect(await closeCode('not-a-token')).toBe(4403);
    expect(await closeCode(await createSession(server.ds, user.id, { revoked: true }))).toBe(4403);
    expect(await closeCode(await createSession(server.ds, user.id, { expiresAt: new Date(Date.now() - 1000) }))).toBe(4403);
  });

  it('delivers a rep’s change to a manager with its fields and the feed cursor', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const rep = await clientAs(server, 'SALES_REP');
    const sub = await subscribed(manager);
    const name = tag('Live');
    const id = await createOwnAccount(rep, name);
    const e = await sub.next();
    expect(e).toMatchObject({
      action: 'CREATED',
      entityType: 'Account',
      entityId: id,
      entityLabel: name,
      actor: { id: rep.user.id, name: rep.user.name },
      viaApiKey: null,
      changes: { name: { from: null, to: name }, ownerId: { from: null, to: rep.user.id } },
    });
    expect(Date.parse(e.createdAt)).not.toBeNaN();
    // The event's cursor is the one the activityLog connection hands out for the same entry.
    const edges = await feedEdges(manager, { filter: { entityId: { eq: id } } }, 1);
    expect(edges).toEqual([{ cursor: e.cursor, node: { id: e.id, cursor: e.cursor, entityId: id, action: 'CREATED' } }]);
  });

  it('checks visibility per subscriber: a rep gets their own events, not another rep’s', async () => {
    const [rep1, rep2, manager] = [await clientAs(server, 'SALES_REP'), await clientAs(server, 'SALES_REP'), await clientAs(server, 'SALES_MANAGER')];
    const sub1 = await subscribed(rep1);
    const sub2 = await subscribed(rep2);
    const subManager = await subscribed(manager);

    const first = await createOwnAccount(rep1);
    expect((await sub1.next()).entityId).toBe(first);
    expect((await subManager.next()).entityId).toBe(first);
    const second = await createOwnAccount(rep2);
    // Events arrive in publish order, so rep2's next event being their own proves rep1's was withheld.
    expect((await sub2.next()).entityId).toBe(second);
    expect((await subManager.next()).entityId).toBe(second);
    await Promise.all([sub1.expectQuiet(), sub2.expectQuiet(), subManager.expectQuiet()]);
  });

  it('resolves each event afresh: a renamed actor shows their new name', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const admin = await clientAs(server, 'ADMIN');
    const rep = await clientAs(server, 'SALES_REP');
    const sub = await subscribed(manager, { actorId: { eq: rep.user.id } }, () => createOwnAccount(rep));
    await admin.ok(`mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed Rep" }) { id } }`, { id: rep.user.id });
    await createOwnAccount(rep);
    expect((await sub.next()).actor).toEqual({ id: rep.user.id, name: 'Renamed Rep' });
  });

  it('redacts changes per subscriber', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const account = await createAccount(server.ds, rep.user.id, { creditLimit: '10.00' });
    const subRep = await subscribed(rep);
    const subManager = await subscribed(manager);
    await manager.ok(`mutation($id: ID!) { updateAccount(id: $id, input: { creditLimit: "20" }) { id } }`, { id: account.id });
    expect((await subManager.next()).changes).toEqual({ creditLimit: { from: '10.00', to: '20.00' } });
    expect(await subRep.next()).toMatchObject({ entityId: account.id, changes: { creditLimit: { redacted: true } } });
  });

  it('applies the subscription filter', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const rep = await clientAs(server, 'SALES_REP');
    const newDeal = async (c: Client, accountId?: string) =>
      (
        await c.ok(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, {
          input: { name: tag('Sub deal'), accountId: accountId ?? (await createAccount(server.ds, c.user.id)).id },
        })
      ).createDeal.id;
    const deals = await subscribed(manager, { entityType: { eq: 'Deal' } }, (c) => newDeal(c));
    const repUpdates = await subscribed(manager, { actorId: { eq: rep.user.id }, action: { in: ['UPDATED', 'STAGE_CHANGED'] } }, async () => {
      const id = await createOwnAccount(rep);
      await rep.ok(`mutation($id: ID!) { updateAccount(id: $id, input: { industry: "Probe" }) { id } }`, { id });
      return id;
    });

    const accountId = await createOwnAccount(rep);
    const dealId = await newDeal(rep, accountId);
    await rep.ok(`mutation($id: ID!) { moveDealStage(id: $id, stage: PROPOSAL) { id } }`, { id: dealId });
    expect(await deals.next()).toMatchObject({ entityType: 'Deal', entityId: dealId, action: 'CREATED' });
    expect(await deals.next()).toMatchObject({ entityType: 'Deal', entityId: dealId, action: 'STAGE_CHANGED' });
    expect(await repUpdates.next()).toMatchObject({ entityId: dealId, action: 'STAGE_CHANGED', actor: { id: rep.user.id } });
    await Promise.all([deals.expectQuiet(), repUpdates.expectQuiet()]);
  });

  it('refuses an invalid filter with BAD_USER_INPUT instead of never matching', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const sub = new Subscription(socket(manager.token), { entityId: { eq: 'not-a-uuid' } });
    const { errors } = await sub.next();
    expect(errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ path: ['filter', 'entityId', 'eq'], message: expect.any(String) }] }),
      }),
    ]);
  });

  it('publishes nothing for a rolled-back mutation', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const sub = await subscribed(rep);
    const account = await createAccount(server.ds, rep.user.id);
    expect(await rep.code(`mutation { createAccount(input: { name: "Bad phone", phone: "nope" }) { id } }`)).toBe('BAD_USER_INPUT');
    expect(await rep.code(`mutation($id: ID!) { updateAccount(id: $id, input: { industry: "x" }, expectedVersion: 5) { id } }`, { id: account.id })).toBe(
      'CONFLICT',
    );
    // Rolled back after the activity row was written: still nothing published.
    const doomed = tag('Doomed');
    const off = onEventInTransaction(RecordChanged, async (event) => {
      if (event.entityLabel === doomed) throw new Error('fail after write');
    });
    try {
      expect(await rep.code(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: doomed } })).toBe(
        'INTERNAL_SERVER_ERROR',
      );
    } finally {
      off();
    }
    const ok = await createOwnAccount(rep);
    expect((await sub.next()).entityId).toBe(ok);
    await sub.expectQuiet();
  });

  it('resumes from the last received cursor with activityLog after a disconnect, missing nothing', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const rep = await clientAs(server, 'SALES_REP');
    const sub = await subscribed(manager, { actorId: { eq: rep.user.id } }, () => createOwnAccount(rep));
    const live = [await createOwnAccount(rep), await createOwnAccount(rep)];
    const received = [await sub.next(), await sub.next()];
    expect(received.map((e) => e.entityId)).toEqual(live);
    await sub.client.dispose();

    const missed = [await createOwnAccount(rep), await createOwnAccount(rep), await createOwnAccount(rep)];
    const byRep = { actorId: { eq: rep.user.id } };
    const caughtUp = await feedEdges(manager, { after: received[1].cursor, filter: byRep }, missed.length);
    expect(caughtUp.map((e) => e.node.entityId)).toEqual(missed);
    // The earlier cursor replays exactly what followed it: the second live event, then the missed ones.
    const fromFirst = await feedEdges(manager, { after: received[0].cursor, filter: byRep }, 0);
    expect(fromFirst.map((e) => e.node.entityId)).toEqual([live[1], ...missed]);
  });
});
