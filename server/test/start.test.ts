import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { Client } from 'pg';
import { gql } from './client';
import { adminQuery } from './database';

// `npm start` against DATABASE_URL: migrates, creates only the bootstrap admin, serves, and shuts
// down cleanly on SIGTERM.
const dbName = `${process.env.TEST_PG_TEMPLATE}_start_${process.env.JEST_WORKER_ID ?? '1'}`;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

function waitForOutput(child: ChildProcess, pattern: RegExp, ms = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output: ${out}`)), ms);
    const onData = (d: Buffer) => {
      out += d.toString();
      if (pattern.test(out)) {
        clearTimeout(timer);
        resolve(out);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${out}`));
    });
  });
}

describe('npm start with DATABASE_URL', () => {
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  });

  it('migrates, bootstraps the admin only, serves, and on SIGTERM finishes in-flight work and exits 0', async () => {
    await adminQuery(`DROP DATABASE IF EXISTS "${dbName}"`);
    await adminQuery(`CREATE DATABASE "${dbName}"`);
    const url = new URL(process.env.TEST_PG_ADMIN_URL!);
    url.pathname = `/${dbName}`;
    const port = await freePort();
    child = spawn(process.execPath, [path.join(__dirname, '..', 'scripts', 'run.js'), 'main'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(port),
        ADMIN_EMAIL: 'Boss@Example.com',
        ADMIN_PASSWORD: 'a long admin password',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = await waitForOutput(child, /Converge is ready/);
    expect(out).not.toMatch(/Demo logins/);

    const endpoint = `http://127.0.0.1:${port}/graphql`;
    const login = await gql(endpoint, `mutation { login(email: "boss@example.com", password: "a long admin password") { token user { role } } }`);
    expect(login.data.login.user.role).toBe('ADMIN');
    const users = await gql(endpoint, `{ users { totalCount } accounts { totalCount } }`, undefined, login.data.login.token);
    expect(users.data).toEqual({ users: { totalCount: 1 }, accounts: { totalCount: 0 } });
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // A request in flight when SIGTERM arrives still completes: hold it on a row lock, then release.
    const token = login.data.login.token;
    const created = await gql(endpoint, `mutation { createAccount(input: { name: "Drain Co" }) { id } }`, undefined, token);
    const id = created.data.createAccount.id;
    const locker = new Client({ connectionString: url.toString() });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM "accounts" WHERE "id" = $1 FOR UPDATE', [id]);
    const inFlight = gql(endpoint, `mutation($id: ID!) { updateAccount(id: $id, input: { industry: "HVAC" }) { industry } }`, { id }, token);
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await locker.query('COMMIT');
    await locker.end();
    expect((await inFlight).data).toEqual({ updateAccount: { industry: 'HVAC' } });
    expect(await exited).toBe(0);
    child = undefined;
  }, 120_000); // builds the server and the web app when they are stale

  it('stops with a clear message on bad configuration', async () => {
    const bad = spawn(process.execPath, [path.join(__dirname, '..', 'scripts', 'run.js'), 'main'], {
      env: { ...process.env, DATABASE_URL: 'mysql://nope', PORT: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    bad.stdout!.on('data', (d) => (out += d));
    bad.stderr!.on('data', (d) => (out += d));
    const code = await new Promise<number | null>((resolve) => bad.once('exit', resolve));
    expect(code).toBe(1);
    expect(out).toMatch(/Invalid configuration:\n\s+DATABASE_URL: must be a postgres:\/\/ URL/);
  });
});
