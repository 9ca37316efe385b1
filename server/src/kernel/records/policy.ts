import type { Principal } from '../auth/principal';
import { Role } from '../auth/role';
import type { Context } from '../context';
import type { SqlParams } from '../pagination/sql';
import { compileRule } from '../permissions/apply';
import { canRead, canWrite, RuleMap, ShieldRule } from '../permissions/rules';

/** Roles that act on every record of a type, and roles that act only on records they hold. */
export interface RoleScopes {
  all?: readonly Role[];
  own?: readonly Role[];
}

/**
 * Who may do what with one entity type — the single statement of its rights. The field rules,
 * the SQL row scopes (reads, writes, loaders, relation filters), activity visibility, the owners
 * that may be assigned and the `capabilities` the web reads are all derived from it.
 */
export interface PolicyDeclaration {
  read: RoleScopes;
  /** Update, trash and restore (and create, unless `create` says otherwise). */
  write?: RoleScopes;
  create?: readonly Role[];
  /** Roles that may give a record to another holder (e.g. set its owner to someone else). */
  assign?: readonly Role[];
  /** Columns naming the users who hold a record ("own" scopes match any of them). */
  holders?: readonly string[];
  /** Fields with a narrower read rule than the type (they also guard filtering, sorting and setting). */
  fields?: Record<string, readonly Role[] | ShieldRule>;
  /** Who sees the type's activity entries; defaults to `read`. */
  activity?: RoleScopes;
}

export type Scope = 'ALL' | 'OWN' | 'NONE';
export type Where = (params: SqlParams) => string[];

const union = (s: RoleScopes | undefined): Role[] => [...new Set([...(s?.all ?? []), ...(s?.own ?? [])])];

function scopeOf(s: RoleScopes | undefined, role: string): Scope {
  if (s?.all?.includes(role as Role)) return 'ALL';
  if (s?.own?.includes(role as Role)) return 'OWN';
  return 'NONE';
}

export class Policy {
  readonly holders: readonly string[];
  readonly readRule: ShieldRule;
  readonly writeRule: ShieldRule;
  readonly createRule: ShieldRule;
  private readonly fieldRules = new Map<string, ShieldRule>();
  private readonly fieldChecks = new Map<string, ReturnType<typeof compileRule>>();

  constructor(
    readonly typeName: string,
    readonly decl: PolicyDeclaration,
  ) {
    this.holders = decl.holders ?? (decl.read.own?.length || decl.write?.own?.length ? ['ownerId'] : []);
    if ((decl.read.own?.length || decl.write?.own?.length || decl.activity?.own?.length) && !this.holders.length) {
      throw new Error(`${typeName}: "own" scopes need holder columns`);
    }
    this.readRule = canRead(...this.readers());
    this.writeRule = canWrite(...this.writers());
    this.createRule = canWrite(...this.creators());
    for (const [field, rule] of Object.entries(decl.fields ?? {})) {
      const r = Array.isArray(rule) ? canRead(...(rule as Role[])) : (rule as ShieldRule);
      this.fieldRules.set(field, r);
      this.fieldChecks.set(field, compileRule(r));
    }
  }

  readers(): Role[] {
    return union(this.decl.read);
  }

  writers(): Role[] {
    return union(this.decl.write);
  }

  creators(): Role[] {
    return [...(this.decl.create ?? this.writers())];
  }

  readScope(role: string): Scope {
    return scopeOf(this.decl.read, role);
  }

  writeScope(role: string): Scope {
    return scopeOf(this.decl.write, role);
  }

  activityScope(role: string): Scope {
    return scopeOf(this.decl.activity ?? this.decl.read, role);
  }

  /** Roles whose users may hold (own, be assigned) such a record: those who may write it. */
  canHold(role: string): boolean {
    return this.writers().includes(role as Role);
  }

  canAssign(p: Principal): boolean {
    return !!this.decl.assign?.includes(p.role as Role);
  }

  /** `t."ownerId" = $1 [OR t."assigneeId" = $1]` for the given user. */
  holderSql(alias: string, params: SqlParams, userId: string): string {
    const me = params.add(userId, 'uuid');
    const parts = this.holders.map((c) => `${alias}."${c}" = ${me}`);
    return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
  }

  private where(scope: Scope, p: Principal, alias: string): Where {
    if (scope === 'ALL') return () => [];
    if (scope === 'OWN') return (params) => [this.holderSql(alias, params, p.userId)];
    return () => ['FALSE'];
  }

  /** Row scoping for reads (lists, lookups, loaders, relation filters), as SQL conditions. */
  readWhere(p: Principal, alias = 't'): Where {
    return this.where(this.readScope(p.role), p, alias);
  }

  /** Row scoping for writes: a row outside it is NOT_FOUND for a write. */
  writeWhere(p: Principal, alias = 't'): Where {
    return this.where(this.writeScope(p.role), p, alias);
  }

  /** Whether `userId` holds `row` (any holder column). */
  holds(row: Record<string, unknown>, userId: string): boolean {
    return this.holders.some((c) => row[c] === userId);
  }

  fieldRule(field: string): ShieldRule | undefined {
    return this.fieldRules.get(field);
  }

  /** Fields with their own read rule. */
  guardedFields(): string[] {
    return [...this.fieldRules.keys()];
  }

  /** A field's read rule outside execution (filters, sorting, writes, activity redaction). */
  canReadField(field: string, parent: unknown, ctx: Context): boolean {
    if (!ctx.principal || this.readScope(ctx.principal.role) === 'NONE') return false;
    const check = this.fieldChecks.get(field);
    return !check || check(parent, {}, ctx, undefined) === true;
  }

  /** The type-level rules: the type itself ("*") and its guarded fields. */
  typeRules(): RuleMap {
    return { [this.typeName]: { '*': this.readRule, ...Object.fromEntries(this.fieldRules) } };
  }
}

const policies = new Map<string, Policy>();

/** Declares the policy of an entity type; each type has exactly one. */
export function definePolicy(typeName: string, decl: PolicyDeclaration): Policy {
  if (policies.has(typeName)) throw new Error(`${typeName} already has a policy`);
  const policy = new Policy(typeName, decl);
  policies.set(typeName, policy);
  return policy;
}

/** The policy of a type, or undefined: types without one are visible to nobody (fail closed). */
export function policyOf(typeName: string): Policy | undefined {
  return policies.get(typeName);
}

export function allPolicies(): Policy[] {
  return [...policies.values()];
}

/** A field rule of any declared type, evaluated outside execution; undeclared types deny. */
export function canReadField(typeName: string, field: string, parent: unknown, ctx: Context): boolean {
  const policy = policies.get(typeName);
  return !!policy && policy.canReadField(field, parent, ctx);
}
