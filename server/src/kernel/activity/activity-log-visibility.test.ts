import { Client } from '../../../test/client';
import { clientAs, createAccount, createContact, createDeal, RoleName, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

// Who sees which activity entries, how `changes` is redacted per viewer, and how the feed pages
// and filters (activityLog and the timelines).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const NODE = `id cursor action entityType entityId entityLabel actor { id } changes createdAt`;
const FEED = `query($filter: ActivityFilter, $first: Int, $after: String, $last: Int, $before: String) {
  activityLog(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { ${NODE} } } pageInfo { hasNextPage hasPreviousPage } } }`;

async function feed(c: Client, vars: Record<string, unknown>): Promise<{ nodes: any[]; pageInfo: any }> {
  const conn = (await c.ok(FEED, vars)).activityLog;
  return { nodes: conn.edges.map((e: any) => e.node), pageInfo: conn.pageInfo };
}

/**
 * Entries matching `filter` once at least `min` are visible. The feed serves only rows of
 * transactions below the snapshot horizon, so a fresh commit may trail another open
 * transaction for a moment: a bounded wait, never a sleep.
 */
async function entries(c: Client, filter: Record<string, unknown>, min: number): Promise<any[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { nodes } = await feed(c, { filter, first: 100 });
    if (nodes.length >= min || Date.now() > deadline) return nodes;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const byEntity = (id: string) => ({ entityId: { eq: id } });
const CRM_TYPES = ['Account', 'Contact', 'Deal', 'Interaction', 'Project'];

describe('visibility', () => {
  it('shows a rep’s account entries to that rep and the roles that read every account, not to another rep or a technician', async () => {
    const owner = await clientAs(server, 'SALES_REP');
    const id = (await owner.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: tag('Mine') } })).createAccount
      .id;
    const admin = await clientAs(server, 'ADMIN');
    // Once the admin sees it, the entry is below every later reader's horizon too.
    expect(await entries(admin, byEntity(id), 1)).toHaveLength(1);
    for (const role of ['SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT', 'DISPATCHER'] as RoleName[]) {
      const viewer = role === 'SALES_REP' ? owner : await clientAs(server, role);
      expect((await feed(viewer, { filter: byEntity(id) })).nodes.map((e) => e.action)).toEqual(['CREATED']);
    }
    for (const role of ['SALES_REP', 'TECHNICIAN'] as RoleName[]) {
      const other = await clientAs(server, role);
      expect((await feed(other, { filter: byEntity(id) })).nodes).toEqual([]);
      // Their whole feed holds no CRM entry at all (nothing is theirs; a technician reads no CRM type).
      const { nodes } = await feed(other, { last: 100 });
      expect(nodes.filter((e) => CRM_TYPES.includes(e.entityType))).toEqual([]);
    }
  });

  it('shows an entry to the record’s owner even when a manager made the change', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const id = (
      await manager.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, {
        input: { name: tag('Assigned'), ownerId: rep.user.id },
      })
    ).createAccount.id;
    const [entry] = await entries(rep, byEntity(id), 1);
    expect(entry).toMatchObject({ action: 'CREATED', actor: { id: manager.user.id } });
  });

  it('redacts changed fields the viewer may not read', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const account = await createAccount(server.ds, rep.user.id, { creditLimit: '100.00' });
    await manager.ok(`mutation($id: ID!) { updateAccount(id: $id, input: { creditLimit: "250.5", industry: "Energy" }) { id } }`, { id: account.id });

    const [seenByManager] = await entries(manager, byEntity(account.id), 1);
    expect(seenByManager.changes).toEqual({ creditLimit: { from: '100.00', to: '250.50' }, industry: { from: null, to: 'Energy' } });
    const [seenByRep] = await entries(rep, byEntity(account.id), 1);
    expect(seenByRep.changes).toEqual({ creditLimit: { redacted: true }, industry: { from: null, to: 'Energy' } });
    expect(JSON.stringify(seenByRep)).not.toContain('250.50');
    const admin = await clientAs(server, 'ADMIN');
    expect((await feed(admin, { filter: byEntity(account.id) })).nodes[0].changes.creditLimit).toEqual({ from: '100.00', to: '250.50' });
  });
});

