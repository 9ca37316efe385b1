import type { Capabilities } from './capabilities';
import type { EntityEntry, PageDef } from './entity';
import { entities } from './registry';

export interface NavItem {
  label: string;
  to: string;
  section: 'main' | 'admin';
  order: number;
}

/** Whether the user may open an entity type's list and detail pages. */
export function canOpenEntity(e: EntityEntry, caps: Capabilities): boolean {
  return e.access ? e.access(caps) : caps.canRead(e.typeName);
}

export function canOpenPage(e: EntityEntry, page: PageDef, caps: Capabilities): boolean {
  return page.access ? page.access(caps) : canOpenEntity(e, caps);
}

/** The dashboard is everyone's home; every other link comes from the registry and the capabilities. */
export function navFor(caps: Capabilities): NavItem[] {
  const items: NavItem[] = [{ label: 'Dashboard', to: '/', section: 'main', order: 0 }];
  for (const e of entities) {
    if (e.nav && e.path && canOpenEntity(e, caps)) items.push({ label: e.nav.label, to: e.path, section: e.nav.section ?? 'main', order: e.nav.order });
    for (const p of e.pages ?? []) {
      if (p.nav && canOpenPage(e, p, caps)) items.push({ label: p.nav.label, to: `/${p.path}`, section: p.nav.section ?? 'main', order: p.nav.order });
    }
  }
  return items.sort((a, b) => a.order - b.order);
}
