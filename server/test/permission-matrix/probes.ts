import type { DataSource } from 'typeorm';
import type { Client } from '../client';
import { createAccount, createApiKeyRow, createContact, createDeal, createInteraction, createTask, createUser, tag, TEST_PASSWORD } from '../factories';
import { registerDocumentKind } from '../../src/kernel/documents';
import { FINANCIAL_MUTATIONS, FINANCIAL_QUERIES } from './financial-probes';
import { attempt, is, simple, type Attempt, type Data, type Probe, type ProbeEnv } from './probe-basics';

export { probeEnv, type Probe, type ProbeEnv } from './probe-basics';

/**
 * Probes for the permission matrix: each runs a root field as the caller and reports what
 * happened as an Outcome ('allowed', 'scoped', ...) or, when it matches none, a description.
 */

/**
 * Tries someone else's record first, then (unless that worked or the caller is anonymous) one of
 * the caller's own. `assigns`: the first try creates a record for someone else, which a rep may
 * not do (FORBIDDEN) even though they may create their own.
 */
async function classify(others: () => Promise<Attempt>, own: () => Promise<Attempt>, assigns = false): Promise<string> {
  const o = await others();
  if (o === 'ok') return 'allowed';
  if (o === 'UNAUTHENTICATED') return o;
  const w = await own();
  if (o === 'FORBIDDEN' && w === 'FORBIDDEN') return 'FORBIDDEN';
  if (w === 'ok' && (o === 'hidden' || (assigns && o === 'FORBIDDEN'))) return 'scoped';
  if (o === 'hidden' && w === 'hidden') return 'empty';
  return `others: ${o}; own: ${w}`;
}

const found = (value: { id: string } | null | undefined, id: string): Attempt => (value === null ? 'hidden' : is(value?.id === id, JSON.stringify(value)));
const listed = (nodes: { id: string }[], id: string): Attempt => (nodes.some((n) => n.id === id) ? 'ok' : 'hidden');
const batchItem = (r: { numErrors: number; results: { error: { code: string } | null }[] }): Attempt =>
  r.results[0].error?.code ?? is(r.numErrors === 0, JSON.stringify(r));

type Row = Record<string, any>;
interface Kind {
  type: 'Account' | 'Contact' | 'Deal' | 'Interaction' | 'Task';
  lookup: string;
  list: string;
  make(ds: DataSource, ownerId: string, attrs?: Row): Promise<Row>;
  /** Input for a create whose references belong to `refOwner`. */
  createInput(ds: DataSource, refOwner: string, ownerId?: string): Promise<Row>;
  updateInput: Row;
  /** Has a batch create (create<Type>s). */
  batch: boolean;
}

const KINDS: Kind[] = [
  {
    type: 'Account',
    lookup: 'account',
    list: 'accounts',
    make: createAccount,
    createInput: async (_ds, _ref, ownerId) => ({ name: tag('Acct'), ownerId }),
    updateInput: { name: 'Renamed account' },
    batch: true,
  },
  {
    type: 'Contact',
    lookup: 'contact',
    list: 'contacts',
    make: createContact,
    createInput: async (_ds, _ref, ownerId) => ({ firstName: 'Pat', lastName: tag('Contact'), ownerId }),
    updateInput: { title: 'Buyer' },
    batch: true,
  },
  {
    type: 'Deal',
    lookup: 'deal',
    list: 'deals',
    make: createDeal,
    createInput: async (ds, ref, ownerId) => ({ name: tag('Deal'), accountId: (await createAccount(ds, ref)).id, ownerId }),
    updateInput: { name: 'Renamed deal' },
    batch: false,
  },
  {
    type: 'Interaction',
    lookup: 'interaction',
    list: 'interactions',
    make: createInteraction,
    createInput: async (ds, ref, ownerId) => ({ type: 'CALL', subject: tag('Call'), contactId: (await createContact(ds, ref)).id, ownerId }),
    updateInput: { subject: 'Renamed call' },
    batch: false,
  },
  {
    type: 'Task',
    lookup: 'task',
    list: 'tasks',
    make: createTask,
    createInput: async (_ds, _ref, ownerId) => ({ title: tag('Task'), ownerId }),
    updateInput: { title: 'Renamed task' },
    batch: false,
  },
];

