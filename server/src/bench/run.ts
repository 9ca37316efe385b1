import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Client as PgClient } from 'pg';
import { config } from '../config/env';
import { EmbeddedPostgresError, ensureDatabase, startEmbeddedPostgres } from '../db/embedded';
import { createDataSource, migrate } from '../db/data-source';
import { hashSecret, newSecret } from '../kernel/auth/secrets';
import { encodeCursor } from '../kernel/pagination/cursor';
import { loadCursorSecret } from '../kernel/secrets/server-secrets';
import { signatureFor } from '../kernel/pagination/list';
import { specOf } from '../kernel/pagination/spec';
import { SortDirection } from '../kernel/pagination/filters';
import { Account } from '../modules/crm/account.entity';
import { startApp } from '../app';
import { requestScope } from '../kernel/http/request-context';
import { logger } from '../kernel/logger';
import type { Plan, Statement } from './baseline-server';
import { benchConfig, BenchConfigError, type BenchConfig } from './bench-config';
import { forkServer, stopAll } from './bench-processes';
import { SCENARIOS, ScenarioName } from './scenarios';
import { seedLarge } from './seed-large';

// npm run bench — seeds the DESIGN.md §7 dataset, then loads the API and a plain `pg` baseline
// (same SQL, same JSON) with 10 connections each, in one run, and reports the ratios.
// BENCH_SECONDS and BENCH_SCALE shorten it (e.g. 1 and 0.01 for a quick check of the tooling).
const CONNECTIONS = 10;
const log = (m: string) => console.error(`[bench] ${m}`);
logger.level = 'warn'; // the in-process probe instance stays quiet

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function capture(fn: () => Promise<unknown>): Promise<Statement[]> {
  const proto = PgClient.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  const out: Statement[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text: string; values?: unknown[] };
    if (requestScope.getStore()) out.push(typeof q === 'string' ? { text: q, values: (args[1] as unknown[]) ?? [] } : { text: q.text, values: q.values ?? [] });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return out;
}

async function post(url: string, token: string, operationName: string, query: string, variables?: object) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ operationName, query, variables }),
  });
  return res.json();
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function load(seconds: number, url: string, token: string, operationName: string, query: string, variables?: object, pid?: number) {
  const body = JSON.stringify({ operationName, query, variables });
  const opts = {
    url,
    connections: CONNECTIONS,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  };
  await autocannon({ ...opts, duration: Math.min(2, seconds) }); // warm-up
  let peak = 0;
  const timer = pid
    ? setInterval(() => {
        peak = Math.max(peak, rssMb(pid));
      }, 200)
    : undefined;
  const r = await autocannon({ ...opts, duration: seconds });
  if (timer) clearInterval(timer);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p95: (r.latency as unknown as Record<string, number>).p97_5 ?? r.latency.p90,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
    peakRss: peak,
  };
}

function waitReady(child: ChildProcess, url?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    if (!url) {
      child.once('message', () => resolve());
      return;
    }
    const poll = async () => {
      try {
        if ((await fetch(url)).ok) return resolve();
      } catch {
        /* not up yet */
      }
      setTimeout(poll, 200);
    };
    void poll();
  });
}

