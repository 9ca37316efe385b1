import fs from 'node:fs';
import path from 'node:path';
import type { ModuleManifest } from './module-manifest';

/**
 * The manifests of the modules under `dir`: every folder with an `index` exporting `manifest`,
 * in name order. A folder without a manifest is a mistake, not something to skip silently.
 */
export function loadModules(dir: string): ModuleManifest[] {
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && ['index.ts', 'index.js'].some((f) => fs.existsSync(path.join(dir, e.name, f))))
    .map((e) => e.name)
    .sort();
  return folders.map((name) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, name, 'index')) as { manifest?: ModuleManifest };
    if (!mod.manifest) throw new Error(`modules/${name}/index exports no manifest`);
    return mod.manifest;
  });
}

/** Lets each module release what it holds in this process (shutdown); one failing does not keep the others. */
export async function stopModules(manifests: readonly ModuleManifest[]): Promise<void> {
  await Promise.allSettled(manifests.map((m) => m.stop?.()));
}

let registered = false;

/** Runs each module's once-per-process registrations (event handlers, providers). */
export function registerModules(manifests: readonly ModuleManifest[]): void {
  if (registered) return;
  registered = true;
  for (const m of manifests) m.register?.();
}
