import { Client as PgClient } from 'pg';
import { Client } from '../../../test/client';
import { clientAs, tag } from '../../../test/factories';
import { workerDatabaseUrl } from '../../../test/database';
import { startTestServer, TestServer } from '../../../test/server';

// The commit-safe cursor: transactions that write activity rows commit out of order (a lower
// txid last), and a reader resuming from any cursor still sees every row exactly once, in order.

let server: TestServer;
let dbUrl: string;
const open: PgClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
  dbUrl = await workerDatabaseUrl();
});
afterAll(async () => {
  await Promise.all(open.map((c) => c.end()));
  await server.stop();
});

async function connection(): Promise<PgClient> {
  const c = new PgClient({ connectionString: dbUrl });
  await c.connect();
  open.push(c);
  return c;
}

/** Inserts an activity row the way the activity writer does (txid = the writing transaction). */
async function insertRow(db: PgClient, ownerId: string, label: string): Promise<{ id: string; txid: string; seq: string }> {
  const { rows } = await db.query(
    `INSERT INTO "activity_log" ("txid", "action", "entityType", "entityId", "entityLabel", "actorId", "ownerId", "holders", "changes")
     VALUES (pg_current_xact_id()::text::bigint, 'UPDATED', 'Account', gen_random_uuid(), $1, $2, $2, ARRAY[$2::uuid], '{}')
     RETURNING "id", "txid"::text, "seq"::text`,
    [label, ownerId],
  );
  return rows[0];
}

const PAGE = `query($first: Int, $after: String) { activityLog(first: $first, after: $after) {
  edges { cursor node { id cursor entityLabel } } pageInfo { endCursor hasNextPage } } }`;

async function page(c: Client, first: number, after: string | null): Promise<{ edges: any[]; endCursor: string | null }> {
  const conn = (await c.ok(PAGE, { first, after })).activityLog;
  for (const e of conn.edges) expect(e.node.cursor).toBe(e.cursor);
  return { edges: conn.edges, endCursor: conn.pageInfo.endCursor };
}

/** Resumes from `after` until at least `min` rows arrived (a bounded wait for open transactions to finish). */
async function resume(c: Client, after: string | null, min: number): Promise<string[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const { edges } = await page(c, 100, after);
    if (edges.length >= min || Date.now() > deadline) return edges.map((e) => e.node.entityLabel);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Rows in feed order as the table stores them (txid, then seq). */
async function stored(ownerId: string): Promise<{ id: string; txid: string; seq: string }[]> {
  return server.ds.query(`SELECT "id", "txid"::text, "seq"::text FROM "activity_log" WHERE "ownerId" = $1 ORDER BY "txid", "seq"`, [ownerId]);
}

describe('commit-safe cursor', () => {
  it('hands a resuming reader the row of a lower txid that committed last', async () => {
    // A fresh rep reads only rows they own: exactly the rows this test writes.
    const reader = await clientAs(server, 'SALES_REP');
    const owner = reader.user.id;
    const [auto, early, late] = await Promise.all([connection(), connection(), connection()]);
    const L = { base: tag('base'), a1: tag('a1'), b: tag('b'), a2: tag('a2') };

    await insertRow(auto, owner, L.base);
    expect(await resume(reader, null, 1)).toEqual([L.base]);
    const { endCursor: start } = await page(reader, 100, null);

    await early.query('BEGIN');
    const a1 = await insertRow(early, owner, L.a1); // takes the lower txid
    await late.query('BEGIN');
    const b = await insertRow(late, owner, L.b);
    expect(BigInt(a1.txid)).toBeLessThan(BigInt(b.txid));
    await late.query('COMMIT'); // the higher txid commits first...

    // ...but is not served while the lower one is still open, so no cursor can pass over it.
    const between = await page(reader, 100, start);
    expect(between.edges).toEqual([]);
    expect(between.endCursor).toBeNull();
    const whole = await page(reader, 100, null);
    expect(whole.edges.map((e) => e.node.entityLabel)).toEqual([L.base]);

    const a2 = await insertRow(early, owner, L.a2); // a later seq than b, same lower txid
    expect(BigInt(a2.seq)).toBeGreaterThan(BigInt(b.seq));
    await early.query('COMMIT');

    // The reader resumes from the cursor it held between the commits: everything, once, in feed order.
    const resumed = await resume(reader, whole.endCursor, 3);
    expect(resumed).toEqual([L.a1, L.a2, L.b]);
    expect((await stored(owner)).slice(1).map((r) => r.id)).toEqual([a1.id, a2.id, b.id]);

    // Resuming from a later cursor never goes back to rows before it.
    const after = await page(reader, 100, null);
    const cursorOf = (label: string) => after.edges.find((e) => e.node.entityLabel === label).cursor;
    expect((await page(reader, 100, cursorOf(L.a1))).edges.map((e) => e.node.entityLabel)).toEqual([L.a2, L.b]);
    expect((await page(reader, 100, cursorOf(L.a2))).edges.map((e) => e.node.entityLabel)).toEqual([L.b]);
    expect((await page(reader, 100, cursorOf(L.b))).edges).toEqual([]);
  });

  it('lets a reader walk the feed while writes commit out of order, seeing each row once and in order', async () => {
    const reader = await clientAs(server, 'SALES_REP');
    const owner = reader.user.id;
    const writers = await Promise.all([connection(), connection(), connection(), connection()]);
    const ROUNDS = 8;
    const expected = ROUNDS * (writers.length + 1);

    // Each round: four overlapping transactions commit in reverse txid order, and a real
    // mutation goes through the API's own writer alongside them.
    const write = async () => {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [i, w] of writers.entries()) {
          await w.query('BEGIN');
          await insertRow(w, owner, tag(`r${round}w${i}`));
        }
        const mutation = reader.ok(`mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }`, { input: { name: tag(`r${round}api`) } });
        for (const w of [...writers].reverse()) {
          await w.query('COMMIT');
          await new Promise((r) => setImmediate(r)); // let the reader interleave between commits
        }
        await mutation;
      }
    };

    const seen: string[] = [];
    const walk = async (writing: Promise<void>) => {
      let done = false;
      void writing.then(() => {
        done = true;
      });
      let cursor: string | null = null;
      const deadline = Date.now() + 15_000;
      while (seen.length < expected && Date.now() < deadline) {
        const { edges, endCursor } = await page(reader, 3, cursor);
        for (const e of edges) seen.push(e.node.id);
        cursor = endCursor ?? cursor;
        if (!edges.length) await new Promise((r) => setTimeout(r, done ? 20 : 1));
      }
    };

    const writing = write();
    await Promise.all([writing, walk(writing)]);

    const rows = await stored(owner);
    expect(rows).toHaveLength(expected);
    // Exactly the committed rows, each once, in (txid, seq) order.
    expect(seen).toEqual(rows.map((r) => r.id));
    expect(new Set(seen).size).toBe(expected);
  });
});
