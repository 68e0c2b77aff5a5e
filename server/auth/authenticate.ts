// Turns `Authorization: Bearer …` into request.auth. A present token must verify and its session must
// still stand, else 401 INVALID_TOKEN: never a silent fall-back to anonymous. Operator endpoints (health,
// metrics) are not about a caller: probes send what they send.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { SessionStore } from './sessions.ts';
import type { Claims, TokenService } from './tokens.ts';

export interface Authenticator {
  tokens: TokenService;
  sessions: SessionStore;
}

/**
 * The caller an `Authorization` value (HTTP header, or a WebSocket's connection_init) names, with when its
 * token expires; undefined when there is none. Throws INVALID_TOKEN for anything else.
 */
export async function authenticate({ tokens, sessions }: Authenticator, header: string | undefined): Promise<{ claims: Claims; expiresAt: Date } | undefined> {
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
  if (!match) throw new AppError('INVALID_TOKEN', 'Authorization must be "Bearer <access token>"');
  const verified = await tokens.verify(match[1]).catch(() => undefined);
  const claims = verified && (await sessions.resolve(verified));
  if (!claims) throw new AppError('INVALID_TOKEN', 'The access token is invalid, expired or revoked');
  return { claims, expiresAt: verified.expiresAt };
}

export const authenticatePlugin = fp(async (app: FastifyInstance, authenticator: Authenticator) => {
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.config.operator) return;
    request.auth = (await authenticate(authenticator, request.headers.authorization))?.claims;
  });
});
