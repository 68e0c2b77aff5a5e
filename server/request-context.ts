// What the server knows about a request after authentication, and the PostgreSQL settings it becomes.
import { randomUUID } from 'node:crypto';
import { isIP } from 'node:net';
import { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ServerConfig } from './config.ts';
import type { RequestSettings } from './role-transactions.ts';
import { AppError } from './errors.ts';
import { RequestLedger, withLedger } from './request-ledger.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller, or undefined for anonymous requests. */
    auth: Claims | undefined;
    /** X-Organization-Id, validated. */
    organizationId: string | undefined;
    /** The GraphQL operation the request executed, once it reached execution. */
    graphqlOperation: { name: string | undefined; type: 'query' | 'mutation' | 'subscription' } | undefined;
    /** What the request asked of the database (request-ledger.ts). */
    ledger: RequestLedger;
  }
}

/** Where GraphQL is served (grafserv's graphqlPath), over HTTP and WebSocket alike. */
export const GRAPHQL_PATH = '/graphql';

/**
 * Whether the request is about a caller: /graphql and /auth/*. Only those read credentials and the
 * organization header, and count against the rate limits; operator endpoints (health, metrics), the JWKS,
 * the console's files and unknown paths never reach the database on a caller's behalf, whatever headers
 * they carry (a probe sends what it sends; a token on a stray path is not worth a lookup).
 */
export const servesCaller = (request: FastifyRequest): boolean => {
  const url = request.routeOptions.url;
  return url === GRAPHQL_PATH || url?.startsWith('/auth/') === true;
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
  app.decorateRequest('ledger', undefined as unknown as RequestLedger);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onRequest', async (request) => {
    request.ledger = new RequestLedger();
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
interface CallerIdentity {
  auth: Claims | undefined;
  organizationId: string | undefined;
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
}

/** What a caller's settings take from the configuration. */
export type SettingsConfig = Pick<ServerConfig, 'statementTimeoutMs'>;

/** pgSettings for a caller's transaction. `role` is always present. */
export function callerSettings(caller: CallerIdentity, config: SettingsConfig): RequestSettings {
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

/** pgSettings for an HTTP request's transaction, carrying the request's ledger. */
export function requestSettings(request: FastifyRequest, config: SettingsConfig): RequestSettings {
  const { auth, organizationId, id, headers } = request;
  const settings = callerSettings({ auth, organizationId, requestId: String(id), ip: clientAddress(request), userAgent: headers['user-agent'] }, config);
  return withLedger(settings, request.ledger);
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