/** Runs `fn` against a fresh record of someone else, then of the caller. */
function onRecord(kind: Kind, c: Client, env: ProbeEnv, fn: (row: Row) => Promise<Attempt>, attrs: Row = {}): Promise<string> {
  return classify(
    async () => fn(await kind.make(env.ds, env.other.user.id, attrs)),
    async () => fn(await kind.make(env.ds, c.user.id, attrs)),
  );
}

function kindProbes(k: Kind): [Record<string, Probe>, Record<string, Probe>] {
  const T = k.type;
  const queries: Record<string, Probe> = {
    [k.lookup]: (c, env) =>
      onRecord(k, c, env, (row) => attempt(c, `query($id: ID!) { ${k.lookup}(id: $id) { id } }`, { id: row.id }, (d) => found(d[k.lookup], row.id))),
    [k.list]: (c, env) =>
      onRecord(k, c, env, (row) =>
        attempt(c, `query($id: ID!) { ${k.list}(filter: { id: { eq: $id } }) { nodes { id } } }`, { id: row.id }, (d) => listed(d[k.list].nodes, row.id)),
      ),
  };
  const createOne = (c: Client, input: Row, owner: string) =>
    attempt(c, `mutation($input: Create${T}Input!) { create${T}(input: $input) { id owner { id } } }`, { input }, (d) =>
      is(d[`create${T}`].owner.id === owner, 'owner'),
    );
  const createMany = (c: Client, input: Row) =>
    attempt(c, `mutation($inputs: [Create${T}Input!]!) { create${T}s(inputs: $inputs) { numErrors results { error { code } } } }`, { inputs: [input] }, (d) =>
      batchItem(d[`create${T}s`]),
    );
  // Creates for someone else first (a rep may not), then for the caller.
  const creates = (c: Client, env: ProbeEnv, run: (input: Row, owner: string) => Promise<Attempt>) =>
    classify(
      async () => run(await k.createInput(env.ds, env.other.user.id, env.other.user.id), env.other.user.id),
      async () => run(await k.createInput(env.ds, c.user.id), c.user.id),
      true,
    );
  const mutations: Record<string, Probe> = {
    [`create${T}`]: (c, env) => creates(c, env, (input, owner) => createOne(c, input, owner)),
    ...(k.batch && { [`create${T}s`]: (c: Client, env: ProbeEnv) => creates(c, env, (input) => createMany(c, input)) }),
    [`update${T}`]: (c, env) =>
      onRecord(k, c, env, (row) =>
        attempt(
          c,
          `mutation($id: ID!, $input: Update${T}Input!) { update${T}(id: $id, input: $input) { id version } }`,
          { id: row.id, input: k.updateInput },
          (d) => is(d[`update${T}`].version === row.version + 1, 'version'),
        ),
      ),
    [`delete${T}`]: (c, env) =>
      onRecord(k, c, env, (row) => attempt(c, `mutation($id: ID!) { delete${T}(id: $id) }`, { id: row.id }, (d) => is(d[`delete${T}`] === true, 'result'))),
    [`restore${T}`]: (c, env) =>
      onRecord(
        k,
        c,
        env,
        (row) =>
          attempt(c, `mutation($id: ID!) { restore${T}(id: $id) { id deletedAt } }`, { id: row.id }, (d) =>
            is(d[`restore${T}`].deletedAt === null, 'deletedAt'),
          ),
        { deletedAt: new Date() },
      ),
  };
  return [queries, mutations];
}

const DEAL = KINDS[2];
const CLOSED_LOST = { stage: 'CLOSED_LOST', closedAt: new Date(), lostReason: 'Budget', probability: 0 };

/** Waits (bounded) until an entity's activity is served at all, so visibility alone decides. */
async function activityServed(env: ProbeEnv, entityId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const d = await env.admin.ok(`query($id: ID!) { activityLog(filter: { entityId: { eq: $id } }) { nodes { id } } }`, { id: entityId });
    if (d.activityLog.nodes.length) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`Activity for ${entityId} never became visible`);
}
const seesActivity = (c: Client, entityId: string) =>
  attempt(c, `query($id: ID!) { activityLog(filter: { entityId: { eq: $id } }) { nodes { entityId } } }`, { id: entityId }, (d) =>
    d.activityLog.nodes.length ? 'ok' : 'hidden',
  );
const newApiKey = async (c: Client): Promise<string> =>
  (await c.ok(`mutation($name: String!) { createApiKey(input: { name: $name }) { apiKey { id } } }`, { name: tag('key') })).createApiKey.apiKey.id;

