import fc from 'fast-check';
import {
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLOutputType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  OperationTypeNode,
} from 'graphql';
import type { Client as WsClient } from 'graphql-ws';
import { buildBareSchema } from '../../schema';
import { PUBLIC_CODES } from '../errors/errors';
import { LIMITS } from './limits';
import { Client, gql, GqlResponse } from '../../../test/client';
import { createAccount, createApiKeyRow, createContact, createDeal, createInteraction, createSession, createUser, UserRow } from '../../../test/factories';
import { startTestServer, TestServer } from '../../../test/server';
import { connectedSocket, createOwnAccount, disposeSockets, Subscription, useWsServer } from '../../../test/ws';

// Every root field of the schema, sent malformed and odd variables: wrong types, missing and null
// values, huge strings and numbers, deep nesting, empty values, NUL characters, bad ids and enums,
// unknown fields, long lists. Whatever comes back must be a coded client error (or data), never
// HTTP 500 or INTERNAL_SERVER_ERROR. The cases come from a seeded generator: a failure names the
// operation, the variables and the seed, and reproduces. FUZZ_SEED and FUZZ_RUNS (cases per field
// as ADMIN) explore further.
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const ADMIN_RUNS = Number(process.env.FUZZ_RUNS ?? 24);
const RUNS = { ADMIN: ADMIN_RUNS, SALES_REP: Math.ceil(ADMIN_RUNS / 6), anonymous: Math.ceil(ADMIN_RUNS / 6) } as const;
const SUBSCRIPTION_RUNS = 8;

const schema = buildBareSchema();
const rootFields = (kind: OperationTypeNode) => {
  const root = kind === 'query' ? schema.getQueryType() : kind === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  return Object.values(root?.getFields() ?? {}).map((field) => [kind, field] as const);
};

let server: TestServer;
let admin: UserRow;
let rep: UserRow;
/** Ids of records that exist, so that some cases get past "not found" into the writes. */
const knownIds: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  useWsServer(server);
  admin = await createUser(server.ds, { role: 'ADMIN' });
  rep = await createUser(server.ds, { role: 'SALES_REP' });
  const other = await createUser(server.ds, { role: 'SALES_REP' });
  const account = await createAccount(server.ds, rep.id);
  const contact = await createContact(server.ds, rep.id, { accountId: account.id });
  const deal = await createDeal(server.ds, rep.id, { accountId: account.id });
  const interaction = await createInteraction(server.ds, rep.id, { dealId: deal.id });
  const key = await createApiKeyRow(server.ds, other.id);
  knownIds.push(other.id, account.id, contact.id, deal.id, interaction.id, key.id);
});
afterAll(async () => {
  await disposeSockets();
  await server.stop();
});

// ---- values ----------------------------------------------------------------------------------

const HUGE = 'x'.repeat(20_000);
const nested = (depth: number, wrap: (v: unknown) => unknown): unknown => (depth ? wrap(nested(depth - 1, wrap)) : 'x');

/** Values of no particular type: each is wrong somewhere. */
const odd = (): fc.Arbitrary<unknown> =>
  fc.constantFrom<unknown>(
    null,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    HUGE,
    'not-a-uuid',
    'NOPE',
    '00000000-0000-0000-0000-000000000000',
    0,
    -1,
    1.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    1e308,
    -1e308,
    true,
    false,
    {},
    [],
    [[]],
    { unknownField: 1 },
    nested(40, (v) => [v]),
    nested(40, (v) => ({ a: v })),
    Array(200).fill('x'),
    Array(200).fill({}),
    Array(200).fill(null),
  );

/** Values of the scalar's type (odd ones favoured); when not `strict`, also strings it refuses. */
function scalarValues(name: string, strict: boolean): fc.Arbitrary<unknown> {
  const dates = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true });
  const or = (valid: fc.Arbitrary<unknown>, invalid: unknown[]) => (strict ? valid : fc.oneof(valid, fc.constantFrom(...invalid)));
  switch (name) {
    case 'String':
      return fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('', '   ', HUGE, 'ünïcødé ✓ 😀', "' OR 1=1 --", '%_\\', 'a@b.co', '+14155550123'));
    case 'ID':
      return fc.oneof(fc.uuid(), fc.constantFrom(...knownIds), fc.constantFrom('', 'not-a-uuid', '1', '00000000-0000-0000-0000-000000000000', 'x'.repeat(300)));
    case 'Int':
      return fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(0, -1, 1, 100, 101, 2 ** 31 - 1, -(2 ** 31)));
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0.5, 1e308, -1e308, 5e-324));
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return or(
        dates.map((d) => d.toISOString()),
        ['2024-02-30T00:00:00Z', '0000-01-01T00:00:00Z', '2024-01-01', 'yesterday', ''],
      );
    case 'LocalDate':
    case 'Date':
      return or(
        dates.map((d) => d.toISOString().slice(0, 10)),
        ['2024-02-30', '0000-01-01', '2024-13-01', ''],
      );
    case 'Money':
      return or(fc.oneof(fc.integer().map(String), fc.constantFrom('0', '-1', '0.01', '-0.00', '99999999999999.99')), [
        '0.001',
        '1e10',
        '99999999999999999999.99',
        'NaN',
        '',
        '1,000',
      ]);
    case 'JSON':
      return fc.jsonValue({ maxDepth: 3 });
    case 'JSONObject':
      return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 });
    default:
      return fc.oneof(fc.string({ maxLength: 30 }), fc.integer());
  }
}

