import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { NextFunction, Request, Response } from 'express';
import { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from './config/env';
import type { Context } from './kernel/context';
import { formatError } from './kernel/errors/format-error';
import type { AppError } from './kernel/errors/errors';
import { checkRequestInput } from './kernel/http/input-guard';
import { LIMITS, validationRules } from './kernel/http/limits';
import { bearer } from './kernel/auth/bearer';
import { clientAddressResolver } from './kernel/http/client-address';
import { securityHeaderPairs, securityHeaders } from './kernel/http/security-headers';
import { loadCursorSecret } from './kernel/secrets/server-secrets';
import { LoginLimiter } from './kernel/auth/login-limiter';
import { newRequestScope, requestIdOf, requestScope, requestScopeTracked, tagWithRequestId } from './kernel/http/request-context';
import { startSubscriptionServer } from './kernel/http/subscription-server';
import { serveWebApp } from './kernel/http/web-app';
import { serveExplorer } from './kernel/http/explorer';
import { plannedQueries } from './kernel/plans/planned-queries';
import { plannedFrontDoor } from './kernel/plans/planned-http';
import { Loaders } from './kernel/loaders/loaders';
import { logger } from './kernel/logger';
import { resolvePrincipal, resolvePrincipals, sessionFingerprint } from './modules/system';
import { startActivityFeed } from './kernel/activity/activity-feed';
import { createLocalPubSub } from './kernel/pubsub/pubsub';
import { closeRedis, openRedis } from './kernel/redis/connection';
import { manifests } from './application';
import { buildAppSchema } from './schema';

/** A subscription sent as a plain HTTP request cannot stream: say where to send it. */
const subscriptionsNeedWebSocket: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError('Subscriptions run over graphql-ws on /graphql, not plain HTTP', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      },
    };
  },
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The request checks before GraphQL (input-guard.ts); returns the parsed document (cached per text), throws on refusal. */
function checkBody(body: { query?: unknown; variables?: unknown } | undefined): DocumentNode | undefined {
  const vars = typeof body?.variables === 'string' ? safeJson(body.variables) : body?.variables;
  return checkRequestInput(body?.query, vars) ?? undefined;
}

export interface App {
  server: http.Server;
  url: string;
  stop(): Promise<void>;
}

