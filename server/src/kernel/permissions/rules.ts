import type { Context } from '../context';

// The permission language: a few rule constructors, owned here so the compiler in apply.ts can
// read rule trees directly (no other library's internals), and so every rule can describe itself
// for the committed field-rule report.

type Verdict = boolean | Promise<boolean>;
export type RuleFn = (parent: unknown, args: unknown, ctx: Context, info: unknown) => Verdict;

export abstract class Rule {
  /** How the rule reads in the field-rule report. */
  abstract describe(): string;
}

/** A named predicate. `contextual` ones read only the request context (not the parent object). */
export class Predicate extends Rule {
  constructor(
    readonly name: string,
    readonly fn: RuleFn,
    readonly contextual: boolean,
  ) {
    super();
  }
  describe(): string {
    return this.name;
  }
}

export class Constant extends Rule {
  constructor(readonly value: boolean) {
    super();
  }
  describe(): string {
    return this.value ? 'allow' : 'deny';
  }
}

export class All extends Rule {
  constructor(readonly rules: Rule[]) {
    super();
  }
  describe(): string {
    return this.rules.map((r) => (r instanceof AnyOf ? `(${r.describe()})` : r.describe())).join(' and ');
  }
}

export class AnyOf extends Rule {
  constructor(readonly rules: Rule[]) {
    super();
  }
  describe(): string {
    return this.rules.map((r) => (r instanceof All ? `(${r.describe()})` : r.describe())).join(' or ');
  }
}

export class Not extends Rule {
  constructor(readonly rule: Rule) {
    super();
  }
  describe(): string {
    return `not ${this.rule instanceof Predicate ? this.rule.describe() : `(${this.rule.describe()})`}`;
  }
}

export type ShieldRule = Rule;

/** A rule map: type name → field name (or "*") → rule. One per module. */
export type RuleMap = Record<string, Record<string, Rule>>;

export const allow: Rule = new Constant(true);
export const deny: Rule = new Constant(false);
export const and = (...rules: Rule[]): Rule => new All(rules);
export const or = (...rules: Rule[]): Rule => new AnyOf(rules);
export const not = (r: Rule): Rule => new Not(r);

/** `rule(name, { cache: 'contextual' })((parent, args, ctx) => ...)`: contextual rules read only the context. */
export const rule =
  (name: string, opts: { cache?: 'contextual' | 'no_cache' } = {}) =>
  (fn: RuleFn): Rule =>
    new Predicate(name, fn, opts.cache === 'contextual');

// Rules below are synchronous.
export const isAuthenticated = rule('signed in', { cache: 'contextual' })((_p, _a, ctx) => !!ctx.principal);

/** The caller's role is one of `roles`. */
export const hasRole = (...roles: string[]) =>
  rule(`role in [${roles.join(', ')}]`, { cache: 'contextual' })((_p, _a, ctx) => !!ctx.principal && roles.includes(ctx.principal.role));

/** Not a read-only API key. */
export const isWritable = rule('not a read-only key', { cache: 'contextual' })((_p, _a, ctx) => !!ctx.principal && !ctx.principal.readOnly);

/** Signed in with a session, not an API key (managing keys needs a person). */
export const viaSession = rule('via a session', { cache: 'contextual' })((_p, _a, ctx) => !!ctx.principal && ctx.principal.apiKeyId === null);

/** The parent object is the caller's own user record. */
export const isSelf = rule('the user themself')((parent, _a, ctx) => !!ctx.principal && (parent as { id?: string } | undefined)?.id === ctx.principal.userId);

/** Read access for the given roles. */
export const canRead = (...roles: string[]) => and(isAuthenticated, hasRole(...roles));

/** Write access for the given roles, refused to read-only API keys. */
export const canWrite = (...roles: string[]) => and(isAuthenticated, isWritable, hasRole(...roles));
