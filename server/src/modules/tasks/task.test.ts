import type { Client } from '../../../test/client';
import { clientAs, createAccount, createContact, createDeal, createUser, tag } from '../../../test/factories';
import { waitFor } from '../../../test/jobs';
import { startTestServer, TestServer } from '../../../test/server';
import { countStatements } from '../../../test/sql-counter';
import { searchDocument } from '../../kernel/records/search';
import { disposeSockets, socket, Subscription, useWsServer } from '../../../test/ws';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  useWsServer(server);
});
afterAll(async () => {
  await disposeSockets();
  await server.stop();
});

const FIELDS = `id title notes dueAt done completedAt version deletedAt owner { id } assignee { id } account { id } contact { id } deal { id }`;
const CREATE = `mutation($input: CreateTaskInput!) { createTask(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTaskInput!, $v: Int) { updateTask(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const GET = `query($id: ID!) { task(id: $id) { ${FIELDS} } }`;
const LIST = `query($filter: TaskFilter, $orderBy: [TaskOrderBy!]) { tasks(first: 100, filter: $filter, orderBy: $orderBy) { nodes { id title } } }`;
const DELETE = `mutation($id: ID!) { deleteTask(id: $id) }`;
const RESTORE = `mutation($id: ID!) { restoreTask(id: $id) { id deletedAt } }`;

const create = async (c: Client, input: Record<string, unknown>) => (await c.ok(CREATE, { input: { title: tag('Task'), ...input } })).createTask;
const listed = async (c: Client, filter: Record<string, unknown>) => (await c.ok(LIST, { filter })).tasks.nodes.map((n: { id: string }) => n.id);

describe('tasks: create, update, complete, trash', () => {
  it('creates a task owned by the caller with its related records', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const contact = await createContact(server.ds, rep.user.id, { accountId: account.id });
    const deal = await createDeal(server.ds, rep.user.id, { accountId: account.id });
    const dueAt = '2031-03-01T10:00:00.000Z';
    const t = await create(rep, { title: ' Call back ', notes: 'About the quote', dueAt, accountId: account.id, contactId: contact.id, dealId: deal.id });
    expect(t).toMatchObject({
      title: 'Call back',
      notes: 'About the quote',
      dueAt,
      done: false,
      completedAt: null,
      version: 1,
      deletedAt: null,
      owner: { id: rep.user.id },
      assignee: null,
      account: { id: account.id },
      contact: { id: contact.id },
      deal: { id: deal.id },
    });
  });

  it('sets completedAt when a task is done and clears it when it opens again, with versions', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const t = await create(rep, {});
    const done = (await rep.ok(UPDATE, { id: t.id, input: { done: true }, v: 1 })).updateTask;
    expect(done.done).toBe(true);
    expect(Date.now() - Date.parse(done.completedAt)).toBeLessThan(60_000);
    expect(done.version).toBe(2);
    expect(await rep.code(UPDATE, { id: t.id, input: { title: 'stale' }, v: 1 })).toBe('CONFLICT');
    const reopened = (await rep.ok(UPDATE, { id: t.id, input: { done: false }, v: 2 })).updateTask;
    expect(reopened).toMatchObject({ done: false, completedAt: null, version: 3 });
  });

  it('refuses bad input with field paths and writes nothing', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const title = tag('Bad');
    for (const [input, path] of [
      [{ title: '' }, ['input', 'title']],
      [{ title, dueAt: '10000-01-01T00:00:00Z' }, ['input', 'dueAt']],
      [{ title, accountId: '00000000-0000-4000-8000-000000000000' }, ['input', 'accountId']],
      [{ title, assigneeId: 'nope' }, ['input', 'assigneeId']],
    ] as const) {
      const res = await rep.request(CREATE, { input });
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields.map((f: { path: unknown[] }) => f.path)).toContainEqual(path);
    }
    expect(await listed(rep, { title: { eq: title } })).toEqual([]);
  });

  it('moves a task to the trash and back', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const t = await create(rep, {});
    expect((await rep.ok(DELETE, { id: t.id })).deleteTask).toBe(true);
    expect((await rep.ok(GET, { id: t.id })).task).toBeNull();
    expect(await listed(rep, { id: { eq: t.id }, deletedAt: { isNull: false } })).toEqual([t.id]);
    expect((await rep.ok(RESTORE, { id: t.id })).restoreTask.deletedAt).toBeNull();
    expect((await rep.ok(GET, { id: t.id })).task.id).toBe(t.id);
  });
});

describe('tasks: who sees and changes them', () => {
  it('shows a rep the tasks they own or are assigned, not another rep’s; managers see all', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const colleague = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const own = await create(rep, {});
    const assigned = await create(colleague, { assigneeId: rep.user.id });
    const foreign = await create(colleague, {});
    const ids = [own.id, assigned.id, foreign.id];
    expect((await listed(rep, { id: { in: ids } })).sort()).toEqual([own.id, assigned.id].sort());
    expect((await rep.ok(GET, { id: foreign.id })).task).toBeNull();
    expect(await rep.code(UPDATE, { id: foreign.id, input: { title: 'mine now' } })).toBe('NOT_FOUND');
    // The assignee may work on it (complete it) although someone else owns it.
    expect((await rep.ok(UPDATE, { id: assigned.id, input: { done: true } })).updateTask.done).toBe(true);
    expect((await listed(manager, { id: { in: ids } })).sort()).toEqual([...ids].sort());
  });

  it.each(['ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN'] as const)('refuses tasks to %s', async (role) => {
    const c = await clientAs(server, role);
    expect(await c.code(LIST, {})).toBe('FORBIDDEN');
    expect(await c.code(CREATE, { input: { title: 'x' } })).toBe('FORBIDDEN');
  });

  it('assigns only to users whose role can hold tasks; only managers give ownership away', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const colleague = await createUser(server.ds, { role: 'SALES_REP' });
    for (const role of ['TECHNICIAN', 'DISPATCHER', 'ACCOUNTANT'] as const) {
      const other = await createUser(server.ds, { role });
      const res = await manager.request(CREATE, { input: { title: 'x', assigneeId: other.id } });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'assigneeId'] }] });
    }
    expect((await create(rep, { assigneeId: colleague.id })).assignee.id).toBe(colleague.id);
    expect(await rep.code(CREATE, { input: { title: 'x', ownerId: colleague.id } })).toBe('FORBIDDEN');
    expect((await create(manager, { ownerId: colleague.id })).owner.id).toBe(colleague.id);
  });

  it('refuses related records the caller may not see', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const other = await createUser(server.ds, { role: 'SALES_REP' });
    const hidden = await createAccount(server.ds, other.id);
    const res = await rep.request(CREATE, { input: { title: 'x', accountId: hidden.id } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: ['input', 'accountId'] }] });
  });
});

describe('tasks: filters, order and nextTask', () => {
  it('filters by done, due date, assignee and related record, and sorts by due date', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const rep = await createUser(server.ds, { role: 'SALES_REP' });
    const account = await createAccount(server.ds, manager.user.id);
    const prefix = tag('F');
    const a = await create(manager, { title: `${prefix} a`, dueAt: '2031-01-03T00:00:00Z', assigneeId: rep.id, accountId: account.id });
    const b = await create(manager, { title: `${prefix} b`, dueAt: '2031-01-01T00:00:00Z' });
    const c = await create(manager, { title: `${prefix} c`, dueAt: '2031-01-02T00:00:00Z', accountId: account.id });
    await manager.ok(UPDATE, { id: c.id, input: { done: true } });
    const mine = { title: { startsWith: prefix } };
    const sorted = (await manager.ok(LIST, { filter: mine, orderBy: [{ field: 'DUE_AT', direction: 'ASC' }] })).tasks.nodes.map((n: { id: string }) => n.id);
    expect(sorted).toEqual([b.id, c.id, a.id]);
    expect((await listed(manager, { ...mine, done: { eq: false } })).sort()).toEqual([a.id, b.id].sort());
    expect(await listed(manager, { ...mine, dueAt: { gt: '2031-01-02T12:00:00Z' } })).toEqual([a.id]);
    expect(await listed(manager, { ...mine, assignee: { id: { eq: rep.id } } })).toEqual([a.id]);
    expect((await listed(manager, { ...mine, account: { id: { eq: account.id } } })).sort()).toEqual([a.id, c.id].sort());
  });

  it('gives accounts, contacts and deals their earliest open task, in one statement per kind for any number of parents', async () => {
    const manager = await clientAs(server, 'SALES_MANAGER');
    const prefix = tag('N');
    const accounts = await Promise.all([0, 1, 2, 3, 4].map((i) => createAccount(server.ds, manager.user.id, { name: `${prefix} ${i}` })));
    for (const acc of accounts) {
      const done = await create(manager, { accountId: acc.id, dueAt: '2030-01-01T00:00:00Z', title: 'earliest but done' });
      await manager.ok(UPDATE, { id: done.id, input: { done: true } });
      await create(manager, { accountId: acc.id, title: 'undated' });
      await create(manager, { accountId: acc.id, dueAt: '2031-06-01T00:00:00Z', title: 'later' });
      await create(manager, { accountId: acc.id, dueAt: '2031-05-01T00:00:00Z', title: 'next' });
    }
    const contact = await createContact(server.ds, manager.user.id);
    const deal = await createDeal(server.ds, manager.user.id);
    await create(manager, { contactId: contact.id, dueAt: '2031-02-01T00:00:00Z', title: 'contact next' });
    await create(manager, { dealId: deal.id, title: 'deal next' });

    const QUERY = `query($p: String!) { accounts(first: 20, filter: { name: { startsWith: $p } }) { nodes { id nextTask { title } } } }`;
    const run = (first: number) => countStatements(() => manager.ok(QUERY.replace('first: 20', `first: ${first}`), { p: prefix }));
    const two = await run(2);
    const five = await run(5);
    expect(five.result.accounts.nodes.map((n: { nextTask: { title: string } }) => n.nextTask.title)).toEqual(['next', 'next', 'next', 'next', 'next']);
    expect(two.count).toBe(five.count);
    const { contact: c, deal: d } = await manager.ok(`query($c: ID!, $d: ID!) { contact(id: $c) { nextTask { title } } deal(id: $d) { nextTask { title } } }`, {
      c: contact.id,
      d: deal.id,
    });
    expect(c.nextTask.title).toBe('contact next');
    expect(d.nextTask.title).toBe('deal next');
  });

  it('shows a rep only the next task they may see', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const colleague = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const account = await createAccount(server.ds, rep.user.id);
    await create(manager, { accountId: account.id, dueAt: '2031-01-01T00:00:00Z', title: 'manager’s own', ownerId: colleague.user.id });
    await create(rep, { accountId: account.id, dueAt: '2031-02-01T00:00:00Z', title: 'rep’s' });
    const { account: a } = await rep.ok(`query($id: ID!) { account(id: $id) { nextTask { title } tasks(first: 10) { nodes { title } } } }`, { id: account.id });
    expect(a.nextTask.title).toBe('rep’s');
    expect(a.tasks.nodes.map((n: { title: string }) => n.title)).toEqual(['rep’s']);
  });
});

describe('tasks: global search', () => {
  const SEARCH = `query($q: String!) { search(query: $q) { node { __typename ... on Task { id title } } } }`;
  const found = async (c: Client, q: string) =>
    (await c.ok(SEARCH, { q })).search
      .filter((h: { node: { __typename: string } }) => h.node.__typename === 'Task')
      .map((h: { node: { id: string } }) => h.node.id);

  it('finds tasks by a word of the title or the notes, for those who may see them, and not in the trash', async () => {
    const rep = await clientAs(server, 'SALES_REP');
    const assignee = await clientAs(server, 'SALES_REP');
    const other = await clientAs(server, 'SALES_REP');
    const manager = await clientAs(server, 'SALES_MANAGER');
    const accountant = await clientAs(server, 'ACCOUNTANT');
    const word = `zt${Date.now().toString(36)}`;
    const t = await create(rep, { title: `Call ${word}-site about the quote`, notes: `Ask for ${word}notes`, assigneeId: assignee.user.id });
    for (const q of [word, `${word}notes`]) {
      expect(await found(rep, q)).toEqual([t.id]);
      expect(await found(assignee, q)).toEqual([t.id]);
      expect(await found(manager, q)).toEqual([t.id]);
      expect(await found(other, q)).toEqual([]);
    }
    // A role that reads no tasks finds none, and asking for them by type is no way around it.
    expect(await found(accountant, word)).toEqual([]);
    expect((await accountant.ok(`query($q: String!) { search(query: $q, types: [TASK]) { score } }`, { q: word })).search).toEqual([]);
    await rep.ok(`mutation($id: ID!) { deleteTask(id: $id) }`, { id: t.id });
    expect(await found(rep, word)).toEqual([]);
  });

  it('matches against the indexed search document', async () => {
    const plan = await server.ds.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(`EXPLAIN SELECT id FROM tasks t WHERE ${searchDocument(['title', 'notes'], 't')} @@ to_tsquery('simple', 'x:*')`);
    });
    expect(JSON.stringify(plan)).toContain('tasks_search_idx');
  });
});

describe('tasks: activity', () => {
  it('logs every change, shows it to the assignee, and delivers it live', async () => {
    const owner = await clientAs(server, 'SALES_REP');
    const assignee = await clientAs(server, 'SALES_REP');
    const outsider = await clientAs(server, 'SALES_REP');
    const sub = new Subscription(socket(assignee.token), { entityType: { eq: 'Task' } });
    const watched = new Subscription(socket(outsider.token), { entityType: { eq: 'Task' } });
    await waitFor('subscriptions ready', async () => {
      // A probe entry only the outsider may see confirms their subscription is live.
      const probe = await create(outsider, { title: tag('probe') });
      const e = await watched.next(1000).catch(() => null);
      return e?.entityId === probe.id;
    });
    const t = await create(owner, { assigneeId: assignee.user.id, title: tag('Shared') });
    const created = await sub.next();
    expect(created).toMatchObject({ action: 'CREATED', entityType: 'Task', entityId: t.id });
    expect(created.changes.assigneeId).toEqual({ from: null, to: assignee.user.id });
    await owner.ok(UPDATE, { id: t.id, input: { done: true } });
    const updated = await sub.next();
    expect(updated).toMatchObject({ action: 'UPDATED', entityId: t.id });
    expect(updated.changes.done).toEqual({ from: false, to: true });
    const LOG = `query($id: ID!) { activityLog(filter: { entityId: { eq: $id } }) { nodes { action } } }`;
    expect((await assignee.ok(LOG, { id: t.id })).activityLog.nodes.map((n: { action: string }) => n.action)).toEqual(['CREATED', 'UPDATED']);
    expect((await outsider.ok(LOG, { id: t.id })).activityLog.nodes).toEqual([]);
    // The outsider's socket got nothing about the shared task (the next thing it sees is its own).
    const mark = await create(outsider, { title: tag('mark') });
    expect((await watched.next()).entityId).toBe(mark.id);
  });
});
