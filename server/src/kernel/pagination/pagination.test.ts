import fc from 'fast-check';
import type { Client } from '../../../test/client';
import { clientAs, createAccount, createContact, createDeal, createInteraction } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';

// Keyset walks over every sort field of the CRM lists, compared with an order computed here.
// Text values are lower-case letters of equal shape so the expected order holds in any collation.

type Row = Record<string, any>;
type Dir = 'ASC' | 'DESC';
interface Order {
  field: string;
  direction: Dir;
}
/** 'text' compares as strings (ISO dates and times too); a list is an enum in declaration order. */
type Kind = 'text' | 'num' | readonly string[];
interface ListDef {
  list: string;
  type: string;
  sort: Record<string, [string, Kind]>;
  defaultOrder: Order[];
}

const STAGES = ['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST'] as const;
const TYPES = ['CALL', 'EMAIL', 'MEETING', 'NOTE', 'SMS'] as const;
const NEWEST: Order[] = [{ field: 'CREATED_AT', direction: 'DESC' }];

const ACCOUNTS: ListDef = {
  list: 'accounts',
  type: 'Account',
  defaultOrder: NEWEST,
  sort: {
    NAME: ['name', 'text'],
    INDUSTRY: ['industry', 'text'],
    CREDIT_LIMIT: ['creditLimit', 'num'],
    CREATED_AT: ['createdAt', 'text'],
    UPDATED_AT: ['updatedAt', 'text'],
  },
};
const CONTACTS: ListDef = {
  list: 'contacts',
  type: 'Contact',
  defaultOrder: NEWEST,
  sort: {
    FIRST_NAME: ['firstName', 'text'],
    LAST_NAME: ['lastName', 'text'],
    EMAIL: ['email', 'text'],
    CREATED_AT: ['createdAt', 'text'],
    UPDATED_AT: ['updatedAt', 'text'],
  },
};
const DEALS: ListDef = {
  list: 'deals',
  type: 'Deal',
  defaultOrder: NEWEST,
  sort: {
    NAME: ['name', 'text'],
    AMOUNT: ['amount', 'num'],
    STAGE: ['stage', STAGES],
    PROBABILITY: ['probability', 'num'],
    EXPECTED_CLOSE_DATE: ['expectedCloseDate', 'text'],
    CLOSED_AT: ['closedAt', 'text'],
    CREATED_AT: ['createdAt', 'text'],
    UPDATED_AT: ['updatedAt', 'text'],
  },
};
const INTERACTIONS: ListDef = {
  list: 'interactions',
  type: 'Interaction',
  defaultOrder: [{ field: 'OCCURRED_AT', direction: 'DESC' }],
  sort: { OCCURRED_AT: ['occurredAt', 'text'], TYPE: ['type', TYPES], CREATED_AT: ['createdAt', 'text'], UPDATED_AT: ['updatedAt', 'text'] },
};

const MULTI_KEY: Record<string, Order[][]> = {
  accounts: [
    [o('INDUSTRY', 'DESC'), o('NAME')],
    [o('CREDIT_LIMIT'), o('INDUSTRY')],
    [o('NAME'), o('CREATED_AT', 'DESC')],
  ],
  contacts: [
    [o('LAST_NAME'), o('FIRST_NAME', 'DESC')],
    [o('EMAIL', 'DESC'), o('LAST_NAME')],
  ],
  deals: [
    [o('STAGE'), o('PROBABILITY', 'DESC')],
    [o('PROBABILITY'), o('EXPECTED_CLOSE_DATE', 'DESC'), o('NAME')],
    [o('CLOSED_AT', 'DESC'), o('AMOUNT')],
    [o('NAME', 'DESC'), o('CREATED_AT')],
  ],
  interactions: [
    [o('TYPE'), o('OCCURRED_AT', 'DESC')],
    [o('OCCURRED_AT'), o('TYPE', 'DESC')],
  ],
};

function o(field: string, direction: Dir = 'ASC'): Order {
  return { field, direction };
}

