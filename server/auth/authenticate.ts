// Turns `Authorization: Bearer …` into request.auth. A present token must verify and its session must
// still stand, else 401 INVALID_TOKEN: never a silent fall-back to anonymous. Operator endpoints (health,
// metrics) are not about a caller: probes send what they send.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors.ts';
import type { SessionStore } from './sessions.ts';
import type { TokenService } from './tokens.ts';

export const authenticatePlugin = fp(async (app: FastifyInstance, options: { tokens: TokenService; sessions: SessionStore }) => {
  app.addHook('preValidation', async (request) => {
    const header = request.headers.authorization;
    if (header === undefined || request.routeOptions.config.operator) return;
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
    if (!match) throw new AppError('INVALID_TOKEN', 'Authorization must be "Bearer <access token>"');
    const verified = await options.tokens.verify(match[1]).catch(() => undefined);
    const claims = verified && (await options.sessions.resolve(verified));
    if (!claims) throw new AppError('INVALID_TOKEN', 'The access token is invalid, expired or revoked');
    request.auth = claims;
  });
});
