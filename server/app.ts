// The Fastify app factory: configuration and the API pool in, a ready app out. Every request gets its id,
// its organization header and its ledger (onRequest); the routes about a caller authenticate it
// (preValidation: graphql/route.ts, auth/routes.ts) before the rate limit (preHandler, so it can key
// /graphql by user), then the route. /graphql reads top-down in graphql/route.ts.
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import helmet from 'helmet';
import type pg from 'pg';
import type { Logger } from '../db/log.ts';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/fastify/v5';
import { accessLogPlugin } from './ops/access-log.ts';
import { rateLimitStore } from './ops/rate-limit-store.ts';
import { loadSigningKeys } from './auth/keys.ts';
import { authRoutes, jwksRoute } from './auth/routes.ts';
import { SessionStore } from './auth/sessions.ts';
import { TokenService } from './auth/tokens.ts';
import type { ServerConfig } from './config.ts';
import { consoleRoutes } from './console.ts';
import { AppError, clientErrorHandler, installErrorHandler } from './errors.ts';
import { fairShareFor } from './fair-share.ts';
import { capConnectionsPerAddress, requestTimeouts } from './http-limits.ts';
import { loadConstraintLookup } from './graphql/field-errors.ts';
import { makePreset } from './graphql/preset.ts';
import { graphqlRoute } from './graphql/route.ts';
import { healthRoutes } from './ops/health.ts';
import { Realtime } from './realtime/realtime.ts';
import { metricsPlugin, type Metrics } from './ops/metrics.ts';
import { addressKey, clientRequestId, newRequestId, requestContextPlugin, servesCaller } from './request-context.ts';

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export interface AppDependencies {
  /** Pool of connections as rowgate_authenticator. */
  pool: pg.Pool;
  /** What /metrics reports (the pool's and, with npm start, the in-process worker's figures included). */
  metrics: Metrics;
  /** The authenticator's login URL, for the realtime LISTEN connection. */
  listenUrl: string;
  /** The process's logger (db/log.ts): request lines go to a child of it named `server`. */
  log: Logger;
  /** A superuser's URL: rebuild the schema when the database's DDL changes (development; preset.ts). */
  watchAs?: string;
}

export async function buildApp(config: ServerConfig, { pool, metrics, listenUrl, log, watchAs }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: log.child({ name: 'server' }, { level: config.logLevel }) as FastifyBaseLogger,
    genReqId: newRequestId,
    requestIdHeader: false,
    childLoggerFactory: (logger, bindings, options, raw) => {
      const client = clientRequestId(raw.headers);
      return logger.child(client ? { ...bindings, clientRequestId: client } : bindings, options);
    },
    // Trust X-Forwarded-For only from the configured number of proxies in front of us.
    trustProxy: (_address: string, hop: number) => hop < config.trustProxyHops,
    bodyLimit: config.bodyLimit,
    // ops/access-log.ts writes one line per request instead, at a level fitting its outcome.
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: 'idle',
    clientErrorHandler,
    ...requestTimeouts(config),
  });
  if (config.maxConnectionsPerAddress) capConnectionsPerAddress(app.server, config.maxConnectionsPerAddress);
  const tokens = new TokenService(config, await loadSigningKeys(config));
  const sessions = new SessionStore(pool, { refreshTokenTtl: config.jwt.refreshTokenTtl, refreshesPerSessionPerMinute: config.rateLimit.refreshPerSessionPerMinute });
  const fairShare = fairShareFor(config, pool.options.max);
  const realtime = new Realtime(config, pool, fairShare, { tokens, sessions }, listenUrl, metrics, (error) =>
    app.log.error({ err: error }, 'realtime events could not be checked'),
  );

  installErrorHandler(app);
  // JSON only: Fastify would also parse text/plain, which browsers may send cross-origin without a
  // preflight; without a parser it is a 415 like every other media type.
  app.removeContentTypeParser('text/plain');
  // Graceful shutdown: a response sent while closing closes its connection. Without this, close() drains
  // the in-flight requests and then waits for their keep-alive connections to time out (72 s in Fastify).
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  await app.register(metricsPlugin, { metrics, config });
  // Security headers (helmet), its middleware built once: @fastify/helmet built it anew for every request
  // (the content security policy parsed each time), ~40 µs of a page's CPU.
  const securityHeaders = helmet({ contentSecurityPolicy: config.production ? undefined : false });
  app.addHook('onRequest', (request, reply, done) => securityHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));
  await app.register(cors, {
    // CORS_ORIGINS when set; otherwise, in development only, any loopback origin (a dev server such as
    // Vite's on http://localhost:5173); in production nothing but the console's own origin.
    origin: config.corsOrigins.length ? config.corsOrigins : config.production ? false : LOOPBACK_ORIGIN,
    allowedHeaders: ['authorization', 'content-type', 'x-organization-id', 'x-request-id'],
    exposedHeaders: ['x-request-id'],
  });
  await app.register(requestContextPlugin);
  await app.register(accessLogPlugin, { slowOperationMs: config.slowOperationMs });
  await app.register(rateLimit, {
    hook: 'preHandler',
    store: rateLimitStore(config, pool),
    max: config.rateLimit.graphqlPerMinute,
    timeWindow: '1 minute',
    // /graphql is limited per signed-in user (per IP when anonymous); /auth/* set their own per-IP limit.
    // An IPv6 client counts per /64, as the plugin's own default does: one host often holds a whole /64.
    keyGenerator: (request) => (request.auth ? `user:${request.auth.userId}` : `ip:${addressKey(request)}`),
    // Only what serves a caller counts: health, metrics, the JWKS and the console's files never wait on
    // the count (with RATE_LIMIT_STORE=postgres, a round trip), whatever is happening to the pool.
    allowList: (request) => !servesCaller(request),
    errorResponseBuilder: (_request, context) => new AppError('RATE_LIMITED', `Too many requests; retry in ${context.after}`),
  });
  await app.register(authRoutes, {
    tokens,
    sessions,
    rateLimitPerMinute: config.rateLimit.authPerMinute,
    refreshPerIpPerMinute: config.rateLimit.refreshPerIpPerMinute,
    refreshTokenTtl: config.jwt.refreshTokenTtl,
    secureCookies: config.production,
  });
  await app.register(jwksRoute, { tokens });
  await app.register(healthRoutes, { pool });
  await app.register(consoleRoutes);

  // Build the schema before serving: grafserv never retries a failed build, so a server started while its
  // database does not answer would fail every GraphQL request for good while /readyz reports ready.
  let pgl: ReturnType<typeof postgraphile> | undefined;
  try {
    pgl = postgraphile(makePreset(config, { pool, log: app.log, metrics, realtime, fairShare, constraints: await loadConstraintLookup(pool), watchAs }));
    await pgl.getSchema();
    await realtime.start();
  } catch (error) {
    await realtime.stop();
    await pgl?.release();
    await app.close();
    throw new Error(`Cannot build the GraphQL schema: ${(error as Error).message}`, { cause: error });
  }
  const serv = pgl.createServ(grafserv);
  await app.register(graphqlRoute, { serv, realtime, authenticator: { tokens, sessions }, pool, metrics, config });
  app.addHook('preClose', () => realtime.stop());
  app.addHook('onClose', async () => {
    await pgl.release();
    // Its LISTEN client (watch mode) and the superuser pool go too; the request pool is run.ts's to end.
    for (const service of pgl.getResolvedPreset().pgServices ?? []) await service.release?.();
  });
  return app;
}
