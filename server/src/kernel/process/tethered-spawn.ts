import { spawn, type ChildProcess } from 'node:child_process';

// A small /bin/sh guard runs the command and holds the read end of a pipe from this process. When
// this process goes away for any reason — a normal exit, an exception, a signal, even SIGKILL — the
// pipe closes and the guard stops the command, so no database or cache outlives the tool that
// started it. The guard and the command form their own process group, killed as a last resort.
// (Background jobs of a non-interactive shell read /dev/null, so the pipe is kept as fd 3.)
const GUARD = [
  'sig="$1"; shift',
  'exec 3<&0',
  '"$@" 3<&- &',
  'pid=$!',
  '( read -r _ <&3; kill -s "$sig" "$pid" 2>/dev/null ) &',
  'watcher=$!',
  'exec 3<&-',
  'wait "$pid"; status=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$status"',
].join('\n');

export interface TetheredOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  uid?: number;
  gid?: number;
  /** How the command is asked to stop (PostgreSQL: INT is its fast shutdown). */
  stopSignal?: 'INT' | 'TERM';
  /** Pipe the command's output to the caller, or drop it. */
  output?: 'pipe' | 'ignore';
}

export interface TetheredProcess {
  child: ChildProcess;
  /** Resolves once the command has exited (whether it was stopped or ended on its own). */
  exited: Promise<number | null>;
  /** Asks the command to stop; kills its process group when it has not exited within `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** Spawns `command` so that it stops when this process ends, however it ends. */
export function spawnTethered(command: string, args: string[], options: TetheredOptions = {}): TetheredProcess {
  const output = options.output ?? 'pipe';
  const child = spawn('/bin/sh', ['-c', GUARD, 'tethered', options.stopSignal ?? 'TERM', command, ...args], {
    cwd: options.cwd,
    env: options.env,
    uid: options.uid,
    gid: options.gid,
    detached: true,
    stdio: ['pipe', output, output],
  });
  // The pipe is the tether: never written to, only closed.
  child.stdin!.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  let stopping: Promise<void> | undefined;
  const stop = (timeoutMs = 15_000) => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      child.stdin!.end();
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }, timeoutMs);
      await exited;
      clearTimeout(timer);
    })();
    return stopping;
  };
  return { child, exited, stop };
}
