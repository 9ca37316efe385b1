import 'reflect-metadata';
import { assertObjectType, buildSchema, extendSchema, graphql, GraphQLSchema, isObjectType, parse } from 'graphql';
import { buildBareSchema, permissionMaps } from '../../schema';
import type { Principal } from '../auth/principal';
import type { Context } from '../context';
import { applyPermissions, compileRule, findUncovered, mergeRuleMaps, ruleFor } from './apply';
import { allow, and, canRead, canWrite, deny, hasRole, isAuthenticated, isSelf, not, or, rule, RuleMap, ShieldRule } from './rules';

const ROLES = ['ADMIN', 'SALES_MANAGER', 'SALES_REP', 'ACCOUNTANT', 'DISPATCHER', 'TECHNICIAN'];

function principal(role: string, extra: Partial<Principal> = {}): Principal {
  return { userId: 'u-1', name: 'Test', role, sessionId: 's-1', apiKeyId: null, apiKeyName: null, readOnly: false, expiresAt: null, ...extra };
}
const ctxOf = (p: Principal | null) => ({ principal: p }) as unknown as Context;
const fieldsOf = (schema: GraphQLSchema, type: string) => assertObjectType(schema.getType(type)).getFields();

describe('the built schema is fully covered by rules', () => {
  const bare = buildBareSchema();
  const rules = mergeRuleMaps(permissionMaps());

  it('has a rule for every field of every object type', () => {
    expect(findUncovered(bare, rules)).toEqual([]);
  });

  it('walks the real schema (not an empty one)', () => {
    // Guards the walk above against passing vacuously on a schema without the app's types.
    const names = Object.values(bare.getTypeMap())
      .filter(isObjectType)
      .map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['Query', 'Mutation', 'Subscription', 'User', 'Account', 'Contact', 'Deal', 'Interaction', 'AccountConnection', 'PageInfo']),
    );
    expect(Object.keys(bare.getQueryType()!.getFields()).length).toBeGreaterThan(10);
  });

  it('gives root fields their own rule (no type-wide "*" on Query, Mutation or Subscription)', () => {
    for (const root of ['Query', 'Mutation', 'Subscription']) expect(rules[root]['*']).toBeUndefined();
  });
});

describe('a field added without a rule fails the walk', () => {
  const rules = mergeRuleMaps(permissionMaps());
  const extend = (sdl: string): GraphQLSchema => extendSchema(buildBareSchema(), parse(sdl));

  it('reports a new root query and mutation field', () => {
    const schema = extend(`
      extend type Query { secretReport: String }
      extend type Mutation { wipeEverything: Boolean }
    `);
    expect(findUncovered(schema, rules)).toEqual(['Query.secretReport', 'Mutation.wipeEverything']);
  });

  it('reports every field of a new object type', () => {
    const schema = extend(`
      type Shipment { id: ID! weight: String }
      extend type Query { shipment: Shipment }
    `);
    expect(findUncovered(schema, rules).sort()).toEqual(['Query.shipment', 'Shipment.id', 'Shipment.weight']);
  });

  it('lets a type-wide "*" rule cover a new field of its type (the rule then guards it)', () => {
    const schema = extend(`extend type Account { internalNotes: String }`);
    expect(findUncovered(schema, rules)).toEqual([]);
    expect(ruleFor(rules, 'Account', 'internalNotes')).toBe(rules.Account['*']);
  });

  it('reports a field once its type loses its rules', () => {
    const { Interaction: _dropped, ...rest } = rules;
    expect(findUncovered(buildBareSchema(), rest)).toEqual(expect.arrayContaining(['Interaction.id', 'Interaction.subject', 'Interaction.owner']));
  });

  it('refuses a rule map that defines a field twice', () => {
    const a: RuleMap = { Query: { me: isAuthenticated } };
    const b: RuleMap = { Query: { me: allow } };
    expect(() => mergeRuleMaps([a, b])).toThrow('Query.me is defined twice');
  });
});