describe('paging', () => {
  let rep: Client;
  let labels: string[];
  beforeAll(async () => {
    rep = await clientAs(server, 'SALES_REP');
    labels = [];
    for (let i = 1; i <= 5; i++) {
      labels.push(tag(`Paged ${i}`));
      await rep.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: labels[i - 1] } });
    }
    // The rep sees only their own entries, so these five are their whole feed.
    expect(await entries(rep, {}, 5)).toHaveLength(5);
  });

  it('returns the newest N oldest → newest with last: N, and pages back with before', async () => {
    const newest = await feed(rep, { last: 3 });
    expect(newest.nodes.map((e) => e.entityLabel)).toEqual(labels.slice(2));
    expect(newest.pageInfo.hasPreviousPage).toBe(true);
    const older = await feed(rep, { last: 3, before: newest.nodes[0].cursor });
    expect(older.nodes.map((e) => e.entityLabel)).toEqual(labels.slice(0, 2));
    expect(older.pageInfo.hasPreviousPage).toBe(false);
  });

  it('pages forward with first/after and gives each entry its edge cursor', async () => {
    const conn = (await rep.ok(FEED, { first: 2 })).activityLog;
    expect(conn.edges.map((e: any) => e.node.entityLabel)).toEqual(labels.slice(0, 2));
    for (const e of conn.edges) expect(e.node.cursor).toBe(e.cursor);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    const next = await feed(rep, { first: 2, after: conn.edges[1].node.cursor });
    expect(next.nodes.map((e) => e.entityLabel)).toEqual(labels.slice(2, 4));
    const rest = await feed(rep, { first: 100, after: next.nodes[1].cursor });
    expect(rest.nodes.map((e) => e.entityLabel)).toEqual(labels.slice(4));
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses bad paging arguments and filters with BAD_USER_INPUT', async () => {
    const accounts = (await rep.ok(`{ accounts(first: 1) { edges { cursor } } }`)).accounts;
    for (const vars of [
      { first: 101 },
      { last: -1 },
      { first: 1, after: 'garbage' },
      { first: 1, after: accounts.edges[0].cursor },
      { filter: { actorId: { in: ['nope'] } } },
    ]) {
      expect(await rep.code(FEED, vars)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('filters', () => {
  let rep: Client;
  let manager: Client;
  let accountId: string;
  let log: any[];
  beforeAll(async () => {
    rep = await clientAs(server, 'SALES_REP');
    manager = await clientAs(server, 'SALES_MANAGER');
    accountId = (await rep.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: tag('Filtered') } }))
      .createAccount.id;
    await rep.ok(`mutation($id: ID!) { updateAccount(id: $id, input: { industry: "Mining" }) { id } }`, { id: accountId });
    const dealId = (
      await rep.ok(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, { input: { name: tag('Filtered deal'), accountId } })
    ).createDeal.id;
    await rep.ok(`mutation($id: ID!) { moveDealStage(id: $id, stage: QUALIFICATION) { id } }`, { id: dealId });
    await rep.ok(`mutation($id: ID!) { deleteDeal(id: $id) }`, { id: dealId });
    log = await entries(manager, { actorId: { eq: rep.user.id } }, 5);
    expect(log.map((e) => e.action)).toEqual(['CREATED', 'UPDATED', 'CREATED', 'STAGE_CHANGED', 'DELETED']);
  });

  const pick = (...i: number[]) => i.map((n) => log[n].id);
  const ids = async (filter: Record<string, unknown>) =>
    (await feed(manager, { first: 100, filter: { and: [{ actorId: { eq: rep.user.id } }, filter] } })).nodes.map((e) => e.id);

  it('filters by entityType, entityId and action', async () => {
    expect(await ids({ entityType: { eq: 'Deal' } })).toEqual(pick(2, 3, 4));
    expect(await ids({ entityId: { eq: accountId } })).toEqual(pick(0, 1));
    expect(await ids({ action: { eq: 'CREATED' } })).toEqual(pick(0, 2));
    expect(await ids({ action: { in: ['UPDATED', 'DELETED'] } })).toEqual(pick(1, 4));
    expect(await ids({ not: { entityType: { eq: 'Account' } } })).toEqual(pick(2, 3, 4));
    expect(await ids({ or: [{ action: { eq: 'STAGE_CHANGED' } }, { entityId: { eq: accountId }, action: { eq: 'UPDATED' } }] })).toEqual(pick(1, 3));
  });

  it('filters by actorId and createdAt', async () => {
    expect((await feed(manager, { first: 100, filter: { entityId: { eq: accountId }, actorId: { eq: manager.user.id } } })).nodes).toEqual([]);
    expect(await ids({ createdAt: { gte: log[2].createdAt } })).toEqual(pick(2, 3, 4));
    expect(await ids({ createdAt: { lt: log[2].createdAt } })).toEqual(pick(0, 1));
  });

  it('keeps a rep’s filters inside what they may see', async () => {
    const stranger = await clientAs(server, 'SALES_REP');
    expect((await feed(stranger, { first: 100, filter: { actorId: { eq: rep.user.id } } })).nodes).toEqual([]);
  });
});

describe('timeline', () => {
  const TIMELINE = (type: string) => `query($id: ID!) { ${type}(id: $id) {
    all: timeline(first: 10) { edges { cursor node { action entityId cursor } } }
    latest: timeline(last: 1) { nodes { action } } } }`;

  it.each([
    [
      'account',
      (rep: Client) =>
        createAccount(server.ds, rep.user.id).then((a) => ({
          id: a.id,
          update: `updateAccount(id: $id, input: { industry: "Tea" }) { id }`,
          del: 'deleteAccount',
        })),
    ],
    [
      'contact',
      (rep: Client) =>
        createContact(server.ds, rep.user.id).then((c) => ({
          id: c.id,
          update: `updateContact(id: $id, input: { title: "Boss" }) { id }`,
          del: 'deleteContact',
        })),
    ],
    [
      'deal',
      (rep: Client) =>
        createDeal(server.ds, rep.user.id).then((d) => ({ id: d.id, update: `updateDeal(id: $id, input: { probability: 10 }) { id }`, del: 'deleteDeal' })),
    ],
  ])('lists the %s’s own entries oldest → newest', async (type, make) => {
    const rep = await clientAs(server, 'SALES_REP');
    const rec = await make(rep);
    await rep.ok(`mutation($id: ID!) { ${rec.update} }`, { id: rec.id });
    await rep.ok(`mutation($id: ID!) { ${rec.del}(id: $id) }`, { id: rec.id });
    await rep.ok(`mutation($id: ID!) { restore${type[0].toUpperCase()}${type.slice(1)}(id: $id) { id } }`, { id: rec.id });
    await entries(rep, byEntity(rec.id), 3);
    const node = (await rep.ok(TIMELINE(type), { id: rec.id }))[type];
    expect(node.all.edges.map((e: any) => e.node.action)).toEqual(['UPDATED', 'DELETED', 'RESTORED']);
    for (const e of node.all.edges) expect(e.node).toMatchObject({ entityId: rec.id, cursor: e.cursor });
    expect(node.latest.nodes.map((e: any) => e.action)).toEqual(['RESTORED']);
    // The manager's timeline of the same record is the same three entries.
    const manager = await clientAs(server, 'SALES_MANAGER');
    expect((await manager.ok(TIMELINE(type), { id: rec.id }))[type].all.edges.map((e: any) => e.node.action)).toEqual(['UPDATED', 'DELETED', 'RESTORED']);
  });
});