function cmpValue(x: unknown, y: unknown, kind: Kind): number {
  if (x === y) return 0;
  if (x === null) return 1; // NULL sorts after every value ascending, so first descending
  if (y === null) return -1;
  if (kind === 'num') return Math.sign(Number(x) - Number(y));
  if (Array.isArray(kind)) return Math.sign(kind.indexOf(x as string) - kind.indexOf(y as string));
  return (x as string) < (y as string) ? -1 : (x as string) > (y as string) ? 1 : 0;
}

/** The order the API promises: the keys in turn, then the id in the direction of the last key. */
function comparator(def: ListDef, orderBy: Order[]): (a: Row, b: Row) => number {
  const keys = orderBy.map((k) => ({ prop: def.sort[k.field][0], kind: def.sort[k.field][1], desc: k.direction === 'DESC' }));
  const idDesc = keys[keys.length - 1].desc;
  return (a, b) => {
    for (const k of keys) {
      const c = cmpValue(a[k.prop], b[k.prop], k.kind);
      if (c) return k.desc ? -c : c;
    }
    const c = cmpValue(a.id, b.id, 'text');
    return idDesc ? -c : c;
  };
}

/** A list query, top level or nested under one parent record (`contact(id) { interactions }`). */
function listQuery(def: ListDef, parent?: string): string {
  const props = [...new Set(Object.values(def.sort).map(([p]) => p))].join(' ');
  const list = `${def.list}(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      edges { cursor node { id ${props} } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }`;
  return `query($first: Int, $after: String, $last: Int, $before: String, $filter: ${def.type}Filter, $orderBy: [${def.type}OrderBy!]${parent ? ', $pid: ID!' : ''}) {
    ${parent ? `${parent}(id: $pid) { ${list} }` : list} }`;
}

interface Reader {
  client: Client;
  def: ListDef;
  filter?: Row;
  parent?: { field: string; id: string };
}

async function page(r: Reader, vars: Row): Promise<{ edges: { cursor: string; node: Row }[]; pageInfo: Row }> {
  const filter = vars.filter && r.filter ? { and: [r.filter, vars.filter] } : (vars.filter ?? r.filter);
  const data = await r.client.ok(listQuery(r.def, r.parent?.field), { ...vars, filter, pid: r.parent?.id });
  return r.parent ? data[r.parent.field][r.def.list] : data[r.def.list];
}

/**
 * Walks a whole list page by page (forward with first/after, backward with last/before) and
 * returns the rows in list order. `between` runs after each page with the page's boundary row.
 */
async function walk(r: Reader, opts: { orderBy?: Order[]; size: number; backward?: boolean; between?: (boundary: Row) => Promise<void> }): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n++) {
    const p = await page(
      r,
      opts.backward ? { last: opts.size, before: cursor, orderBy: opts.orderBy } : { first: opts.size, after: cursor, orderBy: opts.orderBy },
    );
    const nodes = p.edges.map((e) => e.node);
    expect(p.pageInfo.startCursor).toBe(p.edges[0]?.cursor ?? null);
    expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1]?.cursor ?? null);
    if (n === 0) expect(opts.backward ? p.pageInfo.hasNextPage : p.pageInfo.hasPreviousPage).toBe(false);
    if (opts.backward) rows.unshift(...nodes);
    else rows.push(...nodes);
    const more = opts.backward ? p.pageInfo.hasPreviousPage : p.pageInfo.hasNextPage;
    if (!more) return rows;
    expect(nodes).toHaveLength(opts.size); // only the last page may be short
    cursor = opts.backward ? p.pageInfo.startCursor : p.pageInfo.endCursor;
    if (opts.between) await opts.between(opts.backward ? nodes[0] : nodes[nodes.length - 1]);
  }
  throw new Error('the walk did not end');
}

const ids = (rows: Row[]) => rows.map((r) => r.id);
const T0 = Date.UTC(2031, 0, 1);
const at = (k: number) => new Date(T0 + k * 60_000 + 123); // whole milliseconds: exact in JS and SQL

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

const N = 14;

