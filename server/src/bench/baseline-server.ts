import fs from 'node:fs';
import http from 'node:http';
import { Pool, types } from 'pg';
import { config } from '../config/env';
import { encodeCursor } from '../kernel/pagination/cursor';
import { loadCursorSecret } from '../kernel/secrets/server-secrets';

// A hand-written `pg` server for the benchmark baseline: it issues the same SQL statements as the
// API (captured from it) and answers with the same JSON, with none of the GraphQL machinery.
types.setTypeParser(1082, (v) => v);

export interface Statement {
  text: string;
  values: unknown[];
}
export interface Plan {
  databaseUrl: string;
  port: number;
  token: string;
  tokenHash: string;
  accountsSignature: string;
  statements: Record<string, Statement[]>;
}

// Forked by the benchmark: end with it, however it ends.
process.once('disconnect', () => process.exit(0));

const plan: Plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const pool = new Pool({ connectionString: plan.databaseUrl, max: 10 });
// The API's cursor secret, so both servers answer with the same cursors.
const secretLoaded = loadCursorSecret({ query: (text, values) => pool.query(text, values).then((r) => r.rows) }, config().CURSOR_SECRET);

async function auth(req: http.IncomingMessage, s: Statement): Promise<Record<string, unknown> | null> {
  const header = req.headers.authorization ?? '';
  if (header !== `Bearer ${plan.token}`) return null;
  const { rows } = await pool.query(s.text, [plan.tokenHash]);
  return rows[0] ?? null;
}

function accountEdges(rows: Record<string, unknown>[]) {
  const page = rows.slice(0, 20);
  const edges = page.map((r) => ({
    cursor: encodeCursor(plan.accountsSignature, [r.__k0 as string, r.__k1 as string]),
    node: { id: r.id, name: r.name, industry: r.industry, website: r.website, phone: r.phone, email: r.email, createdAt: (r.createdAt as Date).toISOString() },
  }));
  return { edges, pageInfo: { hasNextPage: rows.length > 20, endCursor: edges[edges.length - 1]?.cursor ?? null } };
}

/** Replaces the one array parameter of a batched lookup with this request's ids. */
function withIds(s: Statement, ids: string[]): unknown[] {
  return s.values.map((v) => (Array.isArray(v) ? ids : v));
}

const handlers: Record<string, (req: http.IncomingMessage) => Promise<unknown>> = {
  async Me(req) {
    const me = await auth(req, plan.statements.me[0]);
    if (!me) return null;
    return { data: { me: { id: me.userId, name: me.name, email: me.email, role: me.role } } };
  },
  async Accounts(req) {
    const [a, list] = plan.statements.accounts;
    if (!(await auth(req, a))) return null;
    const { rows } = await pool.query(list.text, list.values);
    return { data: { accounts: accountEdges(rows) } };
  },
  async DeepPage(req) {
    const [a, list] = plan.statements.deepPage;
    if (!(await auth(req, a))) return null;
    const { rows } = await pool.query(list.text, list.values);
    return { data: { accounts: accountEdges(rows) } };
  },
  async NestedDeals(req) {
    const [a, list, ...lookups] = plan.statements.nested;
    if (!(await auth(req, a))) return null;
    const deals = (await pool.query(list.text, list.values)).rows.slice(0, 20);
    const find = (table: string) => lookups.find((s) => s.text.includes(`FROM "${table}"`))!;
    const uniq = (xs: unknown[]) => [...new Set(xs as string[])];
    const [accounts, users, interactions] = await Promise.all([
      pool.query(find('accounts').text, withIds(find('accounts'), uniq(deals.map((d) => d.accountId)))),
      pool.query(find('users').text, withIds(find('users'), uniq(deals.map((d) => d.ownerId)))),
      pool.query(
        find('interactions').text,
        withIds(
          find('interactions'),
          deals.map((d) => d.id),
        ),
      ),
    ]);
    const accountById = new Map(accounts.rows.map((r) => [r.id, r]));
    const userById = new Map(users.rows.map((r) => [r.id, r]));
    const byDeal = new Map<string, Record<string, unknown>[]>();
    for (const r of interactions.rows) {
      if (Number(r.__rn) > 5) continue;
      if (!byDeal.has(r.__parent)) byDeal.set(r.__parent, []);
      byDeal.get(r.__parent)!.push(r);
    }
    return {
      data: {
        deals: {
          edges: deals.map((d) => {
            const acc = accountById.get(d.accountId);
            const owner = userById.get(d.ownerId);
            return {
              node: {
                id: d.id,
                name: d.name,
                amount: d.amount,
                stage: d.stage,
                account: acc ? { id: acc.id, name: acc.name } : null,
                owner: owner ? { id: owner.id, name: owner.name } : null,
                interactions: {
                  edges: (byDeal.get(d.id) ?? []).map((i) => ({
                    node: { id: i.id, type: i.type, subject: i.subject, occurredAt: (i.occurredAt as Date).toISOString() },
                  })),
                },
              },
            };
          }),
        },
      },
    };
  },
};

http
  .createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        const out = await handlers[body.operationName]?.(req);
        res.writeHead(out ? 200 : 401, { 'content-type': 'application/json' });
        res.end(JSON.stringify(out ?? { errors: [{ message: 'unauthenticated' }] }));
      } catch (err) {
        res.writeHead(500);
        res.end(String(err));
      }
    });
  })
  .listen(plan.port, () => {
    secretLoaded.then(
      () => process.send?.('ready'),
      (err) => {
        console.error(`baseline server: ${err.message}`);
        process.exit(1);
      },
    );
  });
