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
