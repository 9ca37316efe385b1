import { Client, errorCodes } from '../../../test/client';
import { clientAs, createAccount, createApiKeyRow, createContact, createDeal, tag } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { onEventInTransaction } from '../events/domain-events';
import { RecordChanged } from './activity.events';

// Every write leaves exactly one activity row per change, in its own transaction.

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const FEED = `query($filter: ActivityFilter, $first: Int) { activityLog(filter: $filter, first: $first) { edges { cursor node {
  id cursor action entityType entityId entityLabel actor { id name } viaApiKey { id name } changes createdAt } } } }`;

/**
 * Entries matching `filter` once at least `min` are visible. The feed serves only rows of
 * transactions below the snapshot horizon, so a fresh commit may trail another open
 * transaction (of any test) for a moment: a bounded wait, never a sleep.
 */
async function entries(c: Client, filter: Record<string, unknown>, min: number): Promise<any[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const nodes = (await c.ok(FEED, { filter, first: 100 })).activityLog.edges.map((e: any) => e.node);
    if (nodes.length >= min || Date.now() > deadline) return nodes;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const byEntity = (id: string) => ({ entityId: { eq: id } });
const byActor = (id: string) => ({ actorId: { eq: id } });

interface Lifecycle {
  type: string;
  setup(c: Client): Promise<Record<string, unknown>>;
  create: string;
  update: string;
  label(input: any, updated?: any): string;
  createdChanges(input: any): Record<string, unknown>;
  updateInput: Record<string, unknown>;
  updatedChanges(input: any): Record<string, unknown>;
}

const mutations = (t: string, fields: string) => ({
  create: `mutation($input: Create${t}Input!) { create${t}(input: $input) { id ${fields} } }`,
  update: `mutation($id: ID!, $input: Update${t}Input!) { update${t}(id: $id, input: $input) { id ${fields} } }`,
});

const LIFECYCLES: Lifecycle[] = [
  {
    type: 'Account',
    ...mutations('Account', 'name'),
    setup: async () => ({ name: tag('Acme'), industry: 'Retail', phone: '(415) 555-0100' }),
    label: (i) => i.name,
    createdChanges: (i) => ({ name: { from: null, to: i.name }, industry: { from: null, to: 'Retail' }, phone: { from: null, to: '+14155550100' } }),
    // the unchanged name is sent on purpose: only changed fields are logged
    updateInput: { industry: 'Logistics' },
    updatedChanges: () => ({ industry: { from: 'Retail', to: 'Logistics' } }),
  },
  {
    type: 'Contact',
    ...mutations('Contact', 'firstName lastName'),
    setup: async (c) => ({ firstName: 'Ada', lastName: tag('Lovelace'), email: 'Ada@Example.COM', accountId: (await createAccount(server.ds, c.user.id)).id }),
    label: (i, u) => `Ada ${u?.lastName ?? i.lastName}`,
    createdChanges: (i) => ({
      firstName: { from: null, to: 'Ada' },
      lastName: { from: null, to: i.lastName },
      email: { from: null, to: 'ada@example.com' },
      accountId: { from: null, to: i.accountId },
    }),
    updateInput: { firstName: 'Ada', lastName: 'King', title: 'Countess' },
    updatedChanges: (i) => ({ lastName: { from: i.lastName, to: 'King' }, title: { from: null, to: 'Countess' } }),
  },
  {
    type: 'Deal',
    ...mutations('Deal', 'name'),
    setup: async (c) => ({ name: tag('Big deal'), amount: '1200.5', accountId: (await createAccount(server.ds, c.user.id)).id }),
    label: (i) => i.name,
    createdChanges: (i) => ({
      name: { from: null, to: i.name },
      amount: { from: null, to: '1200.50' },
      stage: { from: null, to: 'PROSPECTING' },
      accountId: { from: null, to: i.accountId },
    }),
    updateInput: { amount: '1300', probability: 40 },
    updatedChanges: () => ({ amount: { from: '1200.50', to: '1300.00' }, probability: { from: null, to: 40 } }),
  },
  {
    type: 'Interaction',
    ...mutations('Interaction', 'subject'),
    setup: async (c) => ({
      type: 'CALL',
      subject: tag('Intro call'),
      occurredAt: '2024-03-01T10:00:00.000Z',
      contactId: (await createContact(server.ds, c.user.id)).id,
    }),
    label: (i) => i.subject,
    createdChanges: (i) => ({
      type: { from: null, to: 'CALL' },
      subject: { from: null, to: i.subject },
      occurredAt: { from: null, to: '2024-03-01T10:00:00.000Z' },
      contactId: { from: null, to: i.contactId },
    }),
    updateInput: { type: 'MEETING', body: 'Went well' },
    updatedChanges: () => ({ type: { from: 'CALL', to: 'MEETING' }, body: { from: null, to: 'Went well' } }),
  },
];

describe.each(LIFECYCLES)('$type life cycle', (lc) => {
  it('logs CREATED, UPDATED (changed fields only), DELETED and RESTORED with actor, type and label', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const input = await lc.setup(rep);
    const id = (await rep.ok(lc.create, { input }))[`create${lc.type}`].id;
    const updateInput = lc.type === 'Account' ? { ...lc.updateInput, name: input.name } : lc.updateInput;
    await rep.ok(lc.update, { id, input: updateInput });
    await rep.ok(`mutation($id: ID!) { delete${lc.type}(id: $id) }`, { id });
    await rep.ok(`mutation($id: ID!) { restore${lc.type}(id: $id) { id } }`, { id });

    const log = await entries(rep, byEntity(id), 4);
    expect(log.map((e) => e.action)).toEqual(['CREATED', 'UPDATED', 'DELETED', 'RESTORED']);
    const updatedLabel = lc.label(input, lc.updateInput);
    expect(log.map((e) => e.entityLabel)).toEqual([lc.label(input), updatedLabel, updatedLabel, updatedLabel]);
    for (const e of log) {
      expect(e).toMatchObject({ entityType: lc.type, entityId: id, actor: { id: rep.user.id, name: rep.user.name }, viaApiKey: null });
      expect(e.cursor).toEqual(expect.any(String));
    }
    expect(log[0].changes).toEqual({ ...lc.createdChanges(input), ownerId: { from: null, to: rep.user.id } });
    expect(log[1].changes).toEqual(lc.updatedChanges(input));
    expect(log[2].changes).toEqual({});
    expect(log[3].changes).toEqual({});
  });
});

