import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError, GraphQLSchema, NoSchemaIntrospectionCustomRule, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import { bearer } from '../auth/bearer';
import type { LoginLimiter } from '../auth/login-limiter';
import type { Principal } from '../auth/principal';
import type { Context } from '../context';
import { formatError } from '../errors/format-error';
import { Loaders } from '../loaders/loaders';
import { logger } from '../logger';
import { LIMITS, validationRules } from './limits';
import { checkRequestInput } from './input-guard';
import { AppError } from '../errors/errors';

/** How often open sockets re-check their token (revoked, expired, user deactivated or role changed). */
export const SOCKET_RECHECK_MS = 5_000;

interface Options {
  server: http.Server;
  schema: GraphQLSchema;
  ds: DataSource;
  production: boolean;
  /** Resolves a bearer secret to its principal; null when invalid, expired or revoked. */
  authenticate(token: string): Promise<Principal | null>;
  loginLimiter?: LoginLimiter;
}

/**
 * graphql-ws on /graphql: authenticated at connect (no or bad token → close 4403), with the same
 * validation limits as HTTP, errors through the one formatError, and sockets that follow their
 * session while open.
 */
export function startSubscriptionServer(o: Options): { drain(): Promise<void>; close(): void; closeAll(code: number, reason: string): number } {
  // Messages obey the same size limit as HTTP bodies.
  const wss = new WebSocketServer({ server: o.server, path: '/graphql', maxPayload: LIMITS.bodyBytes });
  const sockets = new Map<{ close(code: number, reason: string): void }, Context>();
  const started = new Map<string, bigint>();
  // graphql-ws runs any operation, so it gets the same limits (and production introspection ban) as HTTP.
  const rules = [...specifiedRules, ...validationRules(), ...(o.production ? [NoSchemaIntrospectionCustomRule] : [])];

  const server = useServer<Record<string, unknown>, { context?: Context }>(
    {
      schema: o.schema,
      validate: (schema, document) =>
        validate(schema, document, rules).map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } })),
      onConnect: async (wsCtx) => {
        const params = wsCtx.connectionParams ?? {};
        const token = bearer(params.Authorization ?? params.authorization) ?? (typeof params.token === 'string' ? params.token : null);
        const principal = token ? await o.authenticate(token) : null;
        if (!principal) return false; // graphql-ws closes with 4403 Forbidden
        const context: Context = { requestId: randomUUID(), ip: String(wsCtx.extra.request.socket.remoteAddress ?? ''), principal, ds: o.ds, loaders: new Loaders(), token, loginLimiter: o.loginLimiter };
        wsCtx.extra.context = context;
        sockets.set(wsCtx.extra.socket, context);
        return true;
      },
      onClose: (wsCtx) => {
        sockets.delete(wsCtx.extra.socket);
        const prefix = `${wsCtx.extra.context?.requestId}:`;
        for (const key of started.keys()) if (key.startsWith(prefix)) started.delete(key);
      },
      // One log line per operation, as for HTTP (for a subscription: when it ends).
      onComplete: (wsCtx, id, payload) => {
        const key = `${wsCtx.extra.context?.requestId}:${id}`;
        const t = started.get(key);
        started.delete(key);
        const ms = t === undefined ? undefined : Math.round(Number(process.hrtime.bigint() - t) / 1e5) / 10;
        logger.info({ requestId: wsCtx.extra.context?.requestId, operationName: payload.operationName ?? null, durationMs: ms, userId: wsCtx.extra.context?.principal?.userId, transport: 'ws' }, 'graphql');
      },
      onSubscribe: (wsCtx, id, payload) => {
        started.set(`${wsCtx.extra.context?.requestId}:${id}`, process.hrtime.bigint());
        try {
          checkRequestInput(payload.query, payload.variables);
        } catch (err) {
          return [err as AppError];
        }
        return undefined;
      },
      // Each operation gets its own loaders and request id; the principal is read through to the
      // connection's context, so a re-checked principal (role, scope) applies at once.
      context: (wsCtx) => {
        const connection = wsCtx.extra.context as Context;
        return Object.assign(Object.create(connection) as Context, { loaders: new Loaders(), requestId: randomUUID() });
      },
      onNext: (wsCtx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, wsCtx.extra.context?.requestId)) } : undefined,
      onError: (wsCtx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e, wsCtx.extra.context?.requestId)),
    },
    wss,
  );

  // Sessions end while sockets stay open: close a socket (4403) once its token is revoked or
  // expired or its user deactivated; pick up role changes otherwise.
  const recheck = setInterval(async () => {
    for (const [socket, context] of sockets) {
      const principal = context.token ? await o.authenticate(context.token).catch(() => context.principal) : null;
      if (principal) context.principal = principal;
      else {
        sockets.delete(socket);
        socket.close(4403, 'Forbidden');
      }
    }
  }, SOCKET_RECHECK_MS);
  recheck.unref();

  return {
    /** Closes every open socket (e.g. 1012 when live delivery may have missed events); returns how many. */
    closeAll: (code, reason) => {
      let n = 0;
      for (const client of wss.clients) {
        client.close(code, reason);
        n++;
      }
      return n;
    },
    drain: async () => {
      clearInterval(recheck);
      await server.dispose();
    },
    close: () => {
      clearInterval(recheck);
      wss.close();
    },
  };
}
