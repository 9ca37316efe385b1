import type { ComponentType } from 'react';
import { matchPath } from 'react-router';
import type { EntityEntry, PageDef } from './entity';
import { loader, type Loader } from './loader';
import { entities, loadExtensions, loadScreens } from './registry';
import type { EntityScreens, TypeExtension } from '../components/kit/types';

// What each screen loads, named once: the routes render from these loaders, and a signed-in reload
// starts them from the entry, before the shell has rendered (first-screen.ts). Each loads once.

export const dashboardModule = loader(() => import('../features/dashboard/DashboardPage'));

export interface KitModules {
  kit: typeof import('../components/kit/pages');
  screens: EntityScreens;
  extensions: TypeExtension;
}

const kitLoaders = new Map<string, Loader<KitModules>>();

/** What a type's list and detail pages need: the kit's pages, the type's descriptors and other types' extensions. */
export function kitModules(entry: EntityEntry): Loader<KitModules> {
  let l = kitLoaders.get(entry.typeName);
  if (!l) {
    l = loader(() =>
      Promise.all([import('../components/kit/pages'), loadScreens(entry.typeName), loadExtensions(entry.typeName)]).then(([kit, screens, extensions]) => ({
        kit,
        screens,
        extensions,
      })),
    );
    kitLoaders.set(entry.typeName, l);
  }
  return l;
}

const pageLoaders = new WeakMap<PageDef, Loader<{ default: ComponentType }>>();

/** A screen beyond the kit (the deals board, My tasks). */
export function pageModule(page: PageDef): Loader<{ default: ComponentType }> {
  let l = pageLoaders.get(page);
  if (!l) {
    l = loader(page.load);
    pageLoaders.set(page, l);
  }
  return l;
}

/** The screen a path shows, as the routes (routes.tsx) declare it. */
export type RouteTarget =
  | { kind: 'dashboard' }
  | { kind: 'list'; entry: EntityEntry }
  | { kind: 'detail'; entry: EntityEntry; id: string }
  | { kind: 'page'; entry: EntityEntry; page: PageDef };

export function routeTarget(pathname: string): RouteTarget | null {
  if (pathname === '/') return { kind: 'dashboard' };
  // Fixed paths first, as the router ranks them ("deals/board" is not the deal "board").
  for (const e of entities) {
    for (const page of e.pages ?? []) if (matchPath(`/${page.path}`, pathname)) return { kind: 'page', entry: e, page };
  }
  for (const e of entities) {
    if (!e.path || !e.screens) continue;
    if (matchPath(e.path, pathname)) return { kind: 'list', entry: e };
    const detail = e.detailPage !== false ? matchPath(`${e.path}/:id`, pathname) : null;
    if (detail?.params.id) return { kind: 'detail', entry: e, id: detail.params.id };
  }
  return null;
}