/**
 * A value for an input type. Well-typed values (odd content, so resolvers and services run on it)
 * or, when `strict` is off, sometimes values of the wrong shape at any level.
 */
function valueFor(type: GraphQLInputType, strict: boolean, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    const value = present(type.ofType, strict, depth);
    return strict ? value : fc.oneof({ weight: 12, arbitrary: value }, { weight: 1, arbitrary: odd() });
  }
  const value = present(type, strict, depth);
  if (strict) return fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  return fc.oneof({ weight: 8, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: odd() });
}

/** A non-null value of a nullable type. */
function present(type: GraphQLInputType, strict: boolean, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valueFor(type.ofType, strict, depth + 1);
    return fc.oneof({ weight: 8, arbitrary: fc.array(item, { maxLength: 3 }) }, { weight: 1, arbitrary: item.map((v) => Array(200).fill(v)) });
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    // Filters nest (and/or/not): past a few levels only what is required.
    for (const f of fields) if (depth < 3 || isNonNullType(f.type)) model[f.name] = valueFor(f.type, strict, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => f.name);
    const record = fc.record(model, { requiredKeys: required.filter((r) => r in model) });
    return strict
      ? record
      : record.chain((v) => fc.oneof({ weight: 10, arbitrary: fc.constant(v) }, { weight: 1, arbitrary: fc.constant({ ...v, unknownField: 'x' }) }));
  }
  if (isEnumType(type)) {
    const values = fc.constantFrom(...type.getValues().map((v) => v.name));
    return strict ? values : fc.oneof(values, fc.constantFrom('NOPE', '', 'account'));
  }
  return isNonNullType(type) ? present(type.ofType, strict, depth) : scalarValues(type.name, strict);
}

const MISSING = Symbol('missing');

/**
 * Variable sets for a field's arguments: well-typed ones, and ones with wrong shapes anywhere,
 * required arguments missing or unknown ones added.
 */
function variablesFor(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
  const typed: Record<string, fc.Arbitrary<unknown>> = {};
  const loose: Record<string, fc.Arbitrary<unknown>> = {};
  for (const arg of field.args) {
    const optional = !isNonNullType(arg.type) || arg.defaultValue !== undefined;
    typed[arg.name] = optional ? fc.oneof(valueFor(arg.type, true), fc.constant(MISSING)) : valueFor(arg.type, true);
    loose[arg.name] = fc.oneof({ weight: 15, arbitrary: valueFor(arg.type, false) }, { weight: 1, arbitrary: fc.constant(MISSING) });
  }
  const present = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== MISSING));
  return fc.oneof(
    { weight: 3, arbitrary: fc.record(typed).map(present) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.record(loose), fc.integer({ min: 0, max: 4 }))
        .map(([values, extra]) => (extra ? present(values) : { ...present(values), notAnArgument: 'x' })),
    },
  );
}

// ---- operations ------------------------------------------------------------------------------

/** `__typename` and the leaf fields of what the field returns (the fields' own arguments left out). */
function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const leaves =
    isObjectType(named) || isInterfaceType(named)
      ? Object.values(named.getFields())
          .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
          .map((f) => f.name)
      : [];
  return ` { __typename ${leaves.join(' ')} }`;
}

function operationFor(kind: OperationTypeNode, field: GraphQLField<unknown, unknown>): string {
  const vars = field.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind} Fuzz${vars ? `(${vars})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionFor(field.type)} }`;
}

