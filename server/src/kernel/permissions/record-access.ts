/**
 * Who reads the records of an entity type: some roles read every record, others only the records
 * they own. A module declares this once per type and derives the type's read rule, its row
 * scoping and the visibility of its activity-log entries from the declaration, so the three
 * cannot drift apart. A type nobody declared is read by no one.
 */
export interface RecordAccess {
  /** Roles that read every record of the type. */
  readonly all: readonly string[];
  /** Roles that read only the records they own. */
  readonly own: readonly string[];
}

/** How far a role reads a type: every record, only its own, or none. */
export type ReadReach = 'all' | 'own' | null;

const declared = new Map<string, RecordAccess>();

export function declareRecordAccess(typeName: string, access: RecordAccess): RecordAccess {
  const prior = declared.get(typeName);
  if (prior && JSON.stringify(prior) !== JSON.stringify(access)) throw new Error(`Read access for ${typeName} is declared twice`);
  if (access.all.some((r) => access.own.includes(r))) throw new Error(`Read access for ${typeName} lists a role as both "all" and "own"`);
  declared.set(typeName, access);
  return access;
}

/** Every role that reads the type at all: the roles its read rule lets in. */
export const readersOf = (access: RecordAccess): string[] => [...access.all, ...access.own];

export function recordAccessOf(typeName: string): RecordAccess | undefined {
  return declared.get(typeName);
}

export function declaredTypes(): string[] {
  return [...declared.keys()];
}

export function readReach(role: string, typeName: string): ReadReach {
  const access = declared.get(typeName);
  if (!access) return null;
  if (access.all.includes(role)) return 'all';
  return access.own.includes(role) ? 'own' : null;
}

/** The types a role reads wholly, and those it reads only where it owns the record. */
export function typesReadBy(role: string): { all: string[]; own: string[] } {
  const out = { all: [] as string[], own: [] as string[] };
  for (const type of declared.keys()) {
    const reach = readReach(role, type);
    if (reach) out[reach].push(type);
  }
  return out;
}