/** HTTP + WebSocket server for the GraphQL API on one port. */
export async function startApp(ds: DataSource, cfg: Config, port = cfg.PORT, extra?: (app: express.Express) => void): Promise<App> {
  manifests(); // loads every module and registers its event handlers
  await loadCursorSecret(ds, cfg.CURSOR_SECRET);
  // Each instance has its own pub/sub and schema: its subscribers hear what its feed delivers.
  const pubSub = createLocalPubSub();
  const schema: GraphQLSchema = buildAppSchema(pubSub);
  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers are POSTed and never revalidated: no hash of every response body for an ETag
  // (static files keep theirs, from express.static).
  app.set('etag', false);
  app.use(securityHeaders(cfg.PUBLIC_URL));
  // Express reads X-Forwarded-Proto/Host by the same rule; client addresses come from clientAddress.
  app.set('trust proxy', cfg.TRUST_PROXY);
  const clientAddress = clientAddressResolver(cfg.TRUST_PROXY);
  // Express, or the planned queries' front door before it (set below).
  let listener: http.RequestListener = app;
  const server = http.createServer((req, res) => listener(req, res));

  // Login throttling is shared by every instance through Redis when configured (its own connection).
  const limits = cfg.REDIS_URL ? openRedis(cfg.REDIS_URL, 'rate-limits') : undefined;
  const loginLimiter = new LoginLimiter(limits ? { redis: limits, prefix: cfg.REDIS_PREFIX } : undefined);
  const ws = startSubscriptionServer({
    server,
    schema,
    ds,
    production: cfg.production,
    loginLimiter,
    clientAddress,
    headers: securityHeaderPairs(cfg.PUBLIC_URL),
    authenticate: (token) => resolvePrincipal(ds, token),
    authenticateAll: (tokens) => resolvePrincipals(ds, tokens),
  });

  // With Redis the feed crosses instances (separate publish and subscribe connections); nothing
  // in the request path waits on it.
  const redis = cfg.REDIS_URL
    ? { publisher: openRedis(cfg.REDIS_URL, 'feed-publish'), subscriber: openRedis(cfg.REDIS_URL, 'feed-subscribe'), prefix: cfg.REDIS_PREFIX }
    : undefined;
  const closeRedisConnections = () => {
    if (redis) [redis.publisher, redis.subscriber].forEach(closeRedis);
    if (limits) closeRedis(limits);
  };
  const feed = await startActivityFeed({
    ds,
    pubSub,
    redis,
    // Sockets that may have missed events are closed with 1012 (service restart): clients reconnect
    // and resume from their last cursor with activityLog(after:).
    onGap: (reason) => {
      const closed = ws.closeAll(1012, 'Live feed interrupted: resume from your last cursor');
      if (closed) logger.warn({ reason, closed }, 'closed graphql-ws sockets after a live-feed gap');
    },
  }).catch((err) => {
    closeRedisConnections();
    ws.close();
    throw err;
  });

  const logPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          for (const e of errors) tagWithRequestId(e, contextValue.requestId);
        },
        async willSendResponse({ operationName, errors }) {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          logger.info(
            {
              requestId: contextValue.requestId,
              operationName,
              durationMs: Math.round(ms * 10) / 10,
              errors: errors?.length ?? 0,
              userId: contextValue.principal?.userId,
            },
            'graphql',
          );
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: !cfg.production,
    csrfPrevention: true,
    stopOnTerminationSignals: false, // main.ts owns SIGTERM: drain, close the pool, exit
    allowBatchedHttpRequests: false,
    persistedQueries: false,
    hideSchemaDetailsFromClientErrors: cfg.production,
    includeStacktraceInErrorResponses: false,
    validationRules: validationRules(),
    formatError: (formatted, error) => formatError(formatted, error, requestIdOf(error)),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await ws.drain();
            },
          };
        },
      },
      logPlugin,
      subscriptionsNeedWebSocket,
      // No HTTP caching of GraphQL responses here, and its per-field hook would wrap every resolver.
      ApolloServerPluginCacheControlDisabled(),
      // Never Apollo's hosted sandbox (blank without internet access): kernel/http/explorer.ts serves GraphiQL.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Ready while the database answers. Redis down leaves the instance ready but degraded (queries
  // and mutations work; live events wait): every instance shares the one Redis, so failing
  // readiness for it would take the whole API out of the load balancer.
  app.get('/readyz', async (_req, res) => {
    const { redis: redisState, leader } = feed.status();
    const details = { redis: redisState, feedPublisher: leader };
    try {
      await ds.query('SELECT 1');
      res.json({ status: redisState === 'down' ? 'degraded' : 'ready', database: 'up', ...details });
    } catch (err) {
      logger.warn({ err }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', database: 'down', ...details });
    }
  });

  for (const m of manifests()) m.routes?.(app, { ds });
  if (!cfg.production) serveExplorer(app);

  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    // A request the front door read and handed on already has its id, in its scope.
    const given = res.locals.requestId as string | undefined;
    const requestId = given ?? ((typeof req.headers['x-request-id'] === 'string' && req.headers['x-request-id'].slice(0, 100)) || randomUUID());
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    if (!given && requestScopeTracked()) requestScope.run(newRequestScope(requestId), () => next());
    else next();
  });
  app.use('/graphql', express.json({ limit: LIMITS.bodyBytes }));
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    try {
      checkBody(req.method === 'GET' ? req.query : req.body);
      next();
    } catch (err) {
      const e = err as AppError;
      res.status(400).json({ errors: [{ message: e.message, extensions: e.extensions }] });
    }
  });
  const contextFor = (req: http.IncomingMessage, requestId: string | undefined, principal: Context['principal'], token: string | null): Context => ({
    requestId: requestId || randomUUID(),
    ip: clientAddress(req),
    principal,
    ds,
    loaders: new Loaders(),
    token,
    loginLimiter,
  });
  // Planned queries are answered before Express; whatever they do not answer reaches it unchanged.
  if (cfg.QUERY_PLANS) {
    listener = plannedFrontDoor({
      planned: plannedQueries({
        schema,
        ds,
        validationRules: validationRules(),
        authenticate: (token) => resolvePrincipal(ds, token),
        session: sessionFingerprint,
        context: contextFor,
      }),
      bodyLimit: LIMITS.bodyBytes,
      headers: securityHeaderPairs(cfg.PUBLIC_URL),
      check: checkBody,
      next: app,
    });
  }
  app.use(
    '/graphql',
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<Context> => {
        const token = bearer(req.headers.authorization);
        // The planned-query path may have looked the caller up already.
        let principal: Context['principal'] = (res.locals.principal as Context['principal'] | undefined) ?? null;
        try {
          if (token && res.locals.principal === undefined) principal = await resolvePrincipal(ds, token);
        } catch (err) {
          tagWithRequestId(err, (res.locals.requestId as string | undefined) ?? '');
          throw err;
        }
        return contextFor(req, res.locals.requestId as string | undefined, principal, token);
      },
    }),
  );
  extra?.(app);
  serveWebApp(app, cfg.webDir);
  // Refused before execution (oversized or malformed body): HTTP 400 with a GraphQL-shaped error.
  app.use((err: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const tooLarge = err.type === 'entity.too.large';
    const status = tooLarge || (err.status && err.status < 500) ? 400 : 500;
    if (status === 500) logger.error({ err }, 'http error');
    res.status(status).json({
      errors: [
        {
          message: tooLarge
            ? `Request body exceeds the limit of ${LIMITS.bodyBytes / 1024} kB`
            : status === 400
              ? `Malformed request: ${err.message}`
              : 'Internal server error',
          extensions: { code: status === 400 ? 'GRAPHQL_PARSE_FAILED' : 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
  });

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'Not found' });
  });

  await new Promise<void>((resolve) => server.listen(port, resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://127.0.0.1:${actualPort}/graphql`,
    async stop() {
      await apollo.stop(); // drains HTTP connections and websockets
      ws.close();
      await feed.stop();
      closeRedisConnections();
    },
  };
}