/** A stable seed per field, so each field's cases do not depend on which other fields exist. */
function seedFor(name: string): number {
  let h = SEED;
  for (const ch of name) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

// ---- checking --------------------------------------------------------------------------------

/** What is wrong with a response, or null: only coded client errors (or data) may come back. */
function problemWith(res: Pick<GqlResponse, 'errors'> & { status?: number }): string | null {
  if (res.status !== undefined && res.status >= 500) return `HTTP ${res.status}`;
  for (const e of res.errors ?? []) {
    const code = e.extensions?.code;
    if (code === 'INTERNAL_SERVER_ERROR') return `INTERNAL_SERVER_ERROR: ${e.message}`;
    if (!PUBLIC_CODES.has(code)) return `error without a client code (${String(code)}): ${e.message}`;
  }
  return null;
}

/** Variables as they can be printed: long strings and lists shortened. */
const printable = (v: unknown) =>
  JSON.parse(
    JSON.stringify(v, (_k, x) =>
      typeof x === 'string' && x.length > 60
        ? `${x.slice(0, 20)}…(${x.length} chars)`
        : Array.isArray(x) && x.length > 5
          ? [...x.slice(0, 3), `…(${x.length} items)`]
          : x,
    ),
  );

interface Failure {
  field: string;
  as: string;
  seed: number;
  case: number;
  operation: string;
  variables: unknown;
  problem: string;
  errors: unknown;
}

async function fuzzOverHttp(kind: OperationTypeNode, field: GraphQLField<unknown, unknown>, as: keyof typeof RUNS, token: string | null): Promise<Failure[]> {
  const name = `${kind}.${field.name}`;
  const seed = seedFor(`${name}:${as}`);
  const operation = operationFor(kind, field);
  const cases = fc.sample(variablesFor(field), { seed, numRuns: RUNS[as] });
  const failures: Failure[] = [];
  // A few at a time: the server takes them concurrently, as it would from many clients.
  for (let i = 0; i < cases.length; i += 4) {
    await Promise.all(
      cases.slice(i, i + 4).map(async (variables, j) => {
        const res = await gql(server.url, operation, variables, token);
        const problem = problemWith(res);
        if (problem) failures.push({ field: name, as, seed, case: i + j, operation, variables: printable(variables), problem, errors: res.errors });
      }),
    );
  }
  return failures;
}

describe.each([...rootFields(OperationTypeNode.QUERY), ...rootFields(OperationTypeNode.MUTATION)])('%s', (kind, field) => {
  it(`${field.name}: malformed variables get coded client errors, as ADMIN, SALES_REP and anonymously`, async () => {
    // A session per field: `logout` ends the one it runs with.
    const failures = [
      ...(await fuzzOverHttp(kind, field, 'ADMIN', await createSession(server.ds, admin.id))),
      ...(await fuzzOverHttp(kind, field, 'SALES_REP', await createSession(server.ds, rep.id))),
      ...(await fuzzOverHttp(kind, field, 'anonymous', null)),
    ];
    expect(failures.slice(0, 3)).toEqual([]);
  });
});

describe.each(rootFields(OperationTypeNode.SUBSCRIPTION))('%s', (kind, field) => {
  it(`${field.name}: malformed variables over graphql-ws get coded client errors, at subscribe and at delivery`, async () => {
    const token = await createSession(server.ds, admin.id);
    const writer = new Client(server.url, token, { ...admin });
    const client: WsClient = await connectedSocket(token);
    const seed = seedFor(`${kind}.${field.name}`);
    const operation = operationFor(kind, field);
    // A message over the size limit closes the socket (tested elsewhere): those cases stay out.
    const cases = fc
      .sample(variablesFor(field), { seed, numRuns: 3 * SUBSCRIPTION_RUNS })
      .filter((variables) => JSON.stringify({ query: operation, variables }).length < LIMITS.bodyBytes / 2)
      .slice(0, SUBSCRIPTION_RUNS);
    const outcomes = cases.map((variables) => {
      const outcome: { errors: { message: string; extensions?: Record<string, unknown> }[]; variables: unknown } = { errors: [], variables };
      client.subscribe(
        { query: operation, variables },
        {
          next: (r) => {
            outcome.errors.push(...((r.errors ?? []) as typeof outcome.errors));
          },
          error: (e) => {
            outcome.errors.push(...(Array.isArray(e) ? e : [{ message: `socket closed: ${JSON.stringify(e, ['code', 'reason'])}` }]));
          },
          complete: () => undefined,
        },
      );
      return outcome;
    });
    // Subscribed after the fuzzed ones on the same socket: once it has delivered two writes, the
    // fuzzed subscriptions have been set up and have filtered those writes.
    const control = new Subscription(client);
    for (let delivered = 0, attempt = 0; delivered < 2; attempt++) {
      if (attempt > 20) throw new Error('the control subscription never delivered');
      const probe = await createOwnAccount(writer);
      try {
        while ((await control.next(250 * (attempt + 1))).entityId !== probe);
        delivered++;
      } catch (err) {
        if (control.failure) throw err;
      }
    }
    const failures = outcomes.flatMap((o, i) => {
      const problem = problemWith(o);
      return problem ? [{ field: `${kind}.${field.name}`, seed, case: i, operation, variables: printable(o.variables), problem, errors: o.errors }] : [];
    });
    expect(failures.slice(0, 3)).toEqual([]);
  });
});
