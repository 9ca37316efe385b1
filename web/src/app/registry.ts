import type { EntityEntry, ListField } from './entity';
import type { EntityScreens, TypeExtension } from '../components/kit/types';
import { entityModules } from './entity-modules';

/** Every entity type the web knows, from the feature folders' `*.entity.tsx` files. */
export const entities: readonly EntityEntry[] = entityModules.flatMap((m) => (m.entity ? [m.entity] : []));

const byType = new Map(entities.map((e) => [e.typeName, e]));

export function entityOf(typeName: string): EntityEntry | undefined {
  return byType.get(typeName);
}

/**
 * Every field listing or summarising records of a type: its root list (first), nested connections,
 * what it affects, and global search when the type is searchable.
 */
export function listFieldsOf(typeName: string): ListField[] {
  const e = byType.get(typeName);
  if (!e) return [];
  return [{ on: 'Query', field: e.listRoot }, ...(e.nested ?? []), ...(e.affects ?? []), ...(e.search ? [{ on: 'Query', field: 'search' }] : [])];
}

/** Where a record has its page, when it has one. */
export function recordPath(typeName: string, id: string): string | null {
  const e = byType.get(typeName);
  if (!e?.path || e.detailPage === false) return null;
  return `${e.path}/${id}`;
}

const screensCache = new Map<string, Promise<EntityScreens>>();
const screensLoaded = new Map<string, EntityScreens>();

/** The type's screen descriptors (list, detail, form, picker), loaded once. */
export function loadScreens(typeName: string): Promise<EntityScreens> {
  let p = screensCache.get(typeName);
  if (!p) {
    const e = byType.get(typeName);
    p = (e?.screens ? e.screens().then((m) => m.screens) : Promise.resolve({})).then((s) => {
      screensLoaded.set(typeName, s);
      return s;
    });
    screensCache.set(typeName, p);
  }
  return p;
}

/** The type's descriptors when they have loaded already (no waiting for what is there). */
export function loadedScreens(typeName: string): EntityScreens | undefined {
  return screensLoaded.get(typeName);
}

const extensionCache = new Map<string, Promise<TypeExtension>>();

/** What other types add to a type's screens (columns, detail sections, header actions), merged. */
export function loadExtensions(target: string): Promise<TypeExtension> {
  let p = extensionCache.get(target);
  if (!p) {
    const sources = entities.filter((e) => e.extensions?.targets.includes(target));
    p = Promise.all(sources.map((e) => e.extensions!.load())).then((mods) => {
      const parts = mods.map((m) => m.extensions[target] ?? {});
      return {
        columns: parts.flatMap((x) => x.columns ?? []),
        sections: parts.flatMap((x) => x.sections ?? []),
        actions: parts.flatMap((x) => x.actions ?? []),
      };
    });
    extensionCache.set(target, p);
  }
  return p;
}
