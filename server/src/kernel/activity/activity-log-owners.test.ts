import type { Client as WsClient } from 'graphql-ws';
import type { Client } from '../../../test/client';
import { clientAs, createAccount, createContact, createDeal, createInteraction, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { disposeSockets, subscribed, useWsServer } from '../../../test/ws';
import type { Context } from '../context';
import { SOCKET_RECHECK_MS } from '../http/subscription-server';
import { ActivityLog } from './activity-log.entity';
import { activityLogService } from './activity-log.service';

// Owning a record is not enough to see its activity: the owner's role must read the record's type.
// Covers owners whose role cannot hold CRM records (legacy rows, demotions), in activityLog, the
// timelines and the live activityLogged feed.

let server: TestServer;
let admin: Client;
beforeAll(async () => {
  server = await startTestServer();
  useWsServer(server);
  admin = await clientAs(server, 'ADMIN');
});
afterAll(async () => {
  await disposeSockets();
  await server.stop();
});

const CRM_TYPES = ['Account', 'Contact', 'Deal', 'Interaction', 'Project'];
const LOG = `query($filter: ActivityFilter) { activityLog(first: 100, filter: $filter) { nodes { entityType entityId action changes } } }`;
const byEntities = (ids: string[]) => ({ entityId: { in: ids } });

/** activityLog as `c`; waits (bounded) until the admin is served `min` entries, so visibility alone decides. */
async function visibleTo(c: Client, ids: string[], min: number): Promise<any[]> {
  const deadline = Date.now() + 5000;
  while ((await admin.ok(LOG, { filter: byEntities(ids) })).activityLog.nodes.length < min) {
    if (Date.now() > deadline) throw new Error(`fewer than ${min} entries were ever served`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return (await c.ok(LOG, { filter: byEntities(ids) })).activityLog.nodes;
}

const UPDATES = {
  account: `mutation($id: ID!) { updateAccount(id: $id, input: { industry: "Energy", creditLimit: "900", email: "owner@acme.example" }) { id } }`,
  contact: `mutation($id: ID!) { updateContact(id: $id, input: { phone: "+14155550199" }) { id } }`,
  deal: `mutation($id: ID!) { updateDeal(id: $id, input: { amount: "777" }) { id } }`,
  interaction: `mutation($id: ID!) { updateInteraction(id: $id, input: { body: "Private notes" }) { id } }`,
};

/** Records of one owner, each changed once by the admin (four activity entries owned by `ownerId`). */
async function ownedRecords(ownerId: string) {
  const account = await createAccount(server.ds, ownerId);
  const contact = await createContact(server.ds, ownerId, { accountId: account.id });
  const deal = await createDeal(server.ds, ownerId, { accountId: account.id });
  const interaction = await createInteraction(server.ds, ownerId, { contactId: contact.id, dealId: deal.id });
  for (const [kind, rec] of [
    ['account', account],
    ['contact', contact],
    ['deal', deal],
    ['interaction', interaction],
  ] as const) {
    await admin.ok(UPDATES[kind], { id: rec.id });
  }
  return { account, contact, deal, interaction, ids: [account.id, contact.id, deal.id, interaction.id] };
}

describe('owners whose role does not read the type', () => {
  it('shows a TECHNICIAN nothing of CRM records set to them directly in the database', async () => {
    const tech = await clientAs(server, 'TECHNICIAN');
    const recs = await ownedRecords(tech.user.id);
    expect(await visibleTo(tech, recs.ids, 4)).toEqual([]);
    const { nodes } = (await tech.ok(`{ activityLog(last: 100) { nodes { entityType } } }`)).activityLog;
    expect(nodes.filter((e: any) => CRM_TYPES.includes(e.entityType))).toEqual([]);
    // Lookups, and so the timelines, stay closed to them.
    for (const type of ['account', 'contact', 'deal']) {
      const id = recs[type as 'account'].id;
      expect(await tech.code(`query($id: ID!) { ${type}(id: $id) { timeline(first: 10) { nodes { id } } } }`, { id })).toBe('FORBIDDEN');
    }
  });

  it('shows a DISPATCHER account and contact entries (they read every one, credit limit redacted), never their own deal or interaction', async () => {
    const dispatcher = await clientAs(server, 'DISPATCHER');
    const recs = await ownedRecords(dispatcher.user.id);
    const seen = await visibleTo(dispatcher, recs.ids, 4);
    expect(seen.map((e) => e.entityType).sort()).toEqual(['Account', 'Contact']);
    const account = seen.find((e) => e.entityType === 'Account');
    expect(account.changes).toEqual({
      industry: { from: null, to: 'Energy' },
      creditLimit: { redacted: true },
      email: { from: null, to: 'owner@acme.example' },
    });
    expect(JSON.stringify(seen)).not.toContain('"777.00"'); // the deal's amount (ids may hold "777")
    expect(JSON.stringify(seen)).not.toContain('Private notes');
    // The account's timeline shows its entry; the deal's is out of reach.
    const timeline = (await dispatcher.ok(`query($id: ID!) { account(id: $id) { timeline(first: 10) { nodes { entityId } } } }`, { id: recs.account.id }))
      .account.timeline;
    expect(timeline.nodes).toEqual([{ entityId: recs.account.id }]);
    expect(await dispatcher.code(`query($id: ID!) { deal(id: $id) { timeline(first: 10) { nodes { id } } } }`, { id: recs.deal.id })).toBe('FORBIDDEN');
  });

  it('shows an ACCOUNTANT account, contact and deal entries (they read every one), never an interaction they own', async () => {
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const recs = await ownedRecords(accountant.user.id);
    const seen = await visibleTo(accountant, recs.ids, 4);
    expect(seen.map((e) => e.entityType).sort()).toEqual(['Account', 'Contact', 'Deal']);
    expect(seen.find((e) => e.entityType === 'Account').changes.creditLimit).toEqual({ from: null, to: '900.00' });
    expect(seen.find((e) => e.entityType === 'Deal').changes.amount).toEqual({ from: '1000.00', to: '777.00' });
    expect(JSON.stringify(seen)).not.toContain('Private notes');
    // Deals of others too, and their timelines.
    const rep = await clientAs(server, 'SALES_REP');
    const othersDeal = (
      await rep.ok(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, {
        input: { name: tag('Theirs'), accountId: (await createAccount(server.ds, rep.user.id)).id },
      })
    ).createDeal.id;
    expect((await visibleTo(accountant, [othersDeal], 1)).map((e) => e.action)).toEqual(['CREATED']);
    const timeline = (await accountant.ok(`query($id: ID!) { deal(id: $id) { timeline(first: 10) { nodes { action } } } }`, { id: othersDeal })).deal.timeline;
    expect(timeline.nodes).toEqual([{ action: 'CREATED' }]);
  });
});

/** Runs a query over an open socket (with the socket's principal, as re-checked). */
function overSocket(client: WsClient, query: string): Promise<any> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    client.subscribe(
      { query },
      {
        next: (r) => {
          result = r;
        },
        error: reject,
        complete: () => resolve(result),
      },
    );
  });
}

