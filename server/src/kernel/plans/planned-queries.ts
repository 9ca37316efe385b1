import type { IncomingMessage } from 'node:http';
import { DocumentNode, getVariableValues, GraphQLSchema, parse, specifiedRules, validate, ValidationRule } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import { bearer } from '../auth/bearer';
import type { Context } from '../context';
import { preparedRead, reader } from '../data/reader';
import { logger } from '../logger';
import { verdictFromContext } from '../permissions/apply';
import { compilePlan, type Plan } from './plan';
import { NotPlannable, planData } from './plan-output';
import { planStatement } from './plan-sql';

export interface PlannedQueriesOptions {
  schema: GraphQLSchema;
  ds: DataSource;
  validationRules: ValidationRule[];
  authenticate(token: string): Promise<Principal | null>;
  /** How a session's principal is re-checked in SQL (see sessionFingerprint in the module that owns sessions). */
  session: { secretHash(token: string): string | null; sql(hashParam: string): string; of(p: Principal): unknown[] };
  context(req: IncomingMessage, requestId: string, principal: Principal, token: string): Context;
}

/** What a planned attempt ends with: the response's text, or nothing (and the principal, when it was looked up). */
export type PlannedOutcome = { text: string } | { text?: undefined; principal?: Principal | null };

export interface PlannedQueries {
  /** Answers the request if a plan covers it (the front door in planned-http.ts calls it before Express). */
  attempt(r: PlannedRequest): Promise<PlannedOutcome>;
}

export interface PlannedRequest {
  req: IncomingMessage;
  requestId: string;
  body: { query?: unknown; operationName?: unknown; variables?: unknown; extensions?: unknown } | undefined;
  /** The document the request checks parsed, if any. */
  document?: DocumentNode;
}

// Documents are few and sent again and again: each is validated and planned once (bounded, most
// recently used kept).
const CACHED_PLANS = 1000;
const PREPARED_PLANS = 500;
// Sessions whose principal is remembered for re-checking in a plan's statement (most recent kept).
const REMEMBERED_SESSIONS = 10_000;

// A plan's SQL differs only by role and arguments' shapes: the texts seen are prepared by name
// (parsed and planned once per connection), up to a bound. One name per text in the process, as
// connections of a pool may serve any API instance in it.
const names = new Map<string, string>();
function statementName(text: string): string | undefined {
  let n = names.get(text);
  if (!n && names.size < PREPARED_PLANS) names.set(text, (n = `converge_plan_${names.size + 1}`));
  return n;
}

/**
 * Answers the queries a plan covers — lists, lookups and references of the record kit, and
 * context roots such as `me` — with one SQL statement and no per-field execution. It runs after
 * the request checks and before Express and Apollo; whatever it does not answer (a document it
 * cannot plan, a refused rule, a bad argument, an unexpected value) goes on to Apollo untouched,
 * which then answers or reports the error exactly as it always has. The signed-in principal is
 * passed on so that path does not look it up again.
 */
