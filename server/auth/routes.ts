// /auth/register, /auth/login, /auth/refresh, /auth/logout (API.md §2), and /.well-known/jwks.json apart.
//
// A browser client may keep its refresh token where no script can read it: with `X-Refresh-Cookie: 1`
// the refresh token is set as an HttpOnly, SameSite=Strict cookie scoped to /auth instead of being put in
// the body, and /auth/refresh takes it from there (with the same header, which no other site's form can
// send and no other origin's script may send without passing CORS). Without the header everything is as
// the contract says: the token travels in the JSON bodies.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { AppError, databaseError } from '../errors.ts';
import { addressKey, requestMeta, type Claims } from '../request-context.ts';
import { accountRoutes } from './account-routes.ts';
import { authenticateRequest } from './authenticate.ts';
import { Email, Password, strictBody } from './bodies.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { LogoutScope, SessionStore } from './sessions.ts';
import type { TokenService } from './tokens.ts';

const RegisterBody = Type.Object({ email: Email, password: Password, name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) }, { additionalProperties: false });
const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const RefreshBody = Type.Object({ refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });
const SCOPES: readonly LogoutScope[] = ['current', 'others', 'all'];

const REFRESH_COOKIE = 'rowgate_refresh';
const wantsCookie = (request: FastifyRequest) => request.headers['x-refresh-cookie'] === '1';

export interface AuthRouteOptions {
  tokens: TokenService;
  sessions: SessionStore;
  rateLimitPerMinute: number;
  /** /auth/refresh's ceiling per client IP (each session's own budget is kept in the database). */
  refreshPerIpPerMinute: number;
  /** Seconds a refresh cookie lives: the session's own lifetime. */
  refreshTokenTtl: number;
  /** Cookies marked Secure (always in production; otherwise only over HTTPS). */
  secureCookies: boolean;
}

