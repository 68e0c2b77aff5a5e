// What the server knows about a request after authentication, and the PostgreSQL settings it becomes.
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerConfig } from './config.ts';
import type { RequestSettings } from './role-transactions.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller, or undefined for anonymous requests. */
    auth: Claims | undefined;
    /** X-Organization-Id, validated. */
    organizationId: string | undefined;
    /** The GraphQL operation the request executed, once it reached execution. */
    graphqlOperation: { name: string | undefined; type: 'query' | 'mutation' | 'subscription' } | undefined;
    /** What the request asked of the database. */
    database: DatabaseUse;
  }
}

/**
 * A request's use of the database, kept by the pg adaptor (graphql/pg-adaptor.ts) and the pool's round-trip
 * counter (ops/metrics.ts): its round trips, and where its session check stands when the check was left
 * to its transaction (auth/session-check.ts): `deferred` until a transaction opens, then `active` or
 * `ended`; undefined when the session was checked up front (or there is none); and whether it could
 * not run at all.
 */
export interface DatabaseUse {
  roundTrips: number;
  session: 'deferred' | 'active' | 'ended' | undefined;
  /**
   * Why a transaction of the request could not run: refused its fair share of the pool (fair-share.ts;
   * a query's answer is then a 429), or the database could not be reached (a 503).
   */
  refused?: 'busy' | 'unavailable';
  /** A mutation's Idempotency-Key (graphql/idempotency.ts), claimed by its first transaction. */
  idempotency?: IdempotencyKey;
}

export interface IdempotencyKey {
  key: string;
  /** SHA-256 of the request: the same key with another request is refused, not replayed. */
  fingerprint: string;
  /** `asked`: sent with the request; `claimed` by the mutation's transaction; `used` before (a replay). */
  state: 'asked' | 'claimed' | 'used';
}

const DATABASE_USE = Symbol('databaseUse');
/** On a pool connection: the record of the request holding it, which its round trips are credited to. */
export const DATABASE_USER = Symbol('databaseUser');

/** The record of the request whose settings these are (symbols never become settings). */
export function databaseUseOf(settings: object): DatabaseUse | undefined {
  return (settings as { [DATABASE_USE]?: DatabaseUse })[DATABASE_USE];
}

/**
 * Whether the request is about a caller: /graphql and /auth/*. Only those read credentials and the
 * organization header, and count against the rate limits; operator endpoints (health, metrics), the JWKS,
 * the console's files and unknown paths never reach the database on a caller's behalf, whatever headers
 * they carry (a probe sends what it sends; a token on a stray path is not worth a lookup).
 */
export const servesCaller = (request: FastifyRequest): boolean => {
  const url = request.routeOptions.url;
  return url === '/graphql' || url?.startsWith('/auth/') === true;
};

/** The Fastify request behind a Grafast request context (absent for a WebSocket's operations). */
export const fastifyRequestOf = (requestContext: Partial<Grafast.RequestContext> | undefined): FastifyRequest | undefined =>
  requestContext?.fastifyv5?.request as FastifyRequest | undefined;

/** Who a request or connection acts for: the verified token's user and session. */
export interface Claims {
  userId: string;
  sessionId: string;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const requestContextPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('auth', undefined);
  app.decorateRequest('organizationId', undefined);
  app.decorateRequest('graphqlOperation', undefined);
  app.decorateRequest('database', undefined as unknown as DatabaseUse);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onRequest', async (request) => {
    request.database = { roundTrips: 0, session: undefined };
    if (!servesCaller(request)) return;
    request.organizationId = organizationFrom(request.headers['x-organization-id']);
  });
});

/** X-Organization-Id (an HTTP header, or a key of a WebSocket's connection_init), validated. */
export function organizationFrom(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !UUID.test(value)) throw new AppError('VALIDATION_FAILED', 'X-Organization-Id must be a UUID');
  return value.toLowerCase();
}

/**
 * The client's address: the socket's, or with TRUST_PROXY_HOPS what the proxies forwarded. A forwarded
 * value that is no address at all (X-Forwarded-For is anyone's to write where the port can be reached
 * without the proxy) is not one: undefined, and never a setting, an audit row or a rate-limit key of
 * its own.
 */
export function clientAddress(request: { ip: string }): string | undefined {
  return isIP(request.ip) ? request.ip : undefined;
}

/** The client's address and User-Agent, as security events and sessions record them. */
export const requestMeta = (request: { ip: string; headers: { 'user-agent'?: string } }) => ({ ip: clientAddress(request), userAgent: request.headers['user-agent'] });

/** The key a client's address counts under in rate limits and socket places (an IPv6 client per /64). */
export const addressKey = (request: { ip: string }): string => {
  const address = clientAddress(request);
  return address ? normalizeIP(address) : 'no address';
};

/** Who is asking, over HTTP or a WebSocket, as far as the database's settings are concerned. */
export interface CallerIdentity {
  auth: Claims | undefined;
  organizationId: string | undefined;
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
}

/** pgSettings for a caller's transaction. `role` is always present. */
export function callerSettings(caller: CallerIdentity, config: ServerConfig): RequestSettings {
  const settings: RequestSettings = {
    role: caller.auth ? 'app_user' : 'app_anonymous',
    statement_timeout: String(config.statementTimeoutMs),
    'app.request_id': caller.requestId,
    'app.client_ip': caller.ip ?? '',
    'app.user_agent': (caller.userAgent ?? '').slice(0, 512),
  };
  if (caller.auth) {
    settings['jwt.claims.sub'] = caller.auth.userId;
    settings['jwt.claims.sid'] = caller.auth.sessionId;
  }
  if (caller.organizationId) settings['app.current_org_id'] = caller.organizationId;
  return settings;
}

/** pgSettings for an HTTP request's transaction, carrying (under a symbol) the request's database record. */
export function requestSettings(request: FastifyRequest, config: ServerConfig): RequestSettings {
  const { auth, organizationId, id, headers } = request;
  const settings = callerSettings({ auth, organizationId, requestId: String(id), ip: clientAddress(request), userAgent: headers['user-agent'] }, config);
  return Object.defineProperty(settings, DATABASE_USE, { value: request.database, enumerable: false });
}

/**
 * The request id is the server's own (a UUID, answered in X-Request-Id): it is what logs and audit rows
 * record. A client's X-Request-Id is only logged beside it, as `clientRequestId`, when it is sane.
 */
export const newRequestId = () => randomUUID();

export function clientRequestId(headers: Record<string, unknown>): string | undefined {
  const given = headers['x-request-id'];
  return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : undefined;
}