/** One benchmark run; servers and the embedded database are stopped by the caller. */
async function run(bench: BenchConfig, workDir: string, onStop: (stop: () => Promise<void>) => void) {
  const cfg = config();
  let dbUrl = bench.BENCH_DATABASE_URL;
  if (!dbUrl) {
    const pg = await startEmbeddedPostgres(path.join(cfg.dataDir, 'bench'), bench.BENCH_PG_PORT);
    onStop(() => pg.stop());
    if (pg.notice) log(pg.notice);
    await ensureDatabase(pg.url('postgres'), 'converge_bench');
    dbUrl = pg.url('converge_bench');
  }
  const ds = createDataSource(dbUrl, { poolSize: 10 });
  await ds.initialize();
  await migrate(ds);
  await loadCursorSecret(ds, cfg.CURSOR_SECRET); // the API child signs with the same secret
  const sizes = await seedLarge(ds, log, bench.BENCH_SCALE);
  const [manager] = await ds.query(`SELECT id FROM "users" WHERE "email" = 'manager@bench.converge.dev'`);
  const token = newSecret('session');
  await ds.query(`INSERT INTO "auth_tokens" ("userId", "secretHash", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [manager.id, hashSecret(token)]);

  // The cursor 9,000 rows deep (newest first; less in a scaled-down run), as the API would issue it.
  const order = [{ field: 'CREATED_AT', direction: SortDirection.DESC }];
  const accountsSignature = signatureFor(specOf(ds, Account), order);
  const [deep] = await ds.query(
    `SELECT "createdAt"::text AS k0, id::text AS k1 FROM "accounts" WHERE "deletedAt" IS NULL ORDER BY "createdAt" DESC, id DESC OFFSET $1 LIMIT 1`,
    [Math.max(0, Math.min(8999, sizes.accounts - 21))],
  );
  const deepCursor = encodeCursor(accountsSignature, [deep.k0, deep.k1]);
  const vars: Record<ScenarioName, object | undefined> = { me: undefined, accounts: undefined, nested: undefined, deepPage: { after: deepCursor } };
  const opNames: Record<ScenarioName, string> = { me: 'Me', accounts: 'Accounts', nested: 'NestedDeals', deepPage: 'DeepPage' };

  // SQL per request, counted at the pg driver on an in-process instance (auth lookup included).
  const probe = await startApp(ds, { ...cfg, LOG_LEVEL: 'silent' }, 0);
  const statements = {} as Record<ScenarioName, Statement[]>;
  const expected = {} as Record<ScenarioName, string>;
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    await post(probe.url, token, opNames[name], SCENARIOS[name], vars[name]); // warm caches
    let response: unknown;
    statements[name] = await capture(async () => {
      response = await post(probe.url, token, opNames[name], SCENARIOS[name], vars[name]);
    });
    expected[name] = JSON.stringify(response);
  }
  await probe.stop();
  await ds.destroy();

  const dist = path.join(__dirname, '..');
  const apiPort = await freePort();
  const api = forkServer(path.join(dist, 'main.js'), [], {
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(apiPort), LOG_LEVEL: 'warn', NODE_ENV: 'production', MIGRATE_ON_START: 'false' },
    stdio: 'inherit',
  });
  const basePort = await freePort();
  const planFile = path.join(workDir, 'plan.json');
  const plan: Plan = { databaseUrl: dbUrl, port: basePort, token, tokenHash: hashSecret(token), accountsSignature, statements };
  fs.writeFileSync(planFile, JSON.stringify(plan), { mode: 0o600 });
  const base = forkServer(path.join(__dirname, 'baseline-server.js'), [planFile], { stdio: 'inherit' });
  await Promise.all([waitReady(api, `http://127.0.0.1:${apiPort}/healthz`), waitReady(base)]);
  fs.rmSync(planFile, { force: true }); // read at the baseline's start; it holds a session token
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const baseUrl = `http://127.0.0.1:${basePort}/`;

  const rows: string[] = [];
  const results: Record<string, { api: Awaited<ReturnType<typeof load>>; base: Awaited<ReturnType<typeof load>> }> = {};
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    const [a, b] = [
      await post(apiUrl, token, opNames[name], SCENARIOS[name], vars[name]),
      await post(baseUrl, token, opNames[name], SCENARIOS[name], vars[name]),
    ];
    if (JSON.stringify(a) !== expected[name] || JSON.stringify(b) !== expected[name]) log(`WARNING: ${name}: API and baseline answers differ`);
    log(`loading ${name}`);
    results[name] = {
      api: await load(bench.BENCH_SECONDS, apiUrl, token, opNames[name], SCENARIOS[name], vars[name], api.pid),
      base: await load(bench.BENCH_SECONDS, baseUrl, token, opNames[name], SCENARIOS[name], vars[name]),
    };
  }
  const targets: Record<ScenarioName, string> = { me: '≥ 0.30×', accounts: '≥ 0.35×', nested: '≥ 0.75×', deepPage: '≥ 0.90× of own first page' };
  rows.push('| query | API req/s | baseline req/s | ratio | target | p50 / p95* / p99 ms | SQL / request | errors |');
  rows.push('|---|---:|---:|---:|---|---|---:|---:|');
  for (const name of Object.keys(SCENARIOS) as ScenarioName[]) {
    const { api: r, base: b } = results[name];
    const ratio = name === 'deepPage' ? r.rps / results.accounts.api.rps : r.rps / b.rps;
    rows.push(
      `| ${name} | ${r.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${ratio.toFixed(2)}×${name === 'deepPage' ? ' (of first page)' : ''} | ${targets[name]} | ${r.p50} / ${r.p95} / ${r.p99} | ${statements[name].length} | ${r.errors} |`,
    );
  }
  const peak = Math.max(...Object.values(results).map((r) => r.api.peakRss));
  rows.push(
    '',
    `API peak RSS under load: ${peak.toFixed(0)} MB (target ≤ 300 MB). ${CONNECTIONS} connections, ${bench.BENCH_SECONDS} s per run after a ${Math.min(2, bench.BENCH_SECONDS)} s warm-up; *p95 column is autocannon's p97.5.`,
  );
  const report = rows.join('\n');
  console.log(report);
  const outDir = path.join(__dirname, '..', '..', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.md'), report + '\n');
}

async function main() {
  const bench = benchConfig();
  // The plan holds a session token and the database URL: a private folder, removed afterwards.
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-bench-'));
  let stopPg: (() => Promise<void>) | undefined;
  try {
    await run(bench, workDir, (stop) => {
      stopPg = stop;
    });
  } finally {
    await stopAll();
    await stopPg?.();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof BenchConfigError || err instanceof EmbeddedPostgresError ? err.message : err);
    process.exit(1);
  },
);