describe('applyPermissions: deny by default at run time', () => {
  const SDL = `
    type Query { open: String guarded: String asyncGuarded: String unruled: String thing: Thing }
    type Thing { id: ID! secret: String }
  `;
  const asyncFalse = rule('asyncFalse', { cache: 'no_cache' })(async () => false);

  function build(rules: RuleMap) {
    const schema = buildSchema(SDL);
    const q = schema.getQueryType()!.getFields();
    q.open.resolve = () => 'open';
    q.guarded.resolve = () => 'guarded';
    q.asyncGuarded.resolve = () => 'asyncGuarded';
    q.unruled.resolve = () => 'unruled';
    q.thing.resolve = () => ({ id: 't-1', secret: 's3cret' });
    const before = { open: q.open.resolve, guarded: q.guarded.resolve, thingId: fieldsOf(schema, 'Thing').id.resolve };
    return { schema: applyPermissions(schema, rules), before };
  }
  const rules: RuleMap = {
    Query: { open: allow, guarded: isAuthenticated, asyncGuarded: asyncFalse, thing: allow },
    Thing: { '*': allow, secret: hasRole('ADMIN') },
  };
  const run = (schema: GraphQLSchema, source: string, p: Principal | null) => graphql({ schema, source, contextValue: ctxOf(p) });
  const codes = (res: Awaited<ReturnType<typeof run>>) => (res.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]);

  it('refuses a field with no rule: UNAUTHENTICATED when anonymous, FORBIDDEN when signed in', async () => {
    const { schema } = build(rules);
    const anon = await run(schema, '{ unruled open }', null);
    expect(anon.data).toEqual({ unruled: null, open: 'open' });
    expect(codes(anon)).toEqual([['unruled', 'UNAUTHENTICATED']]);
    const signedIn = await run(schema, '{ unruled open }', principal('ADMIN'));
    expect(signedIn.data).toEqual({ unruled: null, open: 'open' });
    expect(codes(signedIn)).toEqual([['unruled', 'FORBIDDEN']]);
  });

  it('refuses a type with no rules at all, field by field', async () => {
    const { schema } = build({ Query: { thing: allow } });
    const res = await run(schema, '{ thing { id secret } }', principal('ADMIN'));
    expect(res.data).toEqual({ thing: null });
    expect(codes(res)[0]).toEqual(['thing.id', 'FORBIDDEN']);
  });

  it('runs a guarded field once its rule passes, and refuses it otherwise', async () => {
    const { schema } = build(rules);
    expect((await run(schema, '{ guarded }', principal('SALES_REP'))).data).toEqual({ guarded: 'guarded' });
    expect(codes(await run(schema, '{ guarded }', null))).toEqual([['guarded', 'UNAUTHENTICATED']]);
  });

  it('refuses when an asynchronous rule says no', async () => {
    const { schema } = build(rules);
    const res = await run(schema, '{ asyncGuarded }', principal('ADMIN'));
    expect(res.data).toEqual({ asyncGuarded: null });
    expect(codes(res)).toEqual([['asyncGuarded', 'FORBIDDEN']]);
  });

  it('lets a field rule override its type-wide rule; the rest of the response still arrives', async () => {
    const { schema } = build(rules);
    const rep = await run(schema, '{ thing { id secret } }', principal('SALES_REP'));
    expect(rep.data).toEqual({ thing: { id: 't-1', secret: null } });
    expect(codes(rep)).toEqual([['thing.secret', 'FORBIDDEN']]);
    expect((await run(schema, '{ thing { id secret } }', principal('ADMIN'))).data).toEqual({ thing: { id: 't-1', secret: 's3cret' } });
  });

  it('leaves fields whose rule is allow unwrapped, so only the others pay at run time', () => {
    const { schema, before } = build(rules);
    const q = schema.getQueryType()!.getFields();
    expect(q.open.resolve).toBe(before.open);
    expect(q.guarded.resolve).not.toBe(before.guarded);
    const thing = fieldsOf(schema, 'Thing');
    expect(thing.id.resolve).toBe(before.thingId); // '*': allow — still graphql's default resolver (undefined)
    expect(thing.secret.resolve).toEqual(expect.any(Function));
  });

  it('leaves the real schema’s allow fields unwrapped too, and checks contextual type rules where objects enter', () => {
    const schema = buildBareSchema();
    const fields = (type: string) => fieldsOf(schema, type);
    const before = {
      login: fields('Mutation').login.resolve,
      me: fields('Query').me.resolve,
      cursor: fields('AccountEdge').cursor.resolve,
      node: fields('AccountEdge').node.resolve,
      name: fields('Account').name.resolve,
      creditLimit: fields('Account').creditLimit.resolve,
    };
    applyPermissions(schema, mergeRuleMaps(permissionMaps()));
    expect(fields('Mutation').login.resolve).toBe(before.login);
    expect(fields('AccountEdge').cursor.resolve).toBe(before.cursor);
    expect(fields('Query').me.resolve).not.toBe(before.me);
    // Account's "*" rule only reads the context: checked once per AccountEdge.node, not per field.
    expect(fields('AccountEdge').node.resolve).not.toBe(before.node);
    expect(fields('Account').name.resolve).toBe(before.name);
    expect(fields('Account').creditLimit.resolve).not.toBe(before.creditLimit); // its own rule stays
  });
});

