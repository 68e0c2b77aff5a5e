// Turns `Authorization: Bearer …` into request.auth. A present token must verify and its session must
// still stand, else 401 INVALID_TOKEN: never a silent fall-back to anonymous. Only routes about a caller
// look: /graphql (graphql/route.ts) and /auth/* (auth/routes.ts).
import type { FastifyRequest } from 'fastify';
import { AppError, TOKEN_REFUSED } from '../errors.ts';
import { requestMeta, type Claims } from '../request-context.ts';
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

/**
 * The preValidation hook that turns the Authorization header into request.auth. `sessionCheck: 'in-transaction'`
 * (POST /graphql) verifies the token here and leaves whether its session stands to the request's first
 * transaction (auth/session-check.ts); `now` asks the session store before the route runs.
 */
export const authenticateRequest = (authenticator: Authenticator, { sessionCheck }: { sessionCheck: 'now' | 'in-transaction' }) =>
  async function authenticateRequest(request: FastifyRequest) {
    const caller = await authenticate(authenticator, request.headers.authorization, requestMeta(request), { sessionCheckedLater: sessionCheck === 'in-transaction' });
    request.auth = caller?.claims;
    if (caller && !caller.sessionChecked) request.ledger.deferSessionCheck();
  };
