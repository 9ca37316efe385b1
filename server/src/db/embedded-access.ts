import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// PostgreSQL refuses to run as root. Run as root (as containers often are), the embedded database
// runs as the `postgres` system user, which must be able to execute the binaries and reach the data
// folder. A checkout in a private folder (under /root, or in a 0700 temporary folder) allows
// neither: the binaries are then copied once to a root-owned cache, and the data kept in a
// root-owned folder under /var/lib/converge, keyed by the DATA_DIR it stands for.

/** A start-up failure whose message says what to do: printed as that one sentence, without a stack. */
export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.stack = message;
  }
}
EmbeddedPostgresError.prototype.name = 'EmbeddedPostgresError';

export interface RunAs {
  uid: number;
  gid: number;
}

export const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

const firstLine = (err: unknown): string => {
  const e = err as { stderr?: Buffer | string; message?: string };
  const text = (e.stderr && String(e.stderr).trim()) || e.message || String(err);
  return text.split('\n')[0].trim();
};

function lookupPostgresUser(): RunAs | null {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/** The `postgres` system user, created (with its group) when the machine has none. */
export function postgresUser(): RunAs {
  const found = lookupPostgresUser();
  if (found) return found;
  try {
    execFileSync('groupadd', ['-f', '--system', 'postgres'], { stdio: ['ignore', 'ignore', 'pipe'] });
    execFileSync('useradd', ['--system', '-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres'], { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL must run as a "postgres" system user, and creating one failed (${firstLine(err)}): create it (useradd --system postgres), run as another user, or set DATABASE_URL.`,
    );
  }
  const created = lookupPostgresUser();
  if (!created)
    throw new EmbeddedPostgresError(
      'Running as root, the embedded PostgreSQL must run as a "postgres" system user, which could not be found after creating it: create it (useradd --system postgres) or set DATABASE_URL.',
    );
  return created;
}

/** Whether `user` can reach `target` (search every folder on the way, and execute/enter the target). */
export function canReach(user: RunAs, target: string): boolean {
  const r = spawnSync('/bin/sh', ['-c', 'test -x "$1"', 'reach', target], { uid: user.uid, gid: user.gid, cwd: '/', stdio: 'ignore' });
  return r.status === 0;
}

/** A root-owned folder nobody else may write to (created when missing); throws when an existing one is not. */
function ensureRootOwnedFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || st.uid !== 0 || st.mode & 0o022) throw new Error(`${dir} is not a root-owned folder closed to other writers`);
}

const COMPLETE = '.converge-complete';

function copyTree(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  const walk = (dir: string) => {
    fs.chmodSync(dir, 0o755);
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) continue;
      if (entry.isDirectory()) walk(p);
      else fs.chmodSync(p, (fs.statSync(p).mode & 0o755) | 0o444);
    }
  };
  walk(to);
}

/**
 * The folder holding bin/, lib/ and share/ that `user` can run PostgreSQL from: the package's own
 * when reachable, else a copy in /var/cache/converge (or the temporary folder), made once per version.
 */
export function reachableBinaries(nativeDir: string, version: string, user: RunAs): string {
  if (canReach(user, path.join(nativeDir, 'bin', 'postgres'))) return nativeDir;
  const name = `postgresql-${version}-${process.platform}-${process.arch}`;
  const reasons: string[] = [];
  for (const base of ['/var/cache/converge', path.join(os.tmpdir(), 'converge-cache')]) {
    const target = path.join(base, name);
    try {
      ensureRootOwnedFolder(base);
      if (!fs.existsSync(path.join(target, COMPLETE))) {
        const staging = `${target}.${process.pid}.partial`;
        fs.rmSync(staging, { recursive: true, force: true });
        copyTree(nativeDir, staging);
        fs.writeFileSync(path.join(staging, COMPLETE), `${nativeDir}\n`);
        try {
          fs.rmSync(target, { recursive: true, force: true });
          fs.renameSync(staging, target);
        } catch (err) {
          fs.rmSync(staging, { recursive: true, force: true });
          if (!fs.existsSync(path.join(target, COMPLETE))) throw err; // not another process's copy either
        }
      }
      if (canReach(user, path.join(target, 'bin', 'postgres'))) return target;
      reasons.push(`${target} is not reachable`);
    } catch (err) {
      reasons.push(firstLine(err));
    }
  }
  throw new EmbeddedPostgresError(
    `Running as root, the embedded PostgreSQL runs as the postgres system user, which cannot reach its programs in ${nativeDir}, and copying them to a reachable folder failed (${reasons.join('; ')}): keep the project where the postgres user can read it, run as another user, or set DATABASE_URL.`,
  );
}

/**
 * Takes write access for group and others away from a world-writable folder of ours (earlier
 * versions left DATA_DIR at 0777); never from a sticky shared one like /tmp.
 */
function closeWorldWritable(dir: string): void {
  const st = fs.statSync(dir);
  const ours = isRoot() || st.uid === process.getuid?.();
  if (ours && st.mode & 0o002 && !(st.mode & 0o1000)) fs.chmodSync(dir, st.mode & 0o755);
}

export interface DataPlacement {
  /** PostgreSQL's own folder (PG_VERSION, postgresql.conf, …). */
  pgDir: string;
  /** Set when the data lives outside DATA_DIR, with the reason to print. */
  notice?: string;
}

/**
 * Creates (or checks) the data folder: `<dataDir>/pg`, owned by whoever runs PostgreSQL, mode 0700,
 * and `dataDir` itself never world-writable. As root, when the postgres user cannot reach `dataDir`,
 * the data goes to /var/lib/converge/<name>-<hash of dataDir>/pg instead.
 */
export function placeData(dataDir: string, user: RunAs | null): DataPlacement {
  try {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    closeWorldWritable(dataDir);
  } catch (err) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL cannot use DATA_DIR ${dataDir} (${firstLine(err)}): set DATA_DIR to a folder you can write, or set DATABASE_URL.`,
    );
  }
  if (!user) return { pgDir: path.join(dataDir, 'pg') };

  let home = dataDir;
  let notice: string | undefined;
  if (!canReach(user, path.dirname(dataDir))) {
    const key = crypto.createHash('sha256').update(fs.realpathSync(dataDir)).digest('hex').slice(0, 12);
    const base = '/var/lib/converge';
    home = path.join(base, `${path.basename(path.dirname(dataDir)).replace(/[^\w.-]/g, '_')}-${key}`);
    try {
      ensureRootOwnedFolder(base);
      fs.mkdirSync(home, { recursive: true, mode: 0o750 });
    } catch (err) {
      throw new EmbeddedPostgresError(
        `Running as root, the embedded PostgreSQL runs as the postgres system user, which cannot reach DATA_DIR ${dataDir}, and ${base} could not be used instead (${firstLine(err)}): set DATA_DIR to a folder the postgres user can reach (every folder on the way searchable by it), or set DATABASE_URL.`,
      );
    }
    notice = `The embedded PostgreSQL keeps its data in ${path.join(home, 'pg')}: the postgres system user it runs as cannot reach DATA_DIR ${dataDir} (set DATA_DIR to a folder it can reach to choose the place).`;
  }
  const pgDir = path.join(home, 'pg');
  try {
    // postgres may search this folder to reach its own; nobody else gains anything.
    if (!canReach(user, home)) {
      fs.chownSync(home, fs.statSync(home).uid, user.gid);
      fs.chmodSync(home, (fs.statSync(home).mode & 0o755) | 0o050);
    }
    if (!fs.existsSync(pgDir)) {
      fs.mkdirSync(pgDir, { mode: 0o700 });
      fs.chownSync(pgDir, user.uid, user.gid);
    }
  } catch (err) {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL could not prepare its data folder ${pgDir} for the postgres system user (${firstLine(err)}): set DATA_DIR to another folder, or set DATABASE_URL.`,
    );
  }
  if (!canReach(user, pgDir)) {
    throw new EmbeddedPostgresError(
      `The postgres system user cannot reach the embedded PostgreSQL's data in ${pgDir}: give it that folder (chown -R postgres ${pgDir}), set DATA_DIR to another folder, or set DATABASE_URL.`,
    );
  }
  return { pgDir, notice };
}
