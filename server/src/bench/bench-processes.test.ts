import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/redis';

// The benchmark's helper processes end with it, however it ends. A parent like `npm run bench`
// (the real bench-processes.ts and tethered-spawn.ts, loaded from source) starts: the real pg
// baseline (baseline-server.ts, forked with forkServer), the real load generator
// (load-generator.ts), a PostGraphile-like server forked as startPeer forks it (with the real
// postgraphile-preload.cjs), and a command under spawnTethered as the embedded PostgreSQL runs.
// Each would otherwise run forever; the parent is then killed or signalled, and every one of them
// must be gone within a few seconds. No database: the baseline is given CURSOR_SECRET, so it never
// connects to one.
const SRC = path.join(__dirname, '..');
const modules = {
  benchProcesses: path.join(SRC, 'bench', 'bench-processes.ts'),
  tetheredSpawn: path.join(SRC, 'kernel', 'process', 'tethered-spawn.ts'),
  baseline: path.join(SRC, 'bench', 'baseline-server.ts'),
  loadGenerator: path.join(SRC, 'bench', 'load-generator.ts'),
  peerPreload: path.join(SRC, 'bench', 'postgraphile-preload.cjs'),
};

const PARENT = `'use strict';
const fs = require('node:fs');
const modules = ${JSON.stringify(modules)};
const { forkServer } = require(modules.benchProcesses);
const { spawnTethered } = require(modules.tetheredSpawn);
const [planFile, peerFile, peerStoppedFile, commandPidFile] = process.argv.slice(2);
const ready = (child) =>
  new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error('a server exited with ' + code + ' before it was ready')));
  });
// As run.ts forks the baseline (this process's execArgv, so it loads TypeScript like this one).
const baseline = forkServer(modules.baseline, [planFile], { env: { ...process.env, CURSOR_SECRET: 'x'.repeat(32) }, stdio: 'inherit' });
// As startPeer forks PostGraphile.
const peer = forkServer(peerFile, [peerStoppedFile], { execArgv: ['--require', modules.peerPreload], stdio: ['ignore', 2, 'inherit', 'ipc'] });
// As measure.ts forks the load generator.
const generator = forkServer(modules.loadGenerator, [], { stdio: 'inherit' });
// As startEmbeddedPostgres runs postgres; the command writes its pid, then becomes a sleep.
const command = spawnTethered('/bin/sh', ['-c', 'echo $$ > "$0"; exec sleep 1000', commandPidFile], { output: 'ignore' });
(async () => {
  await Promise.all([ready(baseline), ready(peer), ready(generator)]);
  while (!fs.existsSync(commandPidFile) || !fs.readFileSync(commandPidFile, 'utf8').trim()) await new Promise((r) => setTimeout(r, 20));
  const pids = { baseline: baseline.pid, peer: peer.pid, generator: generator.pid, guard: command.child.pid, command: Number(fs.readFileSync(commandPidFile, 'utf8')) };
  console.log(JSON.stringify(pids));
})().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
`;

// A server that runs until something ends it, and notes when it is asked to stop (as main.ts drains on SIGTERM).
const PEER = `const fs = require('node:fs');
process.once('SIGTERM', () => {
  fs.writeFileSync(process.argv[2], 'SIGTERM');
  process.exit(0);
});
setInterval(() => undefined, 1 << 30);
process.send('ready');
`;

let dir: string;
let leftovers: number[] = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'converge-bench-processes-'));
  fs.writeFileSync(path.join(dir, 'parent.js'), PARENT);
  fs.writeFileSync(path.join(dir, 'peer.js'), PEER);
});

afterEach(() => {
  // A failing run must not leave its processes behind either.
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  leftovers = [];
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Whether `pid` is a live process (a zombie no one has reaped yet counts as gone). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    if (fs.existsSync('/proc/self/stat')) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

type Pids = Record<'baseline' | 'peer' | 'generator' | 'guard' | 'command', number>;

/** Starts the parent and resolves with the pids of its helpers once all of them are up. */
async function startParent(): Promise<{ parent: ChildProcess; pids: Pids; peerStopped: () => boolean }> {
  const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const planFile = path.join(dir, `plan-${id}.json`);
  const plan = {
    databaseUrl: 'postgres://nobody@127.0.0.1:1/none',
    port: await freePort(),
    token: 't',
    tokenHash: 'h',
    accountsSignature: 's',
    statements: {},
  };
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const peerStoppedFile = path.join(dir, `peer-stopped-${id}`);
  const parent = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('esbuild-register'),
      path.join(dir, 'parent.js'),
      planFile,
      path.join(dir, 'peer.js'),
      peerStoppedFile,
      path.join(dir, `command-${id}.pid`),
    ],
    {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  leftovers.push(parent.pid!);
  let out = '';
  let err = '';
  parent.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const pids = await new Promise<Pids>((resolve, reject) => {
    parent.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out));
    });
    parent.once('exit', (code, signal) => reject(new Error(`the parent exited (${code ?? signal}) before its helpers were up: ${err}`)));
  });
  leftovers.push(...Object.values(pids));
  for (const [name, pid] of Object.entries(pids)) expect({ name, alive: alive(pid) }).toEqual({ name, alive: true });
  return { parent, pids, peerStopped: () => fs.existsSync(peerStoppedFile) };
}

/** The helpers still running `timeoutMs` after the parent is gone (none, when they are tethered). */
async function survivors(pids: Pids, timeoutMs = 3000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = Object.entries(pids)
      .filter(([, pid]) => alive(pid))
      .map(([name]) => name);
    if (!left.length || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the benchmark's helper processes", () => {
  it.each(['SIGKILL', 'SIGTERM', 'SIGINT'] as const)(
    'end when the benchmark is sent %s',
    async (signal) => {
      const { parent, pids, peerStopped } = await startParent();
      const exited = new Promise<NodeJS.Signals | null>((resolve) => parent.once('exit', (_code, s) => resolve(s)));
      parent.kill(signal);
      // The benchmark itself ends as the signal would have; on SIGTERM or SIGINT only once it has asked
      // its servers to stop (SIGTERM: they drain). SIGKILL gives it no chance: the tethers end them.
      expect(await exited).toBe(signal);
      expect(peerStopped()).toBe(signal !== 'SIGKILL');
      expect(await survivors(pids)).toEqual([]);
      leftovers = []; // all gone: nothing for afterEach to kill (their pids may be reused by now)
    },
    15_000,
  );
});