describe('deal stage commands', () => {
  const MOVE = `mutation($id: ID!, $stage: DealStage!, $lostReason: String) { moveDealStage(id: $id, stage: $stage, lostReason: $lostReason) { id stage project { id name } } }`;
  const REOPEN = `mutation($id: ID!, $stage: DealStage!) { reopenDeal(id: $id, stage: $stage) { id stage } }`;

  it('logs STAGE_CHANGED, WON with the project CREATED, and REOPENED', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const deal = await createDeal(server.ds, rep.user.id, { name: tag('Stage deal') });
    await rep.ok(MOVE, { id: deal.id, stage: 'QUALIFICATION' });
    const won = (await rep.ok(MOVE, { id: deal.id, stage: 'CLOSED_WON' })).moveDealStage;
    await rep.ok(REOPEN, { id: deal.id, stage: 'NEGOTIATION' });

    const log = await entries(rep, byEntity(deal.id), 3);
    expect(log.map((e) => e.action)).toEqual(['STAGE_CHANGED', 'WON', 'REOPENED']);
    expect(log[0].changes).toEqual({ stage: { from: 'PROSPECTING', to: 'QUALIFICATION' } });
    expect(log[1].changes).toEqual({
      stage: { from: 'QUALIFICATION', to: 'CLOSED_WON' },
      closedAt: { from: null, to: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
      probability: { from: null, to: 100 },
    });
    expect(log[2].changes).toEqual({
      stage: { from: 'CLOSED_WON', to: 'NEGOTIATION' },
      closedAt: { from: log[1].changes.closedAt.to, to: null },
      probability: { from: 100, to: null },
    });
    for (const e of log) expect(e).toMatchObject({ entityType: 'Deal', entityLabel: deal.name, actor: { id: rep.user.id } });

    const [project] = await entries(rep, byEntity(won.project.id), 1);
    expect(project).toMatchObject({ action: 'CREATED', entityType: 'Project', entityLabel: deal.name, actor: { id: rep.user.id } });
    expect(project.changes).toMatchObject({ dealId: { from: null, to: deal.id }, status: { from: null, to: 'ACTIVE' } });
  });

  it('logs LOST with the reason, and REOPENED clears it', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const deal = await createDeal(server.ds, rep.user.id, { probability: 30 });
    await rep.ok(MOVE, { id: deal.id, stage: 'CLOSED_LOST', lostReason: 'Budget cut' });
    await rep.ok(REOPEN, { id: deal.id, stage: 'PROSPECTING' });
    const [lost, reopened] = await entries(rep, byEntity(deal.id), 2);
    expect(lost).toMatchObject({ action: 'LOST', entityType: 'Deal' });
    expect(lost.changes).toEqual({
      stage: { from: 'PROSPECTING', to: 'CLOSED_LOST' },
      closedAt: { from: null, to: expect.any(String) },
      lostReason: { from: null, to: 'Budget cut' },
      probability: { from: 30, to: 0 },
    });
    expect(reopened).toMatchObject({ action: 'REOPENED' });
    expect(reopened.changes).toMatchObject({ stage: { from: 'CLOSED_LOST', to: 'PROSPECTING' }, lostReason: { from: 'Budget cut', to: null } });
  });
});

