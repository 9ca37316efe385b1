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
  /** Where the embedded database keeps its data when that is not DATA_DIR, and why. */
  notice?: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR. */
export async function openDatabase(): Promise<DatabaseHandle> {
  const cfg = config();
  if (cfg.DATABASE_URL) return { url: cfg.DATABASE_URL, embedded: false, stop: async () => undefined };
  const pg: EmbeddedPostgres = await startEmbeddedPostgres(cfg.dataDir, cfg.EMBEDDED_PG_PORT);
  try {
    await ensureDatabase(pg.url('postgres'), 'converge');
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return { url: pg.url('converge'), embedded: true, notice: pg.notice, stop: () => pg.stop() };
}
