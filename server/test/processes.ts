import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { workerDatabaseUrl } from './database';
import { freePort } from './redis';

// Real server processes for tests that kill them: `npm start` / `npm run start:api` (entry
// 'main', with '--api-only') and `npm run worker`, started through server/scripts/run.js as the
// npm scripts do (it builds the server, and for 'main' the web app, when their builds are stale).

export interface ServerProcess {
  pid: number;
  /** The /graphql URL (API processes only). */
  url: string;
  /** Everything it has printed so far (for failure messages). */
  output(): string;
  /** Resolves once it has exited. */
  exited: Promise<void>;
  /** Sends `signal` (SIGKILL: as a crash would end it) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const started = new Set<ServerProcess>();

/** Starts `entry` and resolves once it has printed `ready`; fails with its output otherwise. */
export async function startServerProcess(
  entry: 'main' | 'worker',
  opts: { args?: string[]; env: Record<string, string | undefined>; ready: RegExp; port?: number; timeoutMs?: number },
): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, '..', 'scripts', 'run.js'), entry, ...(opts.args ?? [])], {
    env: { ...process.env, ...opts.env, ...(opts.port ? { PORT: String(opts.port) } : {}) },
    // An IPC channel: a server started this way stops when the test process goes, however it ends.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const proc: ServerProcess = {
    pid: child.pid!,
    url: opts.port ? `http://127.0.0.1:${opts.port}/graphql` : '',
    output: () => out,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      started.delete(proc);
    },
  };
  started.add(proc);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start within ${opts.timeoutMs ?? 120_000} ms: ${out}`)), opts.timeoutMs ?? 120_000);
    const check = () => {
      if (!opts.ready.test(out)) return;
      clearTimeout(timer);
      child.stdout!.off('data', check);
      resolve();
    };
    child.stdout!.on('data', check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${child.exitCode ?? child.signalCode}: ${out}`));
    });
  }).catch(async (err) => {
    await proc.kill();
    throw err;
  });
  return proc;
}

/** An API instance (`npm run start:api`) on a free port, against this jest worker's database. */
export async function startApiProcess(env: Record<string, string | undefined>): Promise<ServerProcess> {
  return startServerProcess('main', {
    args: ['--api-only'],
    port: await freePort(),
    ready: /Converge is ready/,
    env: { DATABASE_URL: await workerDatabaseUrl(), MIGRATE_ON_START: 'false', NODE_ENV: 'development', LOG_LEVEL: 'warn', ...env },
  });
}

/** A job worker (`npm run worker`) against this jest worker's database. */
export async function startWorkerProcess(env: Record<string, string | undefined>): Promise<ServerProcess> {
  return startServerProcess('worker', {
    ready: /Converge worker ready/,
    env: { DATABASE_URL: await workerDatabaseUrl(), MIGRATE_ON_START: 'false', LOG_LEVEL: 'warn', ...env },
  });
}

/** Kills every process these helpers started and that is still running (call in afterAll). */
export async function killServerProcesses(): Promise<void> {
  await Promise.all([...started].map((p) => p.kill()));
}
