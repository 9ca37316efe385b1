import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print } from 'graphql';
import { cloneTemplate, dropDatabase } from './database';
import type { DataSource } from 'typeorm';
import { startApp, type App } from '../src/app';
import { loadConfig, setConfig } from '../src/config/env';
import { createDataSource } from '../src/db/data-source';
import { DEMO_PASSWORD, seedDemo } from '../src/db/seed/demo';
import { gql } from './client';

// Every GraphQL block in README.md and docs/*.md marked `<!-- demo example: <login> -->` runs as
// written against a database seeded with the demo data (as `npm start` seeds it), signed in as that
// demo user, and returns data: no errors, no empty list at the top.
const repo = path.resolve(__dirname, '..', '..');
const MARKED = /<!-- demo example: (\S+) -->\r?\n```graphql\r?\n([\s\S]*?)```/g;

interface Example {
  title: string;
  user: string;
  query: string;
}

function examples(): Example[] {
  const docs = fs
    .readdirSync(path.join(repo, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join('docs', f));
  const found: Example[] = [];
  for (const file of ['README.md', ...docs]) {
    for (const [, user, block] of fs.readFileSync(path.join(repo, file), 'utf8').matchAll(MARKED)) {
      // A block may hold several operations; each is sent on its own.
      for (const def of parse(block).definitions) {
        if (def.kind !== Kind.OPERATION_DEFINITION) continue;
        const text = print(def);
        found.push({ title: `${file}: ${def.name?.value ?? `${text.replace(/\s+/g, ' ').slice(0, 50)}…`}`, user, query: text });
      }
    }
  }
  return found;
}

/** Whether a top-level result holds something: a non-null value, a non-empty list or connection. */
function hasData(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('edges' in v) return hasData(v.edges);
    if ('nodes' in v) return hasData(v.nodes);
  }
  return true;
}

const all = examples();
let dbName: string;
let ds: DataSource;
let app: App;

beforeAll(async () => {
  const db = await cloneTemplate('readme');
  dbName = db.name;
  ds = createDataSource(db.url, { poolSize: 4 });
  await ds.initialize();
  expect(await seedDemo(ds)).toBe(true);
  const cfg = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  setConfig(cfg);
  app = await startApp(ds, cfg, 0);
});

afterAll(async () => {
  await app?.stop();
  await ds?.destroy();
  if (dbName) await dropDatabase(dbName);
});

describe('README examples on the demo data', () => {
  it('finds the tour of the API among them', () => {
    expect(all.map((e) => e.title)).toEqual(expect.arrayContaining(['README.md: OpenDeals', 'README.md: Feed']));
    expect(all.some((e) => /login\(/.test(e.query))).toBe(true);
  });

  it('seeds a year of books: balanced, revenue in every month, money owed and overdue, expenses approved and rejected', async () => {
    const login = await gql(app.url, 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
      email: 'accountant@demo.converge.dev',
      password: DEMO_PASSWORD,
    });
    const today = new Date().toISOString().slice(0, 10);
    const res = await gql(
      app.url,
      `query($today: Date!) { trialBalance(asOf: $today) { totalDebit totalCredit rows { debit } }
        financialSummary { arOutstanding revenueByMonth { month amount } }
        arAging(asOf: $today) { total totals { current days1to30 days31to60 } rows { total } } }`,
      { today },
      login.data.login.token,
    );
    expect(res.errors).toBeUndefined();
    const { trialBalance, financialSummary, arAging } = res.data;
    expect(trialBalance.totalDebit).toBe(trialBalance.totalCredit);
    expect(Number(trialBalance.totalDebit)).toBeGreaterThan(25000);
    expect(financialSummary.revenueByMonth.filter((m: { amount: string }) => m.amount !== '0.00').length).toBeGreaterThanOrEqual(11);
    expect(financialSummary.arOutstanding).toBe(arAging.total);
    expect(arAging.rows.length).toBeGreaterThan(3);
    const [statuses] = await ds.query(
      `SELECT count(*) FILTER (WHERE "status" = 'PAID')::int AS paid, count(*) FILTER (WHERE "status" = 'PARTIALLY_PAID')::int AS partial,
              count(*) FILTER (WHERE "status" = 'VOID')::int AS void, count(*)::int AS n FROM "invoices"`,
    );
    expect(statuses.n).toBeGreaterThan(50);
    expect(Math.min(statuses.paid, statuses.partial, statuses.void)).toBeGreaterThan(0);
    const [expenses] = await ds.query(`SELECT count(DISTINCT "status")::int AS kinds FROM "expenses"`);
    expect(expenses.kinds).toBeGreaterThanOrEqual(2);
  });

  it.each(all.map((e) => [e.title, e] as const))('%s returns data', async (_title, example) => {
    const login = await gql(app.url, 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }', {
      email: example.user,
      password: DEMO_PASSWORD,
    });
    expect(login.errors).toBeUndefined();
    const res = await gql(app.url, example.query, undefined, login.data.login.token);
    expect(res.errors).toBeUndefined();
    const empty = Object.entries(res.data ?? {})
      .filter(([, v]) => !hasData(v))
      .map(([field]) => field);
    expect({ data: res.data !== undefined, empty }).toEqual({ data: true, empty: [] });
  });
});
