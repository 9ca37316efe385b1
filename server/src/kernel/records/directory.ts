import type { ClassType } from 'type-graphql';
import type { Context } from '../context';

/**
 * Users as the kit needs them (owners, actors): the GraphQL type and a batched, per-request
 * lookup. The module that owns users provides it; the kit refuses to build without one.
 */
export interface UserDirectory {
  type(): ClassType;
  load(ctx: Context, id: string): Promise<unknown | null>;
}

let directory: UserDirectory | undefined;

export function provideUserDirectory(d: UserDirectory): void {
  directory = d;
}

export function userDirectory(): UserDirectory {
  if (!directory) throw new Error('No user directory is provided (the module that owns users provides it)');
  return directory;
}
