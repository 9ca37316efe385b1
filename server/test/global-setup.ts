import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { createDataSource, migrate } from '../src/db/data-source';
import { freePort, pingRedis, redisServerBinary } from './redis';

// A Redis for the run: REDIS_URL, else the machine's 127.0.0.1:6379, else a redis-server from PATH.
// Missing altogether, the run stops and says what to install (tests never skip).
async function resolveRedis(): Promise<string> {
  const fromEnv = process.env.REDIS_URL;
  if (fromEnv) {
    if (!(await pingRedis(fromEnv, 3000))) throw new Error(`REDIS_URL=${fromEnv} does not answer PING`);
    return fromEnv;
  }
  if (await pingRedis('redis://127.0.0.1:6379', 500)) return 'redis://127.0.0.1:6379';
  const bin = redisServerBinary();
  if (!bin) {
    throw new Error('The tests need Redis: set REDIS_URL, run Redis on 127.0.0.1:6379, or install redis-server (apt-get install -y redis-server).');
  }
  const port = await freePort();
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  (globalThis as Record<string, unknown>).__convergeRedis = child;
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (!(await pingRedis(url, 200))) {
    if (Date.now() > deadline) throw new Error(`redis-server (${bin}) did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return url;
}

// Starts the embedded PostgreSQL (or uses DATABASE_URL), migrates a template database once, and
// leaves per-worker databases to be cloned from it (test/database.ts).
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  process.env.TEST_RUN_ID = String(process.pid);
  process.env.TEST_REDIS_URL = await resolveRedis();
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-test-'));
    const port = Number(process.env.TEST_PG_PORT ?? 54000 + (process.pid % 1000));
    const pg = await startEmbeddedPostgres(dir, port);
    (globalThis as Record<string, unknown>).__convergePg = { pg, dir };
    adminUrl = pg.url('postgres');
  }
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  const template = `converge_test_template_${process.pid}`;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const ds = createDataSource(url.toString(), { poolSize: 2 });
  await ds.initialize();
  await migrate(ds);
  await ds.destroy();

  process.env.TEST_PG_ADMIN_URL = adminUrl;
  process.env.TEST_PG_TEMPLATE = template;
}
