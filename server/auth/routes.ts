// /auth/register, /auth/login, /auth/refresh, /auth/logout and /.well-known/jwks.json (API.md §2).
//
// A browser client may keep its refresh token where no script can read it: with `X-Refresh-Cookie: 1`
// the refresh token is set as an HttpOnly, SameSite=Strict cookie scoped to /auth instead of being put in
// the body, and /auth/refresh takes it from there (with the same header, which no other site's form can
// send and no other origin's script may send without passing CORS). Without the header everything is as
// the contract says: the token travels in the JSON bodies.
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../errors.ts';
import { addressKey } from '../request-context.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { SessionStore } from './sessions.ts';
import type { Claims, TokenService } from './tokens.ts';

const Email = Type.String({ format: 'email', maxLength: 320 });
const Password = Type.String({ minLength: 8, maxLength: 200 });
const RegisterBody = Type.Object({ email: Email, password: Password, name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) }, { additionalProperties: false });
const LoginBody = Type.Object({ email: Email, password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
const RefreshBody = Type.Object({ refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) }, { additionalProperties: false });

const REFRESH_COOKIE = 'rowgate_refresh';
const wantsCookie = (request: FastifyRequest) => request.headers['x-refresh-cookie'] === '1';

// Fastify's default Ajv coerces types (a number password becomes a string) and silently strips the
// properties `additionalProperties: false` forbids; these bodies carry credentials, so a wrong type or an
// unknown field is refused (400 VALIDATION_FAILED) instead of being reinterpreted.
const strictBody: FastifySchemaCompiler<Type.TSchema> = ({ schema }) => {
  const validator = Compile(schema);
  return (value: unknown) => {
    if (validator.Check(value)) return { value };
    const errors = validator.Errors(value);
    const first = errors[0];
    const what = first?.message === 'schema is false' ? 'is not allowed' : first?.message;
    return { error: Object.assign(new Error(first ? `body${first.instancePath} ${what}` : 'body is invalid'), { validation: errors }) };
  };
};

export interface AuthRouteOptions {
  tokens: TokenService;
  sessions: SessionStore;
  rateLimitPerMinute: number;
  /** Seconds a refresh cookie lives: the session's own lifetime. */
  refreshTokenTtl: number;
  /** Cookies marked Secure (always in production; otherwise only over HTTPS). */
  secureCookies: boolean;
}

export async function authRoutes(app: FastifyInstance, { tokens, sessions, rateLimitPerMinute, refreshTokenTtl, secureCookies }: AuthRouteOptions) {
  await app.register(cookie);
  // Per client IP: these endpoints are where passwords and refresh tokens get guessed. Counted as the
  // request arrives, before its token (logout's) is looked up.
  const config = { rateLimit: { max: rateLimitPerMinute, timeWindow: '1 minute', hook: 'onRequest' as const, keyGenerator: addressKey } };

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
    const { sessionId, refreshToken } = await sessions.start(user.id);
    return { user, ...(await issue(request, reply, { userId: user.id, sessionId }, refreshToken)) };
  };

  app.post('/auth/register', { schema: { body: RegisterBody }, validatorCompiler: strictBody, config }, async (request, reply) => {
    const { email, password, name } = request.body as Type.Static<typeof RegisterBody>;
    // PostgreSQL text cannot hold NUL (the insert would fail as a 500), and no display name needs control characters.
    if (/[\u0000-\u001f\u007f]/.test(name)) throw new AppError('VALIDATION_FAILED', 'The name may not contain control characters');
    const userId = await sessions.register(email, name.trim(), await hashPassword(password)).catch((error: { code?: string }) => {
      if (error.code === 'RGEML') throw new AppError('EMAIL_TAKEN', 'This e-mail address is already registered');
      if (error.code === '23514') throw new AppError('VALIDATION_FAILED', 'The e-mail address or name is not allowed');
      throw error;
    });
    return reply.status(201).send(await signIn(request, reply, { id: userId, email, name: name.trim() }));
  });

  app.post('/auth/login', { schema: { body: LoginBody }, validatorCompiler: strictBody, config }, async (request, reply) => {
    const { email, password } = request.body as Type.Static<typeof LoginBody>;
    const found = await sessions.credentials(email);
    if (!(await verifyPassword(found?.passwordHash, password)) || !found) {
      throw new AppError('INVALID_CREDENTIALS', 'Wrong e-mail address or password');
    }
    return signIn(request, reply, { id: found.id, email: found.email, name: found.name });
  });

  app.post('/auth/refresh', { schema: { body: RefreshBody }, validatorCompiler: strictBody, config }, async (request, reply) => {
    const fromCookie = wantsCookie(request) ? request.cookies[REFRESH_COOKIE] : undefined;
    const refreshToken = (request.body as Type.Static<typeof RefreshBody>).refreshToken ?? fromCookie;
    if (!refreshToken) {
      if (wantsCookie(request)) throw new AppError('NOT_AUTHENTICATED', 'No session in this browser: sign in');
      throw new AppError('VALIDATION_FAILED', 'Invalid request: body must have property refreshToken');
    }
    const result = await sessions.rotate(refreshToken);
    if (result.status !== 'ok') {
      if (fromCookie) reply.clearCookie(REFRESH_COOKIE, cookieOptions(request));
      throw result.status === 'reused'
        ? new AppError('SESSION_REVOKED', 'This refresh token was already used; the session is revoked')
        : new AppError('INVALID_TOKEN', 'The refresh token is invalid or expired');
    }
    return issue(request, reply, result.claims, result.refreshToken);
  });

  // Logout reads nothing from the body, so no body (empty JSON, invalid JSON, any media type) can keep a
  // session alive: in a scope of its own, every body is accepted unread. It ends the session of the access
  // token, and for a cookie client the session of its refresh cookie: a browser whose access token has
  // expired (a tab that slept) signs out with the cookie alone, and never leaves it able to mint tokens.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
    scope.post('/auth/logout', { config }, async (request, reply) => {
      const fromCookie = wantsCookie(request) ? request.cookies[REFRESH_COOKIE] : undefined;
      if (!request.auth && !fromCookie) throw new AppError('NOT_AUTHENTICATED', 'Send the access token (or, from the console, the refresh cookie) to log out');
      if (request.auth) await sessions.logout(request.auth);
      if (fromCookie) await sessions.logoutWithRefreshToken(fromCookie);
      return reply.clearCookie(REFRESH_COOKIE, cookieOptions(request)).status(204).send();
    });
  });

  app.get('/.well-known/jwks.json', async (_request, reply) => reply.header('cache-control', 'public, max-age=300').send(tokens.jwks));
}
