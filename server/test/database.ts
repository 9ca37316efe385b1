import { Client, types } from 'pg';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../src/db/data-source';

types.setTypeParser(1082, (v) => v);

/** This jest worker's database, cloned once from the migrated template. */
export async function workerDatabaseUrl(): Promise<string> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL!;
  const template = process.env.TEST_PG_TEMPLATE!;
  const name = `${template}_w${process.env.JEST_WORKER_ID ?? '1'}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function openTestDataSource(poolSize = 10): Promise<DataSource> {
  const ds = createDataSource(await workerDatabaseUrl(), { poolSize, applicationName: 'converge-test' });
  await ds.initialize();
  return ds;
}

/** Runs one statement on the test cluster's admin connection (creating and dropping databases). */
export async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** A database of a test file's own, cloned from the migrated template; `dropDatabase` removes it. */
export async function cloneTemplate(label: string): Promise<{ name: string; url: string }> {
  const name = `${process.env.TEST_PG_TEMPLATE}_${label}_${process.env.JEST_WORKER_ID ?? '1'}`;
  await dropDatabase(name);
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${process.env.TEST_PG_TEMPLATE}"`);
  const url = new URL(process.env.TEST_PG_ADMIN_URL!);
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

export function dropDatabase(name: string): Promise<void> {
  return adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
