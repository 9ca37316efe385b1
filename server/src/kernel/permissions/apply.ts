import {
  defaultFieldResolver,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isIntrospectionType,
  isObjectType,
} from 'graphql';
import { allow, deny, RuleMap, ShieldRule } from './rules';
import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import type { Context } from '../context';

type Verdict = boolean | Promise<boolean>;
type Check = (parent: unknown, args: unknown, ctx: Context, info: unknown) => Verdict;

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
 * Compiles a graphql-shield rule tree into a predicate that stays synchronous when every rule in
 * it is (the common case: rules that only read the context), so allowed fields pay no promise.
 */
export function compileRule(r: ShieldRule): Check {
  const node = r as unknown as { constructor: { name: string }; func?: Function; rules?: ShieldRule[] };
  const kind = node.constructor.name;
  if (kind === 'RuleTrue') return () => true;
  if (kind === 'RuleFalse') return () => false;
  if (kind === 'Rule' || kind === 'InputRule') {
    const func = node.func!;
    return (p, a, c, i) => {
      const res = func(p, a, c, i);
      return isThenable(res) ? res.then(verdictOf, () => false) : verdictOf(res);
    };
  }
  const parts = (node.rules ?? []).map(compileRule);
  if (kind === 'RuleNot') {
    const [inner] = parts;
    return (p, a, c, i) => {
      const v = inner(p, a, c, i);
      return isThenable(v) ? v.then((x) => !x) : !v;
    };
  }
  if (kind === 'RuleAnd' || kind === 'RuleChain') {
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
  if (kind === 'RuleOr' || kind === 'RuleRace') {
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
  throw new Error(`Unsupported permission rule kind ${kind}`);
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
  return Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !isIntrospectionType(t),
  );
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

function wrap(field: GraphQLField<unknown, Context>, check: Check): void {
  const resolve = field.resolve ?? defaultFieldResolver;
  const refuse = (ctx: Context) => (ctx.principal ? new ForbiddenError() : new UnauthenticatedError());
  field.resolve = (parent, args, ctx, info) => {
    const v = check(parent, args, ctx, info);
    if (v === true) return resolve(parent, args, ctx, info);
    if (v === false) throw refuse(ctx);
    return v.then((ok) => {
      if (!ok) throw refuse(ctx);
      return resolve(parent, args, ctx, info);
    });
  };
}

/**
 * Applies the rule maps to the schema in place. Deny by default: a field without a rule is
 * refused. Fields whose rule is `allow` are left untouched, so they cost nothing at run time.
 */
export function applyPermissions(schema: GraphQLSchema, rules: RuleMap): GraphQLSchema {
  for (const type of objectTypes(schema)) {
    for (const field of Object.values(type.getFields())) {
      const r = ruleFor(rules, type.name, field.name);
      if (r === allow) continue;
      wrap(field as GraphQLField<unknown, Context>, compileRule(r));
    }
  }
  return schema;
}

/** Evaluates a field rule outside execution (redacting activity-log changes). Async rules deny. */
export function canReadField(rules: RuleMap, type: string, field: string, parent: unknown, ctx: Context): boolean {
  const r = rules[type]?.[field];
  if (!r) return true; // covered by the type's "*" rule, which guards the entity as a whole
  if (r === allow) return true;
  const v = compileRule(r)(parent, {}, ctx, undefined);
  return v === true;
}

let active: RuleMap = {};
/** The merged rule maps of the running schema (used to redact activity-log changes). */
export function setActiveRules(rules: RuleMap): void {
  active = rules;
}
export function activeRules(): RuleMap {
  return active;
}