/** Rows with ties (same name, same instant) and NULLs in every nullable sort column. */
async function seedDeals(ownerId: string, accountId: string, n = N): Promise<void> {
  for (let i = 0; i < n; i++) {
    await createDeal(server.ds, ownerId, {
      accountId,
      name: ['delta', 'alpha', 'charlie', 'alpha', 'bravo'][i % 5],
      amount: ['100.00', '2500.50', '100.00', '0.00', '75.25', '100.00', '9.99'][i % 7],
      stage: STAGES[(i * 5) % 6],
      probability: i % 3 === 0 ? null : [10, 50, 50, 90][i % 4],
      expectedCloseDate: i % 4 === 1 ? null : `2031-0${1 + (i % 3)}-1${i % 2}`,
      closedAt: i % 2 ? null : at(i % 3),
      createdAt: at(Math.floor(i / 3)),
      updatedAt: at(10 - (i % 4)),
    });
  }
}

interface Fixture {
  readers: Record<string, Reader>;
  all: Record<string, Row[]>;
}
let fx: Fixture;

// One rep owns every row of the sort walks (they only read); a manager reads the rep's accounts,
// because a rep may not sort by creditLimit.
beforeAll(async () => {
  const rep = await clientAs(server, 'SALES_REP');
  const manager = await clientAs(server, 'SALES_MANAGER');
  const ds = server.ds;
  const accounts = [];
  for (let i = 0; i < N; i++) {
    accounts.push(
      await createAccount(ds, rep.user.id, {
        name: ['mango', 'apple', 'kiwi', 'apple', 'fig'][i % 5],
        industry: i % 3 === 0 ? null : ['retail', 'energy', 'retail', 'mining'][i % 4],
        creditLimit: i % 4 === 0 ? null : ['500.00', '10.50', '500.00'][i % 3],
        createdAt: at(Math.floor(i / 4)),
        updatedAt: at(20 - (i % 3)),
      }),
    );
  }
  const contacts = [];
  for (let i = 0; i < N; i++) {
    contacts.push(
      await createContact(ds, rep.user.id, {
        firstName: ['ann', 'bob', 'cid', 'ann'][i % 4],
        lastName: ['lee', 'kim', 'lee', 'ito', 'ray'][i % 5],
        email: i % 3 === 0 ? null : `${['aa', 'bb', 'cc', 'ab'][i % 4]}@x.example`,
        createdAt: at(Math.floor(i / 2)),
        updatedAt: at(5 + (i % 3)),
      }),
    );
  }
  await seedDeals(rep.user.id, accounts[0].id);
  for (let i = 0; i < N; i++) {
    await createInteraction(ds, rep.user.id, {
      contactId: contacts[0].id,
      type: TYPES[(i * 3) % 5],
      occurredAt: at(i % 5),
      createdAt: at(Math.floor(i / 3)),
      updatedAt: at(9 - (i % 2)),
    });
  }
  const readers: Record<string, Reader> = {
    accounts: { client: manager, def: ACCOUNTS, filter: { owner: { id: { eq: rep.user.id } } } },
    contacts: { client: rep, def: CONTACTS },
    deals: { client: rep, def: DEALS },
    interactions: { client: rep, def: INTERACTIONS },
    contactInteractions: { client: rep, def: INTERACTIONS, parent: { field: 'contact', id: contacts[0].id } },
  };
  const all: Record<string, Row[]> = {};
  for (const [name, r] of Object.entries(readers)) all[name] = (await page(r, { first: 100 })).edges.map((e) => e.node);
  fx = { readers, all };
});

