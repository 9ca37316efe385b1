import { Client } from 'pg';
import { createDataSource, migrate } from './data-source';

// Migrations are the only way the schema changes: they must match the entities exactly and be
// reversible all the way down.
const adminUrl = () => process.env.TEST_PG_ADMIN_URL!;
const dbName = `${process.env.TEST_PG_TEMPLATE}_migrations_${process.env.JEST_WORKER_ID ?? '1'}`;

async function admin(sql: string): Promise<void> {
  const c = new Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe('migrations', () => {
  const url = () => {
    const u = new URL(adminUrl());
    u.pathname = `/${dbName}`;
    return u.toString();
  };

  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${dbName}"`);
    await admin(`CREATE DATABASE "${dbName}"`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  });

  it('apply cleanly, leave no difference to the entities, and revert to an empty schema', async () => {
    const ds = createDataSource(url(), { poolSize: 2 });
    await ds.initialize();
    try {
      const applied = await migrate(ds);
      expect(applied.length).toBeGreaterThan(0);
      expect(await migrate(ds)).toEqual([]); // idempotent under the lock
      const diff = await ds.driver.createSchemaBuilder().log();
      expect(diff.upQueries.map((q) => q.query)).toEqual([]);
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`);
      expect(tables).toEqual([]);
      expect(await migrate(ds)).toEqual(applied);
    } finally {
      await ds.destroy();
    }
  });

  it('run once when several instances start at the same time (advisory lock)', async () => {
    await admin(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${dbName}"`);
    const sources = [createDataSource(url(), { poolSize: 2 }), createDataSource(url(), { poolSize: 2 })];
    await Promise.all(sources.map((s) => s.initialize()));
    try {
      const results = await Promise.all(sources.map((s) => migrate(s)));
      expect(results.map((r) => r.length).sort()).toEqual([0, results.flat().length]);
    } finally {
      await Promise.all(sources.map((s) => s.destroy()));
    }
  });
});
