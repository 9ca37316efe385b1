import type { AccessScope, MeQuery, Role } from '../gql/graphql';
import { useCurrentUser } from './current-user';

export type Me = MeQuery['me'];
export type EntityCapability = NonNullable<Me['capabilities']>[number];

/** A record as far as "is it mine" goes: its owner, its assignee, or the user a key belongs to. */
export interface HeldRecord {
  owner?: { id: string } | null;
  assignee?: { id: string } | null;
}

/**
 * What the signed-in user may do, per entity type, as the server told it (`me { capabilities }`).
 * Screens, navigation and actions ask this; the server still enforces every rule.
 */
export interface Capabilities {
  readonly me: Me;
  of(type: string): EntityCapability;
  canRead(type: string): boolean;
  canCreate(type: string): boolean;
  /** Without a record: whether some records may be changed; with one: whether this one may. */
  canUpdate(type: string, record?: object): boolean;
  canDelete(type: string, record?: object): boolean;
  canAssignOwner(type: string): boolean;
  /** Whether a field of the type is readable (not in its hiddenFields). */
  sees(type: string, field: string): boolean;
  /** Roles whose users may own or be assigned the type's records (the owner and assignee pickers offer only them). */
  holderRoles(type: string): Role[];
}

const NOTHING = (entityType: string): EntityCapability => ({
  __typename: 'EntityCapability',
  entityType,
  read: 'NONE',
  create: false,
  update: 'NONE',
  delete: 'NONE',
  assignOwner: false,
  hiddenFields: [],
  holderRoles: [],
});

/**
 * Whether a scope covers a record. OWN covers what the user holds; when they may only read what they
 * hold anyway, every record they see is theirs (the server chose them; holders such as an API key's
 * user are not always fields the web reads).
 */
function allows(scope: AccessScope, read: AccessScope, meId: string, record?: object): boolean {
  if (scope === 'ALL') return true;
  if (scope === 'NONE') return false;
  if (!record || read === 'OWN') return true;
  const held = record as HeldRecord;
  return held.owner?.id === meId || held.assignee?.id === meId;
}

export function capabilitiesOf(me: Me): Capabilities {
  const byType = new Map((me.capabilities ?? []).map((c) => [c.entityType, c]));
  const of = (type: string) => byType.get(type) ?? NOTHING(type);
  return {
    me,
    of,
    canRead: (type) => of(type).read !== 'NONE',
    canCreate: (type) => of(type).create,
    canUpdate: (type, record) => allows(of(type).update, of(type).read, me.id, record),
    canDelete: (type, record) => allows(of(type).delete, of(type).read, me.id, record),
    canAssignOwner: (type) => of(type).assignOwner,
    sees: (type, field) => !of(type).hiddenFields.includes(field),
    holderRoles: (type) => of(type).holderRoles,
  };
}

const cache = new WeakMap<Me, Capabilities>();

/** The signed-in user's capabilities (computed once per loaded `me`). */
export function useCapabilities(): Capabilities {
  const me = useCurrentUser();
  let caps = cache.get(me);
  if (!caps) {
    caps = capabilitiesOf(me);
    cache.set(me, caps);
  }
  return caps;
}
