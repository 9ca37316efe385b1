import path from 'node:path';
import type { JobDefinition } from './kernel/jobs/job.types';
import { documentsManifest } from './kernel/documents/documents.manifest';
import { kernelManifest } from './kernel/kernel.manifest';
import { loadModules, registerModules } from './kernel/modules/load-modules';
import type { ModuleManifest } from './kernel/modules/module-manifest';
import type { RuleMap } from './kernel/permissions/rules';
import type { RecordKind } from './kernel/records/record-kind';

let loaded: ModuleManifest[] | undefined;

/** The kernel's manifests (its own, documents) and every module's, from `modules/<name>/index`. */
export function manifests(): ModuleManifest[] {
  if (!loaded) {
    loaded = [kernelManifest, documentsManifest, ...loadModules(path.join(__dirname, 'modules'))];
    registerModules(loaded);
  }
  return loaded;
}

export const entities = (): Function[] => manifests().flatMap((m) => m.entities ?? []);
export const recordKinds = (): RecordKind[] => manifests().flatMap((m) => m.records ?? []);
export const jobDefinitions = (): JobDefinition<never>[] => manifests().flatMap((m) => m.jobs ?? []);

/** Every rule map: the modules' own and those derived from their policies and record kinds. */
export function ruleMaps(): RuleMap[] {
  return manifests().flatMap((m) => [
    ...(m.records ?? []).map((k) => k.rules()),
    ...(m.policies ?? []).map((p) => p.typeRules()),
    ...(m.rules ? [m.rules] : []),
  ]);
}
