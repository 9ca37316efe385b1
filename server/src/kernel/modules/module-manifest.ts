import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import type { JobDefinition } from '../jobs/job.types';
import type { RuleMap } from '../permissions/rules';
import type { Policy } from '../records/policy';
import type { RecordKind } from '../records/record-kind';

/**
 * Everything a module brings to the application, in one place: its tables, the record kinds it
 * declares on the kit (their resolvers and rules are generated), policies of other types it owns,
 * hand-written resolvers with their rules, background jobs, and what to register once per process
 * (event handlers, providers). The entry point wires every module's manifest; adding a module
 * edits no central list.
 */
export interface ModuleManifest {
  name: string;
  entities?: Function[];
  records?: RecordKind[];
  policies?: Policy[];
  resolvers?: Function[];
  rules?: RuleMap;
  jobs?: JobDefinition<never>[];
  /** HTTP routes besides GraphQL (e.g. a provider's webhooks). */
  routes?(app: Express, deps: { ds: DataSource }): void;
  register?(): void;
  /** Releases what the module holds in this process (e.g. a browser) when the process shuts down. */
  stop?(): Promise<void>;
}

export function defineModule(m: ModuleManifest): ModuleManifest {
  return m;
}