// Documents made from accounts, for probing `document` (modules register the real kinds).
registerDocumentKind({ kind: 'matrix-account-sheet', entityType: 'Account', render: async () => null });

async function accountDocument(ds: DataSource, ownerId: string): Promise<string> {
  const account = await createAccount(ds, ownerId);
  const [row] = await ds.query(
    `INSERT INTO "documents" ("status", "kind", "entityType", "entityId", "contentType") VALUES ('QUEUED', 'matrix-account-sheet', 'Account', $1, 'application/pdf') RETURNING "id"`,
    [account.id],
  );
  return row.id;
}

const SYSTEM_QUERIES: Record<string, Probe> = {
  me: (c) => simple(c, `{ me { id } }`, {}, (d) => is(d.me.id === c.user.id, 'user')),
  users: (c, env) =>
    simple(c, `query($id: ID!) { users(filter: { id: { eq: $id } }) { nodes { id name } } }`, { id: env.other.user.id }, (d) =>
      is(d.users.nodes.length === 1, 'nodes'),
    ),
  user: (c, env) => simple(c, `query($id: ID!) { user(id: $id) { id name } }`, { id: env.other.user.id }, (d) => is(d.user?.id === env.other.user.id, 'user')),
  apiKey: (c, env) => {
    const sees = (id: string) => attempt(c, `query($id: ID!) { apiKey(id: $id) { id } }`, { id }, (d) => (d.apiKey?.id === id ? 'ok' : 'hidden'));
    return classify(
      async () => sees((await createApiKeyRow(env.ds, env.other.user.id)).id),
      async () => sees((await createApiKeyRow(env.ds, c.user.id)).id),
    );
  },
  apiKeys: (c, env) => {
    const sees = (id: string) => attempt(c, `{ apiKeys(first: 100) { nodes { id } } }`, {}, (d) => listed(d.apiKeys.nodes, id));
    return classify(
      async () => sees((await createApiKeyRow(env.ds, env.other.user.id)).id),
      async () => sees((await createApiKeyRow(env.ds, c.user.id)).id),
    );
  },
  // Entries about another user's account, then about the caller's own API key.
  activityLog: (c, env) =>
    classify(
      async () => {
        const id = (await env.other.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: tag('Logged') } }))
          .createAccount.id;
        await activityServed(env, id);
        return seesActivity(c, id);
      },
      async () => {
        const id = await newApiKey(c);
        await activityServed(env, id);
        return seesActivity(c, id);
      },
    ),
  jobs: (c) => simple(c, `{ jobs(failures: 1) { mode queues { queue dead } recentFailures { id } } }`, {}, (d) => is(Array.isArray(d.jobs.queues), 'queues')),
  document: (c, env) => {
    const sees = async (ownerId: string) => {
      const id = await accountDocument(env.ds, ownerId);
      return attempt(c, `query($id: ID!) { document(id: $id) { id status } }`, { id }, (d) => found(d.document, id));
    };
    return classify(
      () => sees(env.other.user.id),
      () => sees(c.user.id),
    );
  },
  search: (c, env) => {
    const finds = async (ownerId: string) => {
      const name = tag('findable').replace('-', ''); // one word: the parser reads '-123…' as a signed number
      const acct = await createAccount(env.ds, ownerId, { name });
      return attempt(c, `query($q: String!) { search(query: $q) { node { ... on Account { id } } } }`, { q: name }, (d) =>
        listed(
          d.search.map((h: Data) => h.node),
          acct.id,
        ),
      );
    };
    return classify(
      () => finds(env.other.user.id),
      () => finds(c.user.id),
    );
  },
};

