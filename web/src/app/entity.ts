import type { ComponentType } from 'react';
import type { DocumentNode } from 'graphql';
import type { Capabilities } from './capabilities';
import type { EntityExtensions, EntityScreens } from '../components/kit/types';

/** A link in the main navigation (names are part of the accessibility contract). */
export interface NavDef {
  label: string;
  /** Position among the links; the dashboard is 0. */
  order: number;
  section?: 'main' | 'admin';
}

/** A screen beyond the kit (the deals board, My tasks), lazily loaded at its own path. */
export interface PageDef {
  /** Route path under the shell, without a leading slash, e.g. "deals/board". */
  path: string;
  load(): Promise<{ default: ComponentType }>;
  /** Who may open it; by default whoever may read the entity type. */
  access?(caps: Capabilities): boolean;
  nav?: NavDef;
}

/** A field on some type that lists or summarises records of this type ("Query" for root fields). */
export interface ListField {
  on: string;
  field: string;
}

/** How global search shows a hit of this type. */
export interface SearchDef<Node = never> {
  /** The `SearchType` value asking for this type. */
  type: string;
  /** The fields a hit needs (a fragment on the type, from the feature's `.graphql`). */
  fragment: DocumentNode;
  label(node: Node): string;
  detail(node: Node): string;
}

/**
 * One entity type as the web knows it: one entry per type, in its feature folder
 * (`features/<area>/<thing>.entity.tsx`), found by file name. Routes, navigation, cache policies,
 * live-update list roots, feed labels, search and list eviction all come from these entries.
 * Entries are small (they load with the app); screens and extensions load with their routes.
 */
export interface EntityEntry {
  typeName: string;
  labels: {
    /** "account": in sentences and the feed ("Riley Rep created account Acme"). */
    noun: string;
    /** "Accounts": list title and navigation. */
    plural: string;
  };
  /** Base path of the list ("/accounts"); the detail page is at `${path}/:id`. */
  path?: string;
  /** Whether records have a detail page (default: when there is a path). */
  detailPage?: boolean;
  nav?: NavDef;
  /** Who may open the list and detail pages (default: read ≠ NONE). */
  access?(caps: Capabilities): boolean;
  /** The root connection listing records of the type ("accounts"). */
  listRoot: string;
  /** Connections on other types listing records of this type (Account.contacts for Contact). */
  nested?: ListField[];
  /** Other fields a write to this type changes (dealStats, nextTask); search follows from `search`. */
  affects?: ListField[];
  /** Whether the type has a paged `timeline` connection. */
  timeline?: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry types its own search hit
  search?: SearchDef<any>;
  screens?(): Promise<{ screens: EntityScreens }>;
  /** Columns, sections and actions this type adds to other types' screens. */
  extensions?: { targets: string[]; load(): Promise<{ extensions: EntityExtensions }> };
  pages?: PageDef[];
}

/** An entry as a feature writes it: what can be derived may be left out. */
export type EntityDef = Omit<EntityEntry, 'labels' | 'nav'> & {
  /** Plural (default: the noun capitalised, with an "s"). */
  labels: { noun: string; plural?: string };
  /** The link's label defaults to the plural. */
  nav?: Omit<NavDef, 'label'> & { label?: string };
};

/**
 * Declares an entry, filling in what follows from the rest: the plural from the noun, the link's
 * label from the plural, the path from the root list ("/accounts").
 */
export function defineEntity(def: EntityDef): EntityEntry {
  const plural = def.labels.plural ?? `${def.labels.noun.charAt(0).toUpperCase()}${def.labels.noun.slice(1)}s`;
  return {
    ...def,
    labels: { noun: def.labels.noun, plural },
    path: def.path ?? (def.screens ? `/${def.listRoot}` : undefined),
    nav: def.nav && { ...def.nav, label: def.nav.label ?? plural },
  };
}

/** What a registry module exports: `entity` (and nothing the app must list by hand). */
export interface EntityModule {
  entity?: EntityEntry;
}