describe.each([ACCOUNTS, CONTACTS, DEALS, INTERACTIONS])('walking $list', (def) => {
  const single = Object.keys(def.sort).flatMap((f) => [[o(f)], [o(f, 'DESC')]]);
  const orders = [...single, ...MULTI_KEY[def.list]];

  it('holds exactly the seeded rows', () => {
    expect(fx.all[def.list]).toHaveLength(N);
  });

  it.each(orders.map((ob) => [ob.map((k) => `${k.field} ${k.direction}`).join(', '), ob]))(
    'by %s: forward and backward see each row once, in order',
    async (_label, orderBy) => {
      const r = fx.readers[def.list];
      const expected = ids([...fx.all[def.list]].sort(comparator(def, orderBy as Order[])));
      expect(ids(await walk(r, { orderBy: orderBy as Order[], size: 3 }))).toEqual(expected);
      expect(ids(await walk(r, { orderBy: orderBy as Order[], size: 4, backward: true }))).toEqual(expected);
      // `last` alone is the end of the list, still in list order
      const tail = await page(r, { last: 5, orderBy });
      expect(ids(tail.edges.map((e) => e.node))).toEqual(expected.slice(-5));
      expect(tail.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    },
  );

  it('uses the default order (newest first, id breaks ties) without orderBy', async () => {
    const expected = ids([...fx.all[def.list]].sort(comparator(def, def.defaultOrder)));
    expect(ids(await walk(fx.readers[def.list], { size: 5 }))).toEqual(expected);
    expect(ids(await walk(fx.readers[def.list], { size: 1, backward: true }))).toEqual(expected);
  });

  it('pages back from the middle with last/before to the rows just passed', async () => {
    const orderBy = Object.keys(def.sort)
      .slice(0, 2)
      .map((f, i) => o(f, i ? 'DESC' : 'ASC'));
    const r = fx.readers[def.list];
    const expected = ids([...fx.all[def.list]].sort(comparator(def, orderBy)));
    const p1 = await page(r, { first: 6, orderBy });
    const p2 = await page(r, { first: 4, after: p1.pageInfo.endCursor, orderBy });
    expect(ids(p2.edges.map((e) => e.node))).toEqual(expected.slice(6, 10));
    const back = await page(r, { last: 3, before: p2.pageInfo.startCursor, orderBy });
    expect(ids(back.edges.map((e) => e.node))).toEqual(expected.slice(3, 6));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
  });
});

describe('walking a connection nested under a record (one window-function query per page)', () => {
  const orders = [...Object.keys(INTERACTIONS.sort).flatMap((f) => [[o(f)], [o(f, 'DESC')]]), ...MULTI_KEY.interactions];

  it.each(orders.map((ob) => [ob.map((k) => `${k.field} ${k.direction}`).join(', '), ob]))('contact.interactions by %s', async (_label, orderBy) => {
    const r = fx.readers.contactInteractions;
    const expected = ids([...fx.all.interactions].sort(comparator(INTERACTIONS, orderBy as Order[])));
    expect(ids(await walk(r, { orderBy: orderBy as Order[], size: 3 }))).toEqual(expected);
    expect(ids(await walk(r, { orderBy: orderBy as Order[], size: 4, backward: true }))).toEqual(expected);
  });
});

describe('rows inserted between pages', () => {
  /**
   * Walks the deals of a fresh rep and, after every page, inserts a row that sorts first, one
   * that sorts last and one tied with the page's boundary row. Rows inserted behind the cursor
   * must not show up; the others must, and every pre-existing row exactly once, in order.
   */
  async function scenario(def: ListDef, orderBy: Order[], backward: boolean, first: Row, last: Row) {
    const rep = await clientAs(server, 'SALES_REP');
    const account = await createAccount(server.ds, rep.user.id);
    const contact = await createContact(server.ds, rep.user.id);
    if (def === DEALS) await seedDeals(rep.user.id, account.id, 10);
    else for (let i = 0; i < 10; i++) await createInteraction(server.ds, rep.user.id, { contactId: contact.id, occurredAt: at(i % 4) });
    const r: Reader = { client: rep, def };
    const before = (await page(r, { first: 100 })).edges.map((e) => e.node);
    const cmp = comparator(def, orderBy);
    const inserted: { node: Row; ahead: boolean }[] = [];
    const prop = def.sort[orderBy[0].field][0];
    const rows = await walk(r, {
      orderBy,
      size: 3,
      backward,
      between: async (boundary) => {
        const made = [];
        for (const attrs of [first, last, { [prop]: boundary[prop] }]) {
          made.push(
            def === DEALS
              ? await createDeal(server.ds, rep.user.id, { accountId: account.id, ...attrs })
              : await createInteraction(server.ds, rep.user.id, { contactId: contact.id, ...attrs }),
          );
        }
        const fresh = (await page(r, { first: 3, filter: { id: { in: made.map((m) => m.id) } } })).edges.map((e) => e.node);
        expect(fresh).toHaveLength(3);
        for (const node of fresh) inserted.push({ node, ahead: backward ? cmp(node, boundary) < 0 : cmp(node, boundary) > 0 });
      },
    });
    const expected = ids([...before, ...inserted.filter((i) => i.ahead).map((i) => i.node)].sort(cmp));
    expect(ids(rows)).toEqual(expected);
    // The scenario really put rows on both sides of the cursor.
    expect(inserted.some((i) => i.ahead) && inserted.some((i) => !i.ahead)).toBe(true);
  }

  it('forward by name', () => scenario(DEALS, [o('NAME')], false, { name: 'aaaa' }, { name: 'zzzz' }));
  it('forward by probability DESC (NULLs first)', () => scenario(DEALS, [o('PROBABILITY', 'DESC')], false, { probability: null }, { probability: 0 }));
  it('forward by expected close date, then amount DESC', () =>
    scenario(DEALS, [o('EXPECTED_CLOSE_DATE'), o('AMOUNT', 'DESC')], false, { expectedCloseDate: '2000-01-01' }, { expectedCloseDate: null, amount: '0.00' }));
  it('backward by closedAt (NULLs last)', () => scenario(DEALS, [o('CLOSED_AT')], true, { closedAt: new Date('2000-01-01T00:00:00Z') }, { closedAt: null }));
  it('interactions newest first while new ones arrive', () =>
    scenario(
      INTERACTIONS,
      INTERACTIONS.defaultOrder,
      false,
      { occurredAt: new Date('2099-01-01T00:00:00Z') },
      { occurredAt: new Date('2000-01-01T00:00:00Z') },
    ));
});

describe('property: interleaved forward walks', () => {
  const defs = [ACCOUNTS, CONTACTS, DEALS, INTERACTIONS];
  const orderArb = (def: ListDef) =>
    fc
      .uniqueArray(fc.constantFrom(...Object.keys(def.sort)), { minLength: 1, maxLength: 3 })
      .chain((fields) => fc.tuple(...fields.map((f) => fc.constantFrom<Dir>('ASC', 'DESC').map((d) => o(f, d)))));
  const walkArb = (def: ListDef) => fc.record({ orderBy: orderArb(def), sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 8 }) });

  it('every walker sees each row once, in its own order, whatever the page sizes and interleaving', async () => {
    const arb = fc
      .constantFrom(...defs)
      .chain((def) =>
        fc.record({ def: fc.constant(def), walkers: fc.array(walkArb(def), { minLength: 1, maxLength: 3 }), schedule: fc.array(fc.nat(), { maxLength: 40 }) }),
      );
    await fc.assert(
      fc.asyncProperty(arb, async ({ def, walkers, schedule }) => {
        const r = fx.readers[def.list];
        const state = walkers.map(() => ({ rows: [] as Row[], cursor: undefined as string | undefined, done: false, step: 0 }));
        // The schedule picks which walker takes its next page; afterwards every walker finishes.
        const picks = [...schedule.map((s) => s % walkers.length), ...walkers.flatMap((_, i) => Array<number>(N + 1).fill(i))];
        for (const w of picks) {
          const s = state[w];
          if (s.done) continue;
          const size = walkers[w].sizes[s.step++ % walkers[w].sizes.length];
          const p = await page(r, { first: size, after: s.cursor, orderBy: walkers[w].orderBy });
          s.rows.push(...p.edges.map((e) => e.node));
          s.cursor = p.pageInfo.endCursor ?? s.cursor;
          s.done = !p.pageInfo.hasNextPage;
        }
        walkers.forEach((wk, i) => {
          expect(state[i].done).toBe(true);
          expect(ids(state[i].rows)).toEqual(ids([...fx.all[def.list]].sort(comparator(def, wk.orderBy))));
        });
      }),
      { numRuns: 30 },
    );
  });
});