const SYSTEM_MUTATIONS: Record<string, Probe> = {
  login: async (c, env) => {
    const u = await createUser(env.ds, { role: 'SALES_REP' });
    return simple(c, `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }`, { e: u.email, p: TEST_PASSWORD }, (d) =>
      is(d.login.user.id === u.id, 'user'),
    );
  },
  // The session must really end: the same token is refused afterwards.
  logout: (c) =>
    simple(c, `mutation { logout }`, {}, async (d) => is(d.logout === true && (await c.code(`{ me { id } }`)) === 'UNAUTHENTICATED', 'session still works')),
  createUser: (c) =>
    simple(
      c,
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id role } }`,
      { input: { email: `${tag('new')}@test.example`, name: 'New Person', password: TEST_PASSWORD, role: 'SALES_REP' } },
      (d) => is(d.createUser.role === 'SALES_REP', 'role'),
    ),
  updateUser: async (c, env) => {
    const u = await createUser(env.ds, { role: 'SALES_REP' });
    return simple(c, `mutation($id: ID!) { updateUser(id: $id, input: { name: "Renamed Person" }) { id name } }`, { id: u.id }, (d) =>
      is(d.updateUser.name === 'Renamed Person', 'name'),
    );
  },
  createApiKey: (c) =>
    simple(c, `mutation { createApiKey(input: { name: "matrix" }) { secret apiKey { id } } }`, {}, (d) => is(!!d.createApiKey.secret, 'secret')),
  revokeApiKey: (c, env) => {
    const revoke = (id: string) =>
      attempt(c, `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`, { id }, (d) => is(d.revokeApiKey.revokedAt !== null, 'revokedAt'));
    return classify(
      async () => revoke((await createApiKeyRow(env.ds, env.other.user.id)).id),
      async () => revoke((await createApiKeyRow(env.ds, c.user.id)).id),
    );
  },
};

const JOB_AND_SMS_MUTATIONS: Record<string, Probe> = {
  retryJob: async (c, env) => {
    const [{ id }] = await env.ds.query(`INSERT INTO "outbox" ("queue", "state", "lastError") VALUES ('matrix.probe', 'DEAD', 'failed') RETURNING "id"`);
    return simple(c, `mutation($id: ID!) { retryJob(id: $id) { id state } }`, { id }, (d) => is(d.retryJob.state === 'PENDING', 'state'));
  },
  sendSms: (c, env) => {
    const text = async (ownerId: string) => {
      const contact = await createContact(env.ds, ownerId, { phone: '+14155550123' });
      return attempt(
        c,
        `mutation($input: SendSmsInput!) { sendSms(input: $input) { id smsStatus } }`,
        { input: { contactId: contact.id, body: 'Matrix' } },
        (d) => is(d.sendSms.smsStatus === 'QUEUED', 'smsStatus'),
      );
    };
    return classify(
      () => text(env.other.user.id),
      () => text(c.user.id),
    );
  },
};

const DEAL_COMMANDS: Record<string, Probe> = {
  moveDealStage: (c, env) =>
    onRecord(DEAL, c, env, (row) =>
      attempt(c, `mutation($id: ID!) { moveDealStage(id: $id, stage: QUALIFICATION) { id stage } }`, { id: row.id }, (d) =>
        is(d.moveDealStage.stage === 'QUALIFICATION', 'stage'),
      ),
    ),
  reopenDeal: (c, env) =>
    onRecord(
      DEAL,
      c,
      env,
      (row) =>
        attempt(c, `mutation($id: ID!) { reopenDeal(id: $id, stage: PROPOSAL) { id stage closedAt } }`, { id: row.id }, (d) =>
          is(d.reopenDeal.stage === 'PROPOSAL' && d.reopenDeal.closedAt === null, 'stage'),
        ),
      CLOSED_LOST,
    ),
};

const DEAL_STATS: Record<string, Probe> = {
  // Counts an open deal of someone else, then one of the caller's own: figures cover only visible deals.
  dealStats: (c, env) => {
    const counts = (ownerId: string) => async () => {
      const q = `{ dealStats { openDealCount } }`;
      const before = await attempt(c, q, {}, (d) => String(d.dealStats.openDealCount));
      if (!/^\d+$/.test(before)) return before;
      await createDeal(env.ds, ownerId);
      return attempt(c, q, {}, (d) => (d.dealStats.openDealCount === Number(before) + 1 ? 'ok' : 'hidden'));
    };
    return classify(counts(env.other.user.id), counts(c.user.id));
  },
};

const perKind = KINDS.map(kindProbes);
export const QUERY_PROBES: Record<string, Probe> = Object.assign({}, SYSTEM_QUERIES, DEAL_STATS, FINANCIAL_QUERIES, ...perKind.map(([q]) => q));
export const MUTATION_PROBES: Record<string, Probe> = Object.assign(
  {},
  SYSTEM_MUTATIONS,
  JOB_AND_SMS_MUTATIONS,
  DEAL_COMMANDS,
  FINANCIAL_MUTATIONS,
  ...perKind.map(([, m]) => m),
);
