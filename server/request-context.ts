// What the server knows about a request after authentication, and the PostgreSQL settings it becomes.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Claims } from './auth/tokens.ts';
import type { ServerConfig } from './config.ts';
import type { RequestSettings } from './database.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The verified caller, or undefined for anonymous requests. */
    auth: Claims | undefined;
    /** X-Organization-Id, validated. */
    organizationId: string | undefined;
    /** The GraphQL operation the request executed, once it reached execution. */
    graphqlOperation: { name: string | undefined; type: 'query' | 'mutation' | 'subscription' } | undefined;
  }
  interface FastifyContextConfig {
    /** Operator endpoints (health, metrics) never read the caller's credentials or organization. */
    operator?: boolean;
  }
}

/** Route options of an operator endpoint: no caller (see FastifyContextConfig.operator), no rate limit. */
export const OPERATOR_ROUTE = { config: { operator: true, rateLimit: false } };

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const requestContextPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('auth', undefined);
  app.decorateRequest('organizationId', undefined);
  app.decorateRequest('graphqlOperation', undefined);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onRequest', async (request) => {
    const header = request.headers['x-organization-id'];
    if (header === undefined || request.routeOptions.config.operator) return;
    if (typeof header !== 'string' || !UUID.test(header)) {
      throw new AppError('VALIDATION_FAILED', 'X-Organization-Id must be a UUID');
    }
    request.organizationId = header.toLowerCase();
  });
});

/** pgSettings for the request's transaction. `role` is always present. */
export function requestSettings(request: FastifyRequest, config: ServerConfig): RequestSettings {
  const settings: RequestSettings = {
    role: request.auth ? 'app_user' : 'app_anonymous',
    statement_timeout: String(config.statementTimeoutMs),
    'app.request_id': String(request.id),
    'app.client_ip': request.ip,
    'app.user_agent': (request.headers['user-agent'] ?? '').slice(0, 512),
  };
  if (request.auth) {
    settings['jwt.claims.sub'] = request.auth.userId;
    settings['jwt.claims.sid'] = request.auth.sessionId;
  }
  if (request.organizationId) settings['app.current_org_id'] = request.organizationId;
  return settings;
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
