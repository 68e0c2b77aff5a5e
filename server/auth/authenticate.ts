// Turns `Authorization: Bearer …` into request.auth. A present token must verify and its session must
// still stand, else 401 INVALID_TOKEN: never a silent fall-back to anonymous. Only routes about a caller
// look (request-context.ts servesCaller).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError, TOKEN_REFUSED } from '../errors.ts';
import { requestMeta, servesCaller, type Claims } from '../request-context.ts';
import type { RequestMeta, SessionStore } from './sessions.ts';
import type { TokenService } from './tokens.ts';

export interface Authenticator {
  tokens: TokenService;
  sessions: SessionStore;
}

/**
 * The caller an `Authorization` value (HTTP header, or a WebSocket's connection_init) names, with when its
 * token expires; undefined when there is none. Throws INVALID_TOKEN for anything else.
 */
export async function authenticate(
  { tokens, sessions }: Authenticator,
  header: string | undefined,
  meta: RequestMeta,
  { sessionCheckedLater = false } = {},
): Promise<{ claims: Claims; expiresAt: Date; sessionChecked: boolean } | undefined> {
  if (header === undefined) return undefined;
  const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(header);
  if (!match) throw new AppError('INVALID_TOKEN', 'Authorization must be "Bearer <access token>"');
  const verified = await tokens.verify(match[1]).catch(() => undefined);
  // Our own tokens name their session; an identity provider's are mapped to one here, which checks it.
  if (verified?.kind === 'local' && sessionCheckedLater) return { claims: verified.claims, expiresAt: verified.expiresAt, sessionChecked: false };
  const claims = verified && (await sessions.resolve(verified, meta));
  if (!claims) throw new AppError('INVALID_TOKEN', TOKEN_REFUSED);
  return { claims, expiresAt: verified.expiresAt, sessionChecked: true };
}

/** POST /graphql checks the session in its own transaction (session-check.ts); every other route here. */
const checksSessionInTransaction = (request: FastifyRequest) => request.method === 'POST' && request.routeOptions.url === '/graphql';

export const authenticatePlugin = fp(async (app: FastifyInstance, authenticator: Authenticator) => {
  app.addHook('preValidation', async (request) => {
    if (!servesCaller(request)) return;
    const caller = await authenticate(authenticator, request.headers.authorization, requestMeta(request), { sessionCheckedLater: checksSessionInTransaction(request) });
    request.auth = caller?.claims;
    if (caller && !caller.sessionChecked) request.database.session = 'deferred';
  });
});