describe('a rep demoted while owning records', () => {
  it('loses their activity at once over HTTP, and on an open socket once it re-checks the role', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const sub = await subscribed(rep);
    await admin.ok(UPDATES.account, { id: account.id });
    expect(await sub.next()).toMatchObject({ entityType: 'Account', entityId: account.id, action: 'UPDATED' });

    await admin.ok(`mutation($id: ID!) { updateUser(id: $id, input: { role: TECHNICIAN }) { id } }`, { id: rep.user.id });
    // Their own user entry: visible to them in any role.
    expect(await sub.next()).toMatchObject({ entityType: 'User', entityId: rep.user.id, changes: { role: { from: 'SALES_REP', to: 'TECHNICIAN' } } });
    // Over HTTP the new role applies to the very next request: the records stay theirs, unseen.
    expect(await rep.code(`query($id: ID!) { account(id: $id) { id } }`, { id: account.id })).toBe('FORBIDDEN');
    expect(await rep.code(`{ accounts(first: 10) { nodes { id } } }`)).toBe('FORBIDDEN');
    expect(await visibleTo(rep, [account.id], 1)).toEqual([]);
    expect((await server.ds.query(`SELECT "ownerId" FROM "accounts" WHERE "id" = $1`, [account.id]))[0].ownerId).toBe(rep.user.id);

    // The socket picks the role up at its next re-check: wait until it refuses accounts.
    const deadline = Date.now() + 3 * SOCKET_RECHECK_MS;
    while ((await overSocket(sub.client, `{ accounts(first: 1) { nodes { id } } }`)).errors?.[0]?.extensions?.code !== 'FORBIDDEN') {
      if (Date.now() > deadline) throw new Error('the socket never picked up the new role');
      await new Promise((r) => setTimeout(r, 100));
    }
    await admin.ok(UPDATES.account.replace('Energy', 'Mining'), { id: account.id });
    await admin.ok(`mutation($id: ID!) { updateUser(id: $id, input: { name: "Now a technician" }) { id } }`, { id: rep.user.id });
    // Events arrive in feed order: the rename coming next proves the account change was withheld.
    expect(await sub.next()).toMatchObject({
      entityType: 'User',
      entityId: rep.user.id,
      changes: { name: expect.objectContaining({ to: 'Now a technician' }) },
    });
  });
});

describe('changes of an entry about a type the viewer does not read', () => {
  it('are all redacted, field rules or not', () => {
    const entry = Object.assign(new ActivityLog(), {
      entityType: 'Deal',
      entityId: '00000000-0000-4000-8000-000000000001',
      ownerId: 'u-1',
      changes: { name: { from: null, to: 'Big deal' }, amount: { from: null, to: '5000.00' } },
    });
    const as = (role: string) =>
      ({
        principal: { userId: 'u-1', name: 'Viewer', role, sessionId: 's', apiKeyId: null, apiKeyName: null, readOnly: false, expiresAt: null },
      }) as unknown as Context;
    expect(activityLogService.changesFor(as('DISPATCHER'), entry)).toEqual({ name: { redacted: true }, amount: { redacted: true } });
    expect(activityLogService.changesFor(as('TECHNICIAN'), entry)).toEqual({ name: { redacted: true }, amount: { redacted: true } });
    expect(activityLogService.changesFor(as('SALES_REP'), entry)).toEqual(entry.changes);
  });
});