export function plannedQueries(opts: PlannedQueriesOptions): PlannedQueries {
  const plans = new Map<string, Plan | null>();

  const rules = [...specifiedRules, ...opts.validationRules];

  const planFor = (query: string, operationName: string | undefined, parsed: DocumentNode | undefined): Plan | null => {
    const key = `${operationName ?? ''}\u0000${query}`;
    const hit = plans.get(key);
    if (hit !== undefined) {
      plans.delete(key);
      plans.set(key, hit);
      return hit;
    }
    let plan: Plan | null = null;
    try {
      const document = parsed ?? parse(query);
      if (!validate(opts.schema, document, rules).length) plan = compilePlan(opts.schema, opts.ds, document, operationName);
    } catch (err) {
      logger.warn({ err }, 'query plan not compiled');
      plan = null;
    }
    if (plans.size >= CACHED_PLANS) plans.delete(plans.keys().next().value!);
    plans.set(key, plan);
    return plan;
  };

  const principals = new Map<string, { principal: Principal; fingerprint: string }>();
  const remember = (hash: string, principal: Principal) => {
    if (principals.size >= REMEMBERED_SESSIONS) principals.delete(principals.keys().next().value!);
    principals.set(hash, { principal, fingerprint: JSON.stringify(opts.session.of(principal)) });
  };

  type Answer = { data: Record<string, unknown>; ctx: Context } | null;

  /** Runs the plan as `principal`; with `recheck`, only if the session still matches it in the statement's snapshot. */
  const run = async (
    plan: Plan,
    r: PlannedRequest,
    principal: Principal,
    token: string,
    variables: Record<string, unknown>,
    recheck?: { hash: string; fingerprint: string },
  ): Promise<Answer | 'stale'> => {
    const ctx = opts.context(r.req, r.requestId, principal, token);
    // A rule the context does not decide (it reads the object) leaves the request to graphql-js.
    for (const rule of plan.rules) if (verdictFromContext(rule, ctx) !== true) return null;
    const statement = planStatement(plan, ctx, variables, recheck && { sql: opts.session.sql, value: recheck.hash });
    let row: { data: unknown[]; session?: unknown } | null = null;
    if (statement) {
      const name = statementName(statement.text);
      [row] = name ? await preparedRead(opts.ds, name, statement.text, statement.values) : await reader(opts.ds).query(statement.text, statement.values);
    }
    if (recheck && JSON.stringify(row?.session ?? null) !== recheck.fingerprint) return 'stale';
    return { data: planData(plan, ctx, row ? row.data : null, statement?.pages ?? new Map()), ctx };
  };

  const answer = async (plan: Plan, r: PlannedRequest, token: string, variables: Record<string, unknown>): Promise<PlannedOutcome> => {
    const started = process.hrtime.bigint();
    const coerced = getVariableValues(opts.schema, plan.variables, variables, { maxErrors: 50 });
    if (coerced.errors) return {};
    // A session seen before is re-checked inside the plan's own statement (one statement instead
    // of two); if it was revoked, expired or its user changed, the answer is dropped and the
    // session looked up again.
    const hash = plan.sql ? opts.session.secretHash(token) : null;
    const known = hash ? principals.get(hash) : undefined;
    let answered: Answer | 'stale' = 'stale';
    if (hash && known) {
      answered = await run(plan, r, known.principal, token, coerced.coerced, { hash, fingerprint: known.fingerprint });
      if (answered === 'stale') principals.delete(hash);
    }
    let principal = known?.principal;
    if (answered === 'stale') {
      const found = await opts.authenticate(token);
      if (!found) return { principal: null }; // looked up once, whichever path answers
      principal = found;
      if (hash) remember(hash, principal);
      answered = await run(plan, r, principal, token, coerced.coerced);
      if (!answered || answered === 'stale') return { principal };
    }
    if (!answered) return {};
    const { data, ctx } = answered;
    const text = JSON.stringify({ data }) + '\n';
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logger.info(
      { requestId: ctx.requestId, operationName: plan.operation.name?.value, durationMs: Math.round(ms * 10) / 10, errors: 0, userId: principal!.userId },
      'graphql',
    );
    return { text };
  };

  /**
   * Answers the request if a plan covers it; otherwise (or on any error, which the regular path
   * then reports as it always has) says so, with the principal if it was looked up.
   */
  const attempt = async (r: PlannedRequest): Promise<PlannedOutcome> => {
    const { body } = r;
    if (!body || typeof body.query !== 'string' || body.extensions != null) return {};
    const { operationName, variables } = body;
    if (operationName != null && typeof operationName !== 'string') return {};
    if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return {};
    const token = bearer(r.req.headers.authorization);
    if (!token) return {};
    const plan = planFor(body.query, operationName ?? undefined, r.document);
    if (!plan) return {};
    try {
      return await answer(plan, r, token, (variables ?? {}) as Record<string, unknown>);
    } catch (err) {
      // Bad arguments and unexpected values are reported by the regular path, the same way as always.
      if (!(err instanceof NotPlannable)) logger.debug({ err }, 'planned query handed to graphql-js');
      return {};
    }
  };

  return { attempt };
}
