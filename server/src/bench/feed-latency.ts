import 'reflect-metadata';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createClient, Client as WsClient } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { config } from '../config/env';
import { createDataSource, migrate } from '../db/data-source';
import { EmbeddedPostgresError, ensureDatabase, startEmbeddedPostgres } from '../db/embedded';
import { hashPassword, hashSecret, newSecret } from '../kernel/auth/secrets';
import { spawnTethered } from '../kernel/process/tethered-spawn';
import { benchConfig, BenchConfigError } from './bench-config';
import { forkServer, stopAll, stopServer } from './bench-processes';

// npm run bench:feed — two API processes on one database and one Redis. A manager subscribes on
// instance B; a rep makes mutations on instance A; each event's delay is measured from the
// mutation's response to the event's arrival on B. Runs with B publishing the feed (A's commits
// wake it through Redis), then with A publishing (B restarted), sequential and 10 writers at once.
const log = (m: string) => console.error(`[bench:feed] ${m}`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

async function pingRedis(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
  r.on('error', () => undefined);
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** REDIS_URL, the machine's 127.0.0.1:6379, or a redis-server started from PATH (it ends with this process). */
async function resolveRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const fromEnv = config().REDIS_URL;
  if (fromEnv) return { url: fromEnv, stop: async () => undefined };
  if (await pingRedis('redis://127.0.0.1:6379')) return { url: 'redis://127.0.0.1:6379', stop: async () => undefined };
  const port = await freePort();
  const redis = spawnTethered('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { output: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await pingRedis(url)); i++) {
    if (redis.child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!(await pingRedis(url))) {
    await redis.stop();
    throw new Error('Redis is needed: set REDIS_URL, run it on 127.0.0.1:6379 or install redis-server');
  }
  return { url, stop: () => redis.stop() };
}

interface Instance {
  child: ChildProcess;
  url: string;
  base: string;
}

async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = forkServer(path.join(__dirname, '..', 'main.js'), [], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'inherit' });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API instance exited with ${child.exitCode}`);
    try {
      const r = (await (await fetch(`${base}/readyz`)).json()) as { redis?: string };
      if (r.redis === 'up') break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, url: `${base}/graphql`, base };
}

const stopInstance = (i: Instance): Promise<void> => stopServer(i.child);

const publishing = async (i: Instance) => ((await (await fetch(`${i.base}/readyz`)).json()) as { feedPublisher: boolean }).feedPublisher;

async function createAccount(url: string, token: string, name: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation($input: CreateAccountInput!) { createAccount(input: $input) { id } }', variables: { input: { name } } }),
  });
  const body = (await res.json()) as { data?: { createAccount: { id: string } }; errors?: unknown };
  if (!body.data) throw new Error(`mutation failed: ${JSON.stringify(body.errors)}`);
  return body.data.createAccount.id;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const ms = (n: number) => n.toFixed(1);

/** One run: `total` mutations on A by `writers` concurrent writers, events awaited on B. */
async function run(label: string, a: Instance, b: Instance, managerToken: string, rep: { id: string; token: string }, total: number, writers: number) {
  const responded = new Map<string, number>();
  const arrived = new Map<string, number>();
  let duplicates = 0;
  const ws: WsClient = createClient({
    url: b.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { Authorization: `Bearer ${managerToken}` },
    retryAttempts: 0,
  });
  let failure: unknown = null;
  ws.subscribe(
    { query: 'subscription($f: ActivityFilter) { activityLogged(filter: $f) { entityId } }', variables: { f: { actorId: { eq: rep.id } } } },
    {
      next: (r) => {
        const id = (r.data as { activityLogged: { entityId: string } }).activityLogged.entityId;
        if (arrived.has(id)) duplicates++;
        else arrived.set(id, performance.now());
      },
      error: (e) => {
        failure = e;
      },
      complete: () => undefined,
    },
  );
  // Live once a probe comes through.
  for (;;) {
    const probe = await createAccount(a.url, rep.token, 'probe');
    const deadline = performance.now() + 2000;
    while (!arrived.has(probe) && performance.now() < deadline && !failure) await new Promise((r) => setTimeout(r, 5));
    if (failure) throw new Error(`subscription failed: ${JSON.stringify(failure)}`);
    if (arrived.has(probe)) break;
  }
  arrived.clear();

  const mutationMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) {
        const n = next++;
        const t0 = performance.now();
        const id = await createAccount(a.url, rep.token, `Latency ${n}`);
        const t1 = performance.now();
        responded.set(id, t1);
        mutationMs.push(t1 - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  const deadline = performance.now() + 30_000;
  while (arrived.size < responded.size && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 200)); // any late duplicate
  await ws.dispose();

  const delays = [...responded]
    .filter(([id]) => arrived.has(id))
    .map(([id, t]) => arrived.get(id)! - t)
    .sort((x, y) => x - y);
  const missing = responded.size - delays.length;
  mutationMs.sort((x, y) => x - y);
  log(`${label}: ${delays.length}/${responded.size} events, p50 ${ms(pct(delays, 50))} ms`);
  return `| ${label} | ${writers} | ${responded.size} | ${(responded.size / (elapsed / 1000)).toFixed(0)} | ${ms(pct(mutationMs, 50))} | ${ms(pct(delays, 50))} / ${ms(pct(delays, 95))} / ${ms(pct(delays, 99))} / ${ms(delays[delays.length - 1])} | ${missing} | ${duplicates} |`;
}

/** One run; the caller stops what it registers with `onStop` (and every forked server). */
async function measure(onStop: (stop: () => Promise<void>) => void) {
  const cfg = config();
  const bench = benchConfig();
  const MUTATIONS = bench.BENCH_FEED_MUTATIONS;
  let dbUrl = bench.BENCH_DATABASE_URL;
  if (!dbUrl) {
    const pg = await startEmbeddedPostgres(path.join(cfg.dataDir, 'bench'), bench.BENCH_PG_PORT);
    onStop(() => pg.stop());
    if (pg.notice) log(pg.notice);
    await ensureDatabase(pg.url('postgres'), 'converge_feed_bench');
    dbUrl = pg.url('converge_feed_bench');
  }
  const ds = createDataSource(dbUrl, { poolSize: 2 });
  await ds.initialize();
  await migrate(ds);
  const session = async (role: string) => {
    const [user] = await ds.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash") VALUES ($1, $2, $3, $4) RETURNING "id"`, [
      `${role.toLowerCase()}-${Date.now()}@bench.converge.dev`,
      `Bench ${role}`,
      role,
      await hashPassword('bench password 1'),
    ]);
    const token = newSecret('session');
    await ds.query(`INSERT INTO "auth_tokens" ("userId", "secretHash", "expiresAt") VALUES ($1, $2, now() + interval '1 day')`, [user.id, hashSecret(token)]);
    return { id: user.id as string, token };
  };
  const manager = await session('SALES_MANAGER');
  const rep = await session('SALES_REP');
  await ds.destroy();

  const redis = await resolveRedis();
  onStop(() => redis.stop());
  const env = {
    DATABASE_URL: dbUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: `bench-feed-${process.pid}`,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    MIGRATE_ON_START: 'false',
  };
  // B first, so B publishes the feed and A's commits reach it as Redis wake-ups.
  let b = await startInstance(env);
  const a = await startInstance(env);
  if (!(await publishing(b))) throw new Error('expected instance B to publish the feed');
  const rows = [
    '| feed published by | writers | mutations | mutations/s | mutation p50 ms | delivery p50 / p95 / p99 / max ms | missing | duplicates |',
    '|---|---:|---:|---:|---:|---|---:|---:|',
  ];
  rows.push(await run('B (subscriber side; A wakes it)', a, b, manager.token, rep, MUTATIONS, 1));
  rows.push(await run('B (subscriber side; A wakes it)', a, b, manager.token, rep, MUTATIONS, 10));
  // Restart B: A takes the feed over; the subscriber is on the new B.
  await stopInstance(b);
  b = await startInstance(env);
  for (let i = 0; i < 50 && !(await publishing(a)); i++) await new Promise((r) => setTimeout(r, 100));
  rows.push(await run('A (writer side)', a, b, manager.token, rep, MUTATIONS, 1));
  rows.push(await run('A (writer side)', a, b, manager.token, rep, MUTATIONS, 10));

  const report = [
    ...rows,
    '',
    `Delivery = event received on instance B − mutation response on instance A. Two API processes (NODE_ENV=production), one PostgreSQL, one Redis, on one machine.`,
  ].join('\n');
  console.log(report);
  const outDir = path.join(__dirname, '..', '..', 'bench', 'results');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'feed-latency.md'), report + '\n');
}

async function main() {
  const stops: (() => Promise<void>)[] = [];
  try {
    await measure((stop) => stops.push(stop));
  } finally {
    await stopAll(); // API instances first: they use Redis and the database
    for (const stop of stops.reverse()) await stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof BenchConfigError || err instanceof EmbeddedPostgresError ? err.message : err);
    process.exit(1);
  },
);
