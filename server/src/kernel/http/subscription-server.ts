import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { getOperationAST, GraphQLError, GraphQLSchema, NoSchemaIntrospectionCustomRule, specifiedRules, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { DataSource } from 'typeorm';
import { WebSocket, WebSocketServer } from 'ws';
import { bearer } from '../auth/bearer';
import type { LoginLimiter } from '../auth/login-limiter';
import type { Principal } from '../auth/principal';
import type { ClientAddress } from './client-address';
import type { Context } from '../context';
import { formatError } from '../errors/format-error';
import { Loaders } from '../loaders/loaders';
import { logger } from '../logger';
import { LIMITS, validationRules } from './limits';
import { checkRequestInput, parseQuery } from './input-guard';
import { AppError } from '../errors/errors';

/** How often open sockets re-check their token (revoked, expired, user deactivated or role changed). */
export const SOCKET_RECHECK_MS = 5_000;

/** Close code for a user's socket over the per-user limit (as HTTP 429). */
export const TOO_MANY_SOCKETS = 4429;

interface Options {
  server: http.Server;
  schema: GraphQLSchema;
  ds: DataSource;
  production: boolean;
  /** Resolves a bearer secret to its principal; null when invalid, expired or revoked. */
  authenticate(token: string): Promise<Principal | null>;
  /** Resolves many secrets at once (the periodic re-check): the principals of those still valid. */
  authenticateAll(tokens: string[]): Promise<Map<string, Principal>>;
  loginLimiter?: LoginLimiter;
  /** The client's address under the TRUST_PROXY rule, the same as for HTTP requests (logins run here too). */
  clientAddress: ClientAddress;
  /** Headers the upgrade response carries, as every HTTP response does (nosniff, HSTS). */
  headers?: [string, string][];
}

/** What one signed-in socket carries: its context, its live subscriptions and operation start times. */
type SocketState = {
  context?: Context;
  /** The user this socket counts for, until it closes. */
  userId?: string;
  live?: Set<string>;
  started?: Map<string, bigint>;
};

/**
 * graphql-ws on /graphql: authenticated at connect (no or bad token → close 4403), with the same
 * checks and validation limits as HTTP, errors through the one formatError, and sockets that
 * follow their session while open. A user holds at most LIMITS.socketsPerUser sockets on this
 * instance (more → close 4429) and a socket at most LIMITS.subscriptionsPerSocket live
 * subscriptions (more → RATE_LIMITED); queries and mutations over a socket end when answered and
 * do not count.
 */
export function startSubscriptionServer(o: Options): { drain(): Promise<void>; close(): void; closeAll(code: number, reason: string): number } {
  // Messages obey the same size limit as HTTP bodies.
  const wss = new WebSocketServer({ server: o.server, path: '/graphql', maxPayload: LIMITS.bodyBytes });
  wss.on('headers', (lines) => {
    for (const [name, value] of o.headers ?? []) lines.push(`${name}: ${value}`);
  });
  // A frame the client got wrong (too big, bad opcode, ...): ws has already closed the socket with
  // the right code (1009, 1002, ...). graphql-ws would report it on the console as an internal
  // error, so it stops here as a client fault in the log. Registered before graphql-ws's own handler.
  wss.on('connection', (socket) => {
    const emit = socket.emit.bind(socket);
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      const code = (args[0] as { code?: unknown } | undefined)?.code;
      if (event === 'error' && typeof code === 'string' && code.startsWith('WS_ERR_')) {
        logger.info({ code }, 'socket closed for a malformed or oversized frame');
        return true;
      }
      return emit(event, ...args);
    }) as typeof socket.emit;
  });
  const sockets = new Map<WebSocket, Context>();
  const socketsByUser = new Map<string, number>();
  // graphql-ws runs any operation, so it gets the same limits (and production introspection ban) as HTTP.
  const rules = [...specifiedRules, ...validationRules(), ...(o.production ? [NoSchemaIntrospectionCustomRule] : [])];
  const refused = (message: string, code: string, nodes?: GraphQLError['nodes']) => new GraphQLError(message, { nodes, extensions: { code } });

  const server = useServer<Record<string, unknown>, SocketState>(
    {
      schema: o.schema,
      onConnect: async (wsCtx) => {
        const params = wsCtx.connectionParams ?? {};
        const token = bearer(params.Authorization ?? params.authorization) ?? (typeof params.token === 'string' ? params.token : null);
        const principal = token ? await o.authenticate(token) : null;
        if (!principal) return false; // graphql-ws closes with 4403 Forbidden
        const { socket } = wsCtx.extra;
        if (socket.readyState !== WebSocket.OPEN) return false; // gone while authenticating: never counted
        const open = socketsByUser.get(principal.userId) ?? 0;
        if (open >= LIMITS.socketsPerUser) {
          // The first close wins: graphql-ws's own 4403 after `false` is ignored.
          socket.close(TOO_MANY_SOCKETS, `Too many connections: at most ${LIMITS.socketsPerUser} open sockets per user`);
          return false;
        }
        socketsByUser.set(principal.userId, open + 1);
        const context: Context = {
          requestId: randomUUID(),
          ip: o.clientAddress(wsCtx.extra.request),
          principal,
          ds: o.ds,
          loaders: new Loaders(),
          token,
          loginLimiter: o.loginLimiter,
        };
        Object.assign(wsCtx.extra, { context, userId: principal.userId, live: new Set<string>(), started: new Map<string, bigint>() });
        sockets.set(socket, context);
        return true;
      },
      onClose: (wsCtx) => {
        const { userId, socket } = wsCtx.extra;
        sockets.delete(socket);
        if (!userId) return;
        wsCtx.extra.userId = undefined; // counted once, released once
        const left = (socketsByUser.get(userId) ?? 1) - 1;
        if (left > 0) socketsByUser.set(userId, left);
        else socketsByUser.delete(userId);
      },
      // Parsed and validated here, so that a subscription is known as one before it starts.
      onSubscribe: (wsCtx, id, payload) => {
        const { live, started } = wsCtx.extra;
        let document;
        try {
          document = checkRequestInput(payload.query, payload.variables) ?? parseQuery(payload.query);
        } catch (err) {
          return [err as GraphQLError];
        }
        const errors = validate(o.schema, document, rules);
        if (errors.length) return errors.map((e) => refused(e.message, 'GRAPHQL_VALIDATION_FAILED', e.nodes));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) {
          return [
            refused(
              payload.operationName
                ? `Unknown operation named "${payload.operationName}"`
                : 'Name the operation to run (operationName): the document has several',
              'OPERATION_RESOLUTION_FAILURE',
            ),
          ];
        }
        if (operation.operation === 'subscription') {
          if (live!.size >= LIMITS.subscriptionsPerSocket) {
            return [
              new AppError(
                'RATE_LIMITED',
                `Subscriptions limit of ${LIMITS.subscriptionsPerSocket} per socket reached: complete one first, or open another socket`,
                { limit: LIMITS.subscriptionsPerSocket },
              ),
            ];
          }
          live!.add(id);
        }
        started!.set(id, process.hrtime.bigint());
        return { schema: o.schema, document, operationName: payload.operationName, variableValues: payload.variables };
      },
      // One log line per operation, as for HTTP (for a subscription: when it ends); its slot is free again.
      onComplete: (wsCtx, id, payload) => {
        const { context, live, started } = wsCtx.extra;
        live?.delete(id);
        const t = started?.get(id);
        started?.delete(id);
        const ms = t === undefined ? undefined : Math.round(Number(process.hrtime.bigint() - t) / 1e5) / 10;
        logger.info(
          { requestId: context?.requestId, operationName: payload.operationName ?? null, durationMs: ms, userId: context?.principal?.userId, transport: 'ws' },
          'graphql',
        );
      },
      // Each operation gets its own loaders and request id; the principal is read through to the
      // connection's context, so a re-checked principal (role, scope) applies at once.
      context: (wsCtx) => {
        const connection = wsCtx.extra.context as Context;
        return Object.assign(Object.create(connection) as Context, { loaders: new Loaders(), requestId: randomUUID() });
      },
      onNext: (wsCtx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, wsCtx.extra.context?.requestId)) } : undefined,
      // An error message ends the operation (a failed subscription frees its slot).
      onError: (wsCtx, id, _payload, errors) => {
        wsCtx.extra.live?.delete(id);
        wsCtx.extra.started?.delete(id);
        return errors.map((e) => formatError(e.toJSON(), e, wsCtx.extra.context?.requestId));
      },
    },
    wss,
  );

  // Sessions end while sockets stay open: close a socket (4403) once its token is revoked or
  // expired or its user deactivated; pick up role changes otherwise. One statement per tick.
  let rechecking = false;
  const recheck = setInterval(async () => {
    if (rechecking || !sockets.size) return;
    rechecking = true;
    try {
      const open = [...sockets];
      const tokens = [...new Set(open.flatMap(([, context]) => (context.token ? [context.token] : [])))];
      const principals = await o.authenticateAll(tokens);
      for (const [socket, context] of open) {
        if (!sockets.has(socket)) continue; // closed meanwhile
        const principal = context.token ? principals.get(context.token) : undefined;
        if (principal) context.principal = principal;
        else {
          sockets.delete(socket);
          socket.close(4403, 'Forbidden');
        }
      }
    } catch (err) {
      // The database is unreachable: sockets keep their principals until a later tick succeeds.
      logger.warn({ err: { message: (err as Error).message } }, 'socket re-check failed');
    } finally {
      rechecking = false;
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
