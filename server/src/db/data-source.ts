import 'reflect-metadata';
import path from 'node:path';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { entities } from './entities';

// `date` columns stay 'YYYY-MM-DD' strings wherever a data source is opened: parsing them into
// local-time Dates shifts days (and the books are kept by the day).
types.setTypeParser(1082, (v) => v);

export function createDataSource(url: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: entities(),
    migrations: [path.join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    synchronize: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'converge',
  });
}

const MIGRATION_LOCK = 7_204_311; // advisory lock key shared by every instance

/** Applies pending migrations under an advisory lock so several instances can start at once. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}
