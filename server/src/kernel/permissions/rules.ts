// The permission language: graphql-shield's rule constructors. Every shield import lives in this
// folder so the runtime applying the maps can change without touching the modules.
import { allow, and, deny, not, or, rule } from 'graphql-shield';
import type { Context } from '../context';

export { allow, and, deny, not, or };
export type ShieldRule = Parameters<typeof and>[0];

/** A rule map: type name → field name (or "*") → rule. One per module. */
export type RuleMap = Record<string, Record<string, ShieldRule>>;

// Rules below are synchronous. `cache: 'contextual'` marks those that read only the request
// context (not the parent): their verdict holds for every object of a request.
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })(
  (_p, _a, ctx: Context) => !!ctx.principal,
);

/** The caller's role is one of `roles`. */
export const hasRole = (...roles: string[]) =>
  rule(`hasRole(${roles.join(',')})`, { cache: 'contextual' })(
    (_p, _a, ctx: Context) => !!ctx.principal && roles.includes(ctx.principal.role),
  );

/** Not a read-only API key. */
export const isWritable = rule('isWritable', { cache: 'contextual' })(
  (_p, _a, ctx: Context) => !!ctx.principal && !ctx.principal.readOnly,
);

/** Signed in with a session, not an API key (managing keys needs a person). */
export const viaSession = rule('viaSession', { cache: 'contextual' })(
  (_p, _a, ctx: Context) => !!ctx.principal && ctx.principal.apiKeyId === null,
);

/** The parent object is the caller's own user record. */
export const isSelf = rule('isSelf', { cache: 'no_cache' })(
  (parent: { id?: string } | undefined, _a, ctx: Context) => !!ctx.principal && parent?.id === ctx.principal.userId,
);

/** Read access for the given roles. */
export const canRead = (...roles: string[]) => and(isAuthenticated, hasRole(...roles));

/** Write access for the given roles, refused to read-only API keys. */
export const canWrite = (...roles: string[]) => and(isAuthenticated, isWritable, hasRole(...roles));
