import {
  defaultFieldResolver,
  getNamedType,
  GraphQLField,
  GraphQLFieldResolver,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isIntrospectionType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { All, allow, AnyOf, Constant, deny, Not, Predicate, Rule, RuleMap, ShieldRule } from './rules';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { Context } from '../context';

type Verdict = boolean | Promise<boolean>;
export type Check = (parent: unknown, args: unknown, ctx: Context, info: unknown) => Verdict;

const structural = new Map<string, ShieldRule>();

/** Types the kernel generates (connections, edges, page info, batch results) are pass-through. */
export function registerStructuralType(typeName: string): void {
  structural.set(typeName, allow);
}

function isThenable(v: unknown): v is Promise<unknown> {
  return !!v && typeof (v as { then?: unknown }).then === 'function';
}

function verdictOf(result: unknown): boolean {
  return result === true;
}

/**
 * Compiles a rule tree into a predicate that stays synchronous when every rule in it is (the
 * common case: rules that only read the context), so allowed fields pay no promise.
 */
export function compileRule(r: Rule): Check {
  if (r instanceof Constant) return () => r.value;
  if (r instanceof Predicate) {
    const func = r.fn;
    return (p, a, c, i) => {
      let res: unknown;
      try {
        res = func(p, a, c, i);
      } catch {
        return false;
      }
      return isThenable(res) ? res.then(verdictOf, () => false) : verdictOf(res);
    };
  }
  if (r instanceof Not) {
    const inner = compileRule(r.rule);
    return (p, a, c, i) => {
      const v = inner(p, a, c, i);
      return isThenable(v) ? v.then((x) => !x) : !v;
    };
  }
  if (r instanceof All) {
    const parts = r.rules.map(compileRule);
    return (p, a, c, i) => {
      for (let k = 0; k < parts.length; k++) {
        const v = parts[k](p, a, c, i);
        if (isThenable(v)) {
          const rest = parts.slice(k + 1);
          return v.then(async (ok) => {
            if (!ok) return false;
            for (const part of rest) if (!(await part(p, a, c, i))) return false;
            return true;
          });
        }
        if (!v) return false;
      }
      return true;
    };
  }
  if (r instanceof AnyOf) {
    const parts = r.rules.map(compileRule);
    return (p, a, c, i) => {
      for (let k = 0; k < parts.length; k++) {
        const v = parts[k](p, a, c, i);
        if (isThenable(v)) {
          const rest = parts.slice(k + 1);
          return v.then(async (ok) => {
            if (ok) return true;
            for (const part of rest) if (await part(p, a, c, i)) return true;
            return false;
          });
        }
        if (v) return true;
      }
      return false;
    };
  }
  throw new Error(`Unsupported permission rule ${String((r as object)?.constructor?.name)}`);
}

/** Merges the modules' rule maps; a field defined twice is a programming error. */
export function mergeRuleMaps(maps: RuleMap[]): RuleMap {
  const merged: RuleMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] ??= {};
      for (const [field, r] of Object.entries(fields)) {
        if (merged[type][field]) throw new Error(`Permission rule for ${type}.${field} is defined twice`);
        merged[type][field] = r;
      }
    }
  }
  for (const [type, r] of structural) merged[type] ??= { '*': r };
  return merged;
}

function objectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !isIntrospectionType(t));
}

/** Fields of the schema that no rule covers (neither their own nor their type's "*"). */
export function findUncovered(schema: GraphQLSchema, rules: RuleMap): string[] {
  const missing: string[] = [];
  for (const type of objectTypes(schema)) {
    const map = rules[type.name];
    for (const field of Object.keys(type.getFields())) {
      if (!map || (!map[field] && !map['*'])) missing.push(`${type.name}.${field}`);
    }
  }
  return missing;
}

export function ruleFor(rules: RuleMap, type: string, field: string): ShieldRule {
  return rules[type]?.[field] ?? rules[type]?.['*'] ?? deny;
}

/** Whether a rule depends only on the request context: then its verdict is the same for every object of a request. */
export function isContextual(r: Rule): boolean {
  if (r instanceof Constant) return true;
  if (r instanceof Predicate) return r.contextual;
  if (r instanceof Not) return isContextual(r.rule);
  if (r instanceof All || r instanceof AnyOf) return r.rules.every(isContextual);
  return false;
}

type ValueCheck = (value: unknown, ctx: Context, info: GraphQLResolveInfo) => boolean;

function wrap(field: GraphQLField<unknown, Context>, check: Check | null, valueCheck: ValueCheck | null): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  const refuse = (ctx: Context) => (ctx.principal ? new ForbiddenError() : new UnauthenticatedError());
  const run: GraphQLFieldResolver<unknown, Context> = valueCheck
    ? (parent, args, ctx, info) => {
        const out = resolve(parent, args, ctx, info);
        const verify = (v: unknown) => {
          if (!valueCheck(v, ctx, info)) throw refuse(ctx);
          return v;
        };
        return isThenable(out) ? out.then(verify) : verify(out);
      }
    : resolve;
  if (!check) {
    field.resolve = run;
    return;
  }
  field.resolve = (parent, args, ctx, info) => {
    const v = check(parent, args, ctx, info);
    if (v === true) return run(parent, args, ctx, info);
    if (v === false) throw refuse(ctx);
    return v.then((ok) => {
      if (!ok) throw refuse(ctx);
      return run(parent, args, ctx, info);
    });
  };
}

