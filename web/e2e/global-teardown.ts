import fs from 'node:fs';
import type { ChildProcess } from 'node:child_process';

export default async function globalTeardown(): Promise<void> {
  const state = (globalThis as Record<string, unknown>).__convergeE2e as { child: ChildProcess; dataDir: string } | undefined;
  if (!state) return;
  const { child, dataDir } = state;
  if (child.exitCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    // The deadline is cleared once the server is gone: a pending timer would hold jest open.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 15_000)))]);
    clearTimeout(timer);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