describe('users, batches and API keys', () => {
  it('logs createUser and updateUser as User entries', async () => {
    const admin = await clientAs(server, 'ADMIN');
    const name = tag('Newcomer');
    const email = `${tag('new')}@test.example`;
    const user = (
      await admin.ok(`mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
        input: { email, name, role: 'SALES_REP', password: 'a long enough password' },
      })
    ).createUser;
    await admin.ok(`mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id } }`, {
      id: user.id,
      input: { role: 'SALES_MANAGER', name },
    });
    const [created, updated] = await entries(admin, byEntity(user.id), 2);
    expect(created).toMatchObject({ action: 'CREATED', entityType: 'User', entityLabel: name, actor: { id: admin.user.id } });
    expect(created.changes).toEqual({
      email: { from: null, to: email },
      name: { from: null, to: name },
      role: { from: null, to: 'SALES_REP' },
      active: { from: null, to: true },
    });
    expect(created.changes).not.toHaveProperty('passwordHash');
    expect(updated).toMatchObject({ action: 'UPDATED', entityType: 'User', entityLabel: name });
    expect(updated.changes).toEqual({ role: { from: 'SALES_REP', to: 'SALES_MANAGER' } });
  });

  it('logs each successful batch item and nothing for a failed one or an aborted batch', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const BATCH = `mutation($inputs: [CreateAccountInput!]!, $allOrNone: Boolean!) { createAccounts(inputs: $inputs, allOrNone: $allOrNone) { numErrors results { index record { id name } error { code } } } }`;
    const names = [tag('Batch a'), tag('Batch b'), tag('Batch c')];
    const partial = (await rep.ok(BATCH, { allOrNone: false, inputs: [{ name: names[0] }, { name: names[1], phone: 'not a phone' }, { name: names[2] }] }))
      .createAccounts;
    expect(partial.numErrors).toBe(1);
    const aborted = (await rep.ok(BATCH, { allOrNone: true, inputs: [{ name: tag('Aborted a') }, { name: tag('Aborted b'), phone: 'nope' }] })).createAccounts;
    expect(aborted.numErrors).toBe(1);
    const sentinel = tag('Sentinel');
    await rep.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: sentinel } });

    const log = await entries(rep, byActor(rep.user.id), 3);
    expect(log.map((e) => [e.action, e.entityLabel])).toEqual([
      ['CREATED', names[0]],
      ['CREATED', names[2]],
      ['CREATED', sentinel],
    ]);
    expect(log.map((e) => e.entityId).slice(0, 2)).toEqual([partial.results[0].record.id, partial.results[2].record.id]);
  });

  it('names the key owner as actor and the key in viaApiKey for API-key calls', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const key = await createApiKeyRow(server.ds, rep.user.id, { name: tag('integration') });
    const viaKey = new Client(server.url, key.secret, rep.user);
    const id = (await viaKey.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: tag('Via key') } }))
      .createAccount.id;
    const [entry] = await entries(rep, byEntity(id), 1);
    expect(entry).toMatchObject({ action: 'CREATED', actor: { id: rep.user.id }, viaApiKey: { id: key.id } });
    expect(entry.viaApiKey.name).toMatch(/^integration-/);
  });
});

describe('failed mutations leave no row', () => {
  it('writes nothing for a validation error or a CONFLICT', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const deal = await createDeal(server.ds, rep.user.id, { accountId: account.id });
    expect(
      await rep.code(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: tag('Bad'), phone: 'no phone' } }),
    ).toBe('BAD_USER_INPUT');
    expect(await rep.code(`mutation($id: ID!) { updateAccount(id: $id, input: { industry: "x" }, expectedVersion: 7) { id } }`, { id: account.id })).toBe(
      'CONFLICT',
    );
    expect(await rep.code(`mutation($id: ID!) { moveDealStage(id: $id, stage: CLOSED_LOST) { id } }`, { id: deal.id })).toBe('BAD_USER_INPUT');
    expect(await rep.code(`mutation($id: ID!) { moveDealStage(id: $id, stage: NEGOTIATION, expectedVersion: 9) { id } }`, { id: deal.id })).toBe('CONFLICT');
    // A later successful write by the same actor is visible, so the feed has caught up past the failures.
    await rep.ok(`mutation($id: ID!) { updateAccount(id: $id, input: { industry: "ok" }) { id } }`, { id: account.id });
    const log = await entries(rep, byActor(rep.user.id), 1);
    expect(log.map((e) => [e.action, e.entityId, e.changes])).toEqual([['UPDATED', account.id, { industry: { from: null, to: 'ok' } }]]);
  });

  it('rolls back the entity and its row together when an in-transaction handler fails', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const doomed = tag('Doomed');
    const off = onEventInTransaction(RecordChanged, async (event) => {
      if (event.entityLabel === doomed) throw new Error(`boom for ${doomed}`);
    });
    let res;
    try {
      res = await rep.request(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: doomed } });
    } finally {
      off();
    }
    expect(errorCodes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(res.errors)).not.toContain('boom');
    expect(await server.ds.query(`SELECT 1 FROM "accounts" WHERE "name" = $1`, [doomed])).toEqual([]);
    expect(await server.ds.query(`SELECT 1 FROM "activity_log" WHERE "entityLabel" = $1`, [doomed])).toEqual([]);
    // The handler is gone: the same write now succeeds with its row.
    const id = (await rep.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: doomed } })).createAccount.id;
    expect((await entries(rep, byEntity(id), 1)).map((e) => e.action)).toEqual(['CREATED']);
  });

  it('keeps a deal open when the project of its win cannot be written', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const deal = await createDeal(server.ds, rep.user.id, { name: tag('Unlucky') });
    const off = onEventInTransaction(RecordChanged, async (event) => {
      if (event.entityType === 'Project' && event.entityLabel === deal.name) throw new Error('project store down');
    });
    let code;
    try {
      code = await rep.code(`mutation($id: ID!) { moveDealStage(id: $id, stage: CLOSED_WON) { id } }`, { id: deal.id });
    } finally {
      off();
    }
    expect(code).toBe('INTERNAL_SERVER_ERROR');
    const [row] = await server.ds.query(`SELECT "stage", "version" FROM "deals" WHERE "id" = $1`, [deal.id]);
    expect(row).toEqual({ stage: 'PROSPECTING', version: deal.version });
    expect(await server.ds.query(`SELECT 1 FROM "activity_log" WHERE "entityId" = $1`, [deal.id])).toEqual([]);
    expect(await server.ds.query(`SELECT 1 FROM "projects" WHERE "dealId" = $1`, [deal.id])).toEqual([]);
  });
});