export async function authRoutes(app: FastifyInstance, { tokens, sessions, rateLimitPerMinute, refreshPerIpPerMinute, refreshTokenTtl, secureCookies }: AuthRouteOptions) {
  await app.register(cookie);
  // Every /auth route reads its caller first: a token sent must stand.
  app.addHook('preValidation', authenticateRequest({ tokens, sessions }, { sessionCheck: 'now' }));
  // Per client IP: these endpoints are where passwords and tokens get guessed. Counted as the request
  // arrives, before its token (logout's) is looked up.
  const perIp = (max: number) => ({ rateLimit: { max, timeWindow: '1 minute', hook: 'onRequest' as const, keyGenerator: addressKey } });
  const config = perIp(rateLimitPerMinute);

  const cookieOptions = (request: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/auth',
    secure: secureCookies || request.protocol === 'https',
  });
  /** The token pair, with the refresh token in the body or, for a cookie client, in its cookie. */
  const issue = async (request: FastifyRequest, reply: FastifyReply, claims: Claims, refreshToken: string) => {
    const accessToken = await tokens.issueAccessToken(claims);
    if (!wantsCookie(request)) return { accessToken, refreshToken, expiresIn: tokens.accessTokenTtl };
    reply.setCookie(REFRESH_COOKIE, refreshToken, { ...cookieOptions(request), maxAge: refreshTokenTtl });
    return { accessToken, expiresIn: tokens.accessTokenTtl };
  };
  const signIn = async (request: FastifyRequest, reply: FastifyReply, user: { id: string; email: string; name: string }) => {
    const { sessionId, refreshToken } = await sessions.start(user.id, requestMeta(request));
    return { user, ...(await issue(request, reply, { userId: user.id, sessionId }, refreshToken)) };
  };

  app.post('/auth/register', { schema: { body: RegisterBody }, validatorCompiler: strictBody, config }, async (request, reply) => {
    const { email, password, name } = request.body as Type.Static<typeof RegisterBody>;
    // PostgreSQL text cannot hold NUL (the insert would fail as a 500), and no display name needs control characters.
    if (/[\u0000-\u001f\u007f]/.test(name)) throw new AppError('VALIDATION_FAILED', 'The name may not contain control characters');
    const userId = await sessions.register(email, name.trim(), await hashPassword(password), requestMeta(request)).catch((error: unknown) => {
      throw databaseError(error, { '23514': 'The e-mail address or name is not allowed' }) ?? error;
    });
    return reply.status(201).send(await signIn(request, reply, { id: userId, email, name: name.trim() }));
  });

  app.post('/auth/login', { schema: { body: LoginBody }, validatorCompiler: strictBody, config }, async (request, reply) => {
    const { email, password } = request.body as Type.Static<typeof LoginBody>;
    const found = await sessions.credentials(email, requestMeta(request));
    if (!(await verifyPassword(found?.passwordHash, password)) || !found) {
      // Recorded for the account of a known address (never the password); an unknown one records nothing.
      await sessions.recordFailedSignIn(email, requestMeta(request));
      throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail address or password');
    }
    return signIn(request, reply, { id: found.id, email: found.email, name: found.name });
  });

  // A browser refreshes at every load: its budget is its session's (app_auth.refresh_session), so an office
  // behind one address does not share 20 a minute; the per-IP ceiling is only against abuse.
  app.post('/auth/refresh', { schema: { body: RefreshBody }, validatorCompiler: strictBody, config: perIp(refreshPerIpPerMinute) }, async (request, reply) => {
    const fromCookie = wantsCookie(request) ? request.cookies[REFRESH_COOKIE] : undefined;
    const refreshToken = (request.body as Type.Static<typeof RefreshBody>).refreshToken ?? fromCookie;
    if (!refreshToken) {
      if (wantsCookie(request)) throw new AppError('NOT_AUTHENTICATED', 'No session in this browser: sign in');
      throw new AppError('VALIDATION_FAILED', 'Invalid request: body must have property refreshToken');
    }
    const result = await sessions.rotate(refreshToken, requestMeta(request));
    if (result.status === 'rate_limited') {
      reply.header('retry-after', String(result.retryAfter));
      throw new AppError('RATE_LIMITED', `This session refreshed too often; retry in ${result.retryAfter} seconds`);
    }
    if (result.status !== 'ok') {
      if (fromCookie) reply.clearCookie(REFRESH_COOKIE, cookieOptions(request));
      throw result.status === 'reused'
        ? new AppError('SESSION_REVOKED', 'This refresh token was already used; the session is revoked')
        : new AppError('INVALID_TOKEN', 'The refresh token is invalid or expired');
    }
    return issue(request, reply, result.claims, result.refreshToken);
  });

  // Logout takes an optional {scope}. No body that is not JSON (empty, invalid, another media type) can keep
  // a session alive: in a scope of its own, every body is read as text, and only a JSON object's scope is
  // used; anything else ends the current session. It ends the session of the access token, and for a
  // cookie client the session of its refresh cookie: a browser whose access token has expired (a tab that
  // slept) signs out with the cookie alone, and never leaves it able to mint tokens.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post('/auth/logout', { config }, async (request, reply) => {
      const chosen = logoutScope(request.body);
      const fromCookie = wantsCookie(request) ? request.cookies[REFRESH_COOKIE] : undefined;
      if (!request.auth && !fromCookie) throw new AppError('NOT_AUTHENTICATED', 'Send the access token (or, from the console, the refresh cookie) to log out');
      if (!request.auth && chosen !== 'current') throw new AppError('NOT_AUTHENTICATED', `Send the access token to sign out of ${chosen} sessions`);
      if (request.auth) await sessions.logout(request.auth, chosen, requestMeta(request));
      if (chosen === 'others') return reply.status(204).send(); // this browser stays signed in, its cookie too
      if (fromCookie) await sessions.logoutWithRefreshToken(fromCookie, requestMeta(request));
      return reply.clearCookie(REFRESH_COOKIE, cookieOptions(request)).status(204).send();
    });
  });

  await app.register(accountRoutes, { sessions, config });
}

/** The public keys that verify our access tokens: anyone's to read, outside the /auth scope and its caller. */
export async function jwksRoute(app: FastifyInstance, { tokens }: { tokens: TokenService }) {
  app.get('/.well-known/jwks.json', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(tokens.jwks));
}

/** The scope a logout body asks for: a JSON object's `scope`, else the current session. */
function logoutScope(body: unknown): LogoutScope {
  let parsed: unknown;
  try {
    parsed = typeof body === 'string' && body.trim() ? JSON.parse(body) : undefined;
  } catch {
    return 'current';
  }
  const scope = parsed && typeof parsed === 'object' ? (parsed as { scope?: unknown }).scope : undefined;
  if (scope === undefined) return 'current';
  if (!SCOPES.includes(scope as LogoutScope)) throw new AppError('VALIDATION_FAILED', 'Invalid request: body/scope must be "current", "others" or "all"');
  return scope as LogoutScope;
}
