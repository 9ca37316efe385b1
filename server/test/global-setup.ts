import 'reflect-metadata';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { createDataSource, migrate } from '../src/db/data-source';

// Starts the embedded PostgreSQL (or uses DATABASE_URL), migrates a template database once, and
// leaves per-worker databases to be cloned from it (test/database.ts).
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
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
