import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
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
import { requestScope, trackRequestScope } from '../kernel/http/request-context';
import { logger } from '../kernel/logger';
import type { Plan, Statement } from './baseline-server';
import { benchConfig, BenchConfigError, type BenchConfig } from './bench-config';
import { forkServer, stopAll } from './bench-processes';
import { measureAlternating, type Target } from './measure';
import { AnswerMismatchError, assertSameRows, ensurePeer, PEER_DEEP_CURSOR, PEER_SCENARIOS, PeerInstallError, peerReady, startPeer } from './postgraphile-peer';
import { renderReport, type RunResult } from './report';
import { SCENARIOS, ScenarioName } from './scenarios';
import { seedLarge } from './seed-large';

// npm run bench — seeds the DESIGN.md §7 dataset, then loads the API, PostGraphile over the same
// database (the same rows and fields in its own naming) and a plain `pg` baseline (same SQL, same
// JSON) with 10 connections each, taking turns in one run, and reports the ratios. BENCH_SECONDS and
// BENCH_SCALE shorten it (e.g. 2 and 0.01 for a quick check of the tooling); BENCH_RUNS repeats the
// measurement.
const PAGE_SIZE = 20;
const PAGE_SIZES = [5, PAGE_SIZE, 50]; // SQL statements per request must not depend on the page size
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
  trackRequestScope(); // the in-process probe only: the loaded API process does not track
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

