import { fork, type ChildProcess, type ForkOptions } from 'node:child_process';

// The benchmarks' server processes. Each is forked with an IPC channel and exits when that channel
// closes (main.ts and the baseline listen for 'disconnect'), so a benchmark that ends in any way —
// finished, failed, interrupted, killed — takes its servers with it. `stopAll` ends them in order
// where the run gets the chance.
const running = new Set<ChildProcess>();

export function forkServer(modulePath: string, args: string[], options: ForkOptions): ChildProcess {
  const child = fork(modulePath, args, options);
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Asks one server to stop (SIGTERM: it drains) and waits; SIGKILL after `timeoutMs`. */
export async function stopServer(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((c) => stopServer(c)));
}

// Ctrl-C or a SIGTERM to the benchmark: stop the servers, then end as the signal would have.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.kill(process.pid, signal));
  });
}