describe('contextual type rules are checked where objects enter the response', () => {
  const sdl = `
    type Query { secrets: [Secret!]!, either(open: Boolean!): Either, openOnes: [Open!]! }
    type Secret { id: ID!, code: String }
    type Open { id: ID! }
    union Either = Secret | Open`;
  const map: RuleMap = {
    Query: { '*': allow },
    Secret: { '*': hasRole('ADMIN'), code: hasRole('ADMIN') },
    Open: { '*': isAuthenticated },
  };
  const schema = applyPermissions(buildSchema(sdl), map);
  assertObjectType(schema.getType('Secret')).isTypeOf = (v) => (v as { kind?: string }).kind === 'secret';
  const root = {
    secrets: () => [{ id: '1', code: 'x', kind: 'secret' }],
    either: ({ open }: { open: boolean }) => (open ? { id: '2', kind: 'open' } : { id: '3', kind: 'secret' }),
    openOnes: () => [{ id: '4', kind: 'open' }],
  };
  const union = schema.getType('Either') as unknown as { resolveType: (v: { kind: string }) => string };
  union.resolveType = (v) => (v.kind === 'secret' ? 'Secret' : 'Open');
  const run = (query: string, role: string | null) => graphql({ schema, source: query, rootValue: root, contextValue: ctxOf(role ? principal(role) : null) });

  it('refuses the returning field, not each field of each object', async () => {
    const denied = await run('{ secrets { id code } }', 'SALES_REP');
    expect(denied.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['secrets'], 'FORBIDDEN']]);
    const allowed = await run('{ secrets { id code } }', 'ADMIN');
    expect(allowed.data).toEqual({ secrets: [{ id: '1', code: 'x' }] });
  });

  it('checks a union value by its concrete type', async () => {
    expect((await run('{ either(open: true) { ... on Open { id } } }', 'SALES_REP')).data).toEqual({ either: { id: '2' } });
    const secret = await run('{ either(open: false) { ... on Secret { id } } }', 'SALES_REP');
    expect(secret.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(secret.data).toEqual({ either: null });
    expect((await run('{ openOnes { id } }', null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('compileRule stays synchronous for rules that only read the context', () => {
  const admin = ctxOf(principal('ADMIN'));
  const rep = ctxOf(principal('SALES_REP'));

  it.each<[string, ShieldRule, Context, boolean]>([
    ['allow', allow, rep, true],
    ['deny', deny, admin, false],
    ['isAuthenticated', isAuthenticated, rep, true],
    ['isAuthenticated (anonymous)', isAuthenticated, ctxOf(null), false],
    ['hasRole', hasRole('ADMIN'), rep, false],
    ['canRead (and)', canRead('ADMIN', 'SALES_REP'), rep, true],
    ['canWrite (read-only key)', canWrite('SALES_REP'), ctxOf(principal('SALES_REP', { readOnly: true })), false],
    ['or(isSelf, hasRole)', or(isSelf, hasRole('ADMIN')), admin, true],
    ['not', not(hasRole('ADMIN')), admin, false],
  ])('%s returns a boolean, not a promise', (_name, r, ctx, expected) => {
    const v = compileRule(r)({ id: 'other' }, {}, ctx, undefined);
    expect(v).toBe(expected);
  });

  it('compiles every rule of the app’s rule maps to a synchronous verdict for every role', () => {
    const rules = mergeRuleMaps(permissionMaps());
    let checked = 0;
    for (const [type, fields] of Object.entries(rules)) {
      for (const [field, r] of Object.entries(fields)) {
        const check = compileRule(r);
        for (const ctx of [ctxOf(null), ...ROLES.map((role) => ctxOf(principal(role)))]) {
          const v = check({ id: 'u-1' }, {}, ctx, undefined);
          if (typeof v !== 'boolean') throw new Error(`${type}.${field} compiled to a ${typeof v}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('returns a promise only when a rule in the tree is asynchronous', async () => {
    const slow = rule('slow', { cache: 'no_cache' })(async () => true);
    const v = compileRule(and(isAuthenticated, slow))(undefined, {}, admin, undefined);
    expect(v).toBeInstanceOf(Promise);
    expect(await v).toBe(true);
    // A synchronous "no" short-circuits before the asynchronous rule runs.
    expect(compileRule(and(hasRole('ACCOUNTANT'), slow))(undefined, {}, admin, undefined)).toBe(false);
  });
});