/** Seeds, checks that every server reads the same rows, loads them BENCH_RUNS times; the caller stops servers and database. */
async function run(bench: BenchConfig, workDir: string, onStop: (stop: () => Promise<void>) => void) {
  const cfg = config();
  // PostGraphile is installed apart from the workspaces, on the first run (before any seeding, so a
  // run without the npm registry stops at once).
  const peerDir = await ensurePeer(path.join(cfg.dataDir, 'bench', 'postgraphile-peer'), log);
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
  const deepOffset = Math.max(0, Math.min(8999, sizes.accounts - 21));
  const [deep] = await ds.query(
    `SELECT "createdAt"::text AS k0, id::text AS k1 FROM "accounts" WHERE "deletedAt" IS NULL ORDER BY "createdAt" DESC, id DESC OFFSET $1 LIMIT 1`,
    [deepOffset],
  );
  const deepCursor = encodeCursor(accountsSignature, [deep.k0, deep.k1]);
  const vars: Record<ScenarioName, object | undefined> = { me: undefined, accounts: undefined, nested: undefined, deepPage: { after: deepCursor } };
  const opNames: Record<ScenarioName, string> = { me: 'Me', accounts: 'Accounts', nested: 'NestedDeals', deepPage: 'DeepPage' };
  const names = Object.keys(SCENARIOS) as ScenarioName[];

  // SQL per request, counted at the pg driver on an in-process instance (auth lookup included), at
  // the benchmark's page size and, for the lists, at a smaller and a larger one.
  const probe = await startApp(ds, { ...cfg, LOG_LEVEL: 'silent' }, 0);
  // The raw pg baseline replays the statements of the graphql-js path (QUERY_PLANS=false): a
  // server that runs the per-field SQL with no GraphQL machinery; both answers must agree.
  const unplanned = await startApp(ds, { ...cfg, LOG_LEVEL: 'silent', QUERY_PLANS: false }, 0);
  const statements = {} as Record<ScenarioName, Statement[]>;
  const counts = {} as Record<ScenarioName, Record<number, number>>;
  const expected = {} as Record<ScenarioName, string>;
  for (const name of names) {
    counts[name] = {};
    const paged = SCENARIOS[name].includes(`first: ${PAGE_SIZE}`);
    for (const size of paged ? PAGE_SIZES : [PAGE_SIZE]) {
      const query = SCENARIOS[name].replace(`first: ${PAGE_SIZE}`, `first: ${size}`);
      await post(probe.url, token, opNames[name], query, vars[name]); // warm caches
      let response: unknown;
      const captured = await capture(async () => {
        response = await post(probe.url, token, opNames[name], query, vars[name]);
      });
      counts[name][size] = captured.length;
      if (size !== PAGE_SIZE) continue;
      expected[name] = JSON.stringify(response);
      await post(unplanned.url, token, opNames[name], query, vars[name]);
      let unplannedResponse: unknown;
      statements[name] = await capture(async () => {
        unplannedResponse = await post(unplanned.url, token, opNames[name], query, vars[name]);
      });
      if (JSON.stringify(unplannedResponse) !== expected[name]) {
        throw new Error(
          `${name}: the planned answer differs from graphql-js's:\n${expected[name].slice(0, 500)}\n${JSON.stringify(unplannedResponse).slice(0, 500)}`,
        );
      }
    }
  }
  await unplanned.stop();
  await probe.stop();
  await ds.destroy();

  const dist = path.join(__dirname, '..');
  const apiPort = await freePort();
  const api = forkServer(path.join(dist, 'main.js'), [], {
    env: { ...process.env, DATABASE_URL: dbUrl, PORT: String(apiPort), LOG_LEVEL: 'warn', NODE_ENV: 'production', MIGRATE_ON_START: 'false' },
    stdio: ['ignore', 2, 'inherit', 'ipc'], // its banner goes to stderr: stdout carries the report
    execArgv: bench.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(bench.BENCH_CPU_PROF)}`] : undefined,
  });
  const basePort = await freePort();
  const planFile = path.join(workDir, 'plan.json');
  const plan: Plan = { databaseUrl: dbUrl, port: basePort, token, tokenHash: hashSecret(token), accountsSignature, statements };
  fs.writeFileSync(planFile, JSON.stringify(plan), { mode: 0o600 });
  const base = forkServer(path.join(__dirname, 'baseline-server.js'), [planFile], { stdio: 'inherit' });
  const peer = startPeer(dbUrl, await freePort(), workDir, peerDir);
  await Promise.all([waitReady(api, `http://127.0.0.1:${apiPort}/healthz`), waitReady(base), peerReady(peer)]);
  fs.rmSync(planFile, { force: true }); // read at the baseline's start; it holds a session token
  const apiUrl = `http://127.0.0.1:${apiPort}/graphql`;
  const baseUrl = `http://127.0.0.1:${basePort}/`;

  // PostGraphile's own cursor for the same deep row, asked for once.
  const cursorAnswer = (await post(peer.url, token, 'DeepCursor', PEER_DEEP_CURSOR, { offset: deepOffset })) as {
    data?: { allAccounts?: { edges?: { cursor: string; node: { rowId: string } }[] } };
  };
  const deepEdge = cursorAnswer.data?.allAccounts?.edges?.[0];
  if (deepEdge?.node?.rowId !== deep.k1)
    throw new AnswerMismatchError(`PostGraphile's account at offset ${deepOffset} is not Converge's: ${JSON.stringify(cursorAnswer)}`);
  const peerVars: Record<ScenarioName, object | undefined> = {
    me: { id: manager.id },
    accounts: undefined,
    nested: undefined,
    deepPage: { after: deepEdge!.cursor },
  };

  // Every server must answer each query with the same rows before any of them is loaded.
  for (const name of names) {
    const a = await post(apiUrl, token, opNames[name], SCENARIOS[name], vars[name]);
    const b = await post(baseUrl, token, opNames[name], SCENARIOS[name], vars[name]);
    if (JSON.stringify(a) !== expected[name]) throw new AnswerMismatchError(`The API process answers ${name} differently from the in-process instance.`);
    if (JSON.stringify(b) !== expected[name]) throw new AnswerMismatchError(`The pg baseline answers ${name} differently from the API.`);
    assertSameRows(name, a, await post(peer.url, token, opNames[name], PEER_SCENARIOS[name], peerVars[name]));
  }

  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` }; // PostGraphile ignores the token
  const body = (name: ScenarioName, query: string, variables?: object) => JSON.stringify({ operationName: opNames[name], query, variables });
  const runs: RunResult[] = [];
  for (let i = 0; i < bench.BENCH_RUNS; i++) {
    const result = {} as RunResult;
    for (const name of names) {
      log(`run ${i + 1}/${bench.BENCH_RUNS}: loading ${name}`);
      const targets: Target[] = [
        { key: 'api', url: apiUrl, body: body(name, SCENARIOS[name], vars[name]), headers, pid: api.pid },
        { key: 'peer', url: peer.url, body: body(name, PEER_SCENARIOS[name], peerVars[name]), headers, pid: peer.child.pid },
        { key: 'pg', url: baseUrl, body: body(name, SCENARIOS[name], vars[name]), headers },
      ];
      // The deep page is compared with Converge's first page taking turns with it, in the same slices.
      if (name === 'deepPage')
        targets.push({ key: 'firstPage', url: apiUrl, body: body('accounts', SCENARIOS.accounts, vars.accounts), headers, pid: api.pid });
      result[name] = await measureAlternating(targets, bench.BENCH_SECONDS);
    }
    runs.push(result);
  }

  const report = renderReport({ runs, seconds: bench.BENCH_SECONDS, statements: counts, pageSize: PAGE_SIZE, names });
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
    console.error(
      err instanceof BenchConfigError || err instanceof EmbeddedPostgresError || err instanceof AnswerMismatchError || err instanceof PeerInstallError
        ? err.message
        : err,
    );
    process.exit(1);
  },
);
