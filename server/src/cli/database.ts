import 'reflect-metadata';
import { types } from 'pg';
import { config } from '../config/env';
import { ensureDatabase, EmbeddedPostgres, startEmbeddedPostgres } from '../db/embedded';

// `date` columns stay 'YYYY-MM-DD' strings: parsing them into local-time Dates shifts days.
types.setTypeParser(1082, (v) => v);
// bigint columns (sequences) stay strings; counts are cast to int in SQL.

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR. */
export async function openDatabase(): Promise<DatabaseHandle> {
  const cfg = config();
  if (cfg.DATABASE_URL) return { url: cfg.DATABASE_URL, embedded: false, stop: async () => undefined };
  const pg: EmbeddedPostgres = await startEmbeddedPostgres(cfg.dataDir, cfg.EMBEDDED_PG_PORT);
  await ensureDatabase(pg.url('postgres'), 'converge');
  return { url: pg.url('converge'), embedded: true, stop: () => pg.stop() };
}