/**
 * Applies the rule maps to the schema in place. Deny by default: a field without a rule is
 * refused. Fields whose rule is `allow` are left untouched, so they cost nothing at run time.
 *
 * A type whose "*" rule is contextual is checked where its objects enter the response — on the
 * fields that return it (`Query.deals`, `DealEdge.node`, `Interaction.deal`, ...) — instead of on
 * each of its plain fields: the verdict is the same for every object of the request, so one check
 * per returning field replaces one per object field. Fields with their own rule keep it.
 */
export function applyPermissions(schema: GraphQLSchema, rules: RuleMap): GraphQLSchema {
  const entryRule = new Map<string, Check>();
  for (const type of objectTypes(schema)) {
    const star = rules[type.name]?.['*'];
    if (star && star !== allow && isContextual(star)) entryRule.set(type.name, compileRule(star));
  }
  const entryCheckFor = (named: GraphQLNamedType): { before: Check | null; after: ValueCheck | null } => {
    if (isObjectType(named)) return { before: entryRule.get(named.name) ?? null, after: null };
    if (isUnionType(named) && named.getTypes().some((t) => entryRule.has(t.name))) {
      // The concrete type is known only once the value is: check each value's type.
      const one = (v: unknown, ctx: Context, info: GraphQLResolveInfo): boolean => {
        if (v == null) return true;
        const typeName = named.resolveType
          ? named.resolveType(v, ctx, info, named)
          : ((v as { __typename?: string }).__typename ?? named.getTypes().find((t) => t.isTypeOf?.(v, ctx, info) === true)?.name);
        const check = typeof typeName === 'string' ? entryRule.get(typeName) : undefined;
        return !check || check(undefined, {}, ctx, info) === true;
      };
      return { before: null, after: (v, ctx, info) => (Array.isArray(v) ? v.every((x) => one(x, ctx, info)) : one(v, ctx, info)) };
    }
    return { before: null, after: null };
  };

  for (const type of objectTypes(schema)) {
    const guardedAtEntry = entryRule.has(type.name);
    for (const field of Object.values(type.getFields())) {
      const own = rules[type.name]?.[field.name];
      const r = own ?? rules[type.name]?.['*'] ?? deny;
      const fieldCheck = r === allow || (!own && guardedAtEntry) ? null : compileRule(r);
      const entry = entryCheckFor(getNamedType(field.type));
      const before = fieldCheck && entry.before ? both(fieldCheck, entry.before) : (fieldCheck ?? entry.before);
      // The same requirements as rule trees: the field's own rule, and the entry rule of the type it returns.
      const entryStar = entry.before ? rules[getNamedType(field.type).name]['*'] : undefined;
      guards.set(field, {
        resolve: field.resolve,
        check: before,
        rules: [...(fieldCheck ? [r] : []), ...(entryStar ? [entryStar] : [])],
        checksValues: !!entry.after,
      });
      if (!before && !entry.after) continue;
      wrap(field as GraphQLField<unknown, Context>, before, entry.after);
    }
  }
  return schema;
}

/**
 * A rule's verdict from the request context alone: true or false when the context decides it
 * (e.g. `the user themself or role in [ADMIN]` for an ADMIN), undefined when it depends on the object.
 */
export function verdictFromContext(r: Rule, ctx: Context): boolean | undefined {
  if (r instanceof Constant) return r.value;
  if (r instanceof Predicate) {
    if (!r.contextual) return undefined;
    try {
      const v = r.fn(undefined, {}, ctx, undefined);
      return isThenable(v) ? undefined : v === true;
    } catch {
      return false;
    }
  }
  if (r instanceof Not) {
    const v = verdictFromContext(r.rule, ctx);
    return v === undefined ? undefined : !v;
  }
  if (r instanceof All || r instanceof AnyOf) {
    const decisive = r instanceof AnyOf;
    let unknown = false;
    for (const part of r.rules) {
      const v = verdictFromContext(part, ctx);
      if (v === decisive) return decisive;
      if (v === undefined) unknown = true;
    }
    return unknown ? undefined : !decisive;
  }
  return false;
}

/** How a field of the executable schema is guarded, as `applyPermissions` wrapped it. */
export interface FieldGuard {
  /** The field's own resolver, before the permission wrapper (undefined: the property of the same name). */
  resolve: GraphQLFieldResolver<unknown, Context> | undefined;
  /** What must hold before it resolves (its rule and its type's entry rule), or null when nothing. */
  check: Check | null;
  /** The same as rule trees, all of which must hold. */
  rules: Rule[];
  /** Whether the value is checked after resolving (unions of guarded types). */
  checksValues: boolean;
}

const guards = new WeakMap<object, FieldGuard>();

/** The guard of a field of a schema `applyPermissions` prepared; undefined for any other schema. */
export function fieldGuardOf(field: GraphQLField<unknown, unknown>): FieldGuard | undefined {
  return guards.get(field);
}

function both(a: Check, b: Check): Check {
  return (p, args, c, i) => {
    const x = a(p, args, c, i);
    if (x === false) return false;
    if (x === true) return b(p, args, c, i);
    return x.then((ok) => (ok ? b(p, args, c, i) : false));
  };
}
