// The /auth endpoints and access tokens against API.md §2: every status code, the exact error body,
// refresh-token rotation and reuse detection, logout, token claims, and the rate limits.
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CurrentUserDocument } from '../generated/graphql.ts';
import { gql, http, register, startTestServer, type HttpResult, type Session, type TestServer } from '../support/server.ts';

const PASSWORD = 'correct horse battery';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

let n = 0;
function uniqueEmail(prefix = 'auth'): string {
  n += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${n}@example.test`;
}

/** Asserts an error response: the status, and a body that is exactly {error:{code,message}}. */
function expectError(result: HttpResult, status: number, code: string): void {
  expect({ status: result.status, body: result.body }).toMatchObject({ status, body: { error: { code } } });
  expect(Object.keys(result.body)).toEqual(['error']);
  expect(Object.keys(result.body.error).sort()).toEqual(['code', 'message']);
  expect(typeof result.body.error.message).toBe('string');
  expect(result.body.error.message.length).toBeGreaterThan(0);
  // No stack trace or SQL in an error message.
  expect(result.body.error.message).not.toMatch(/\n\s+at |select |insert |update |app_private|app_auth/i);
}

function expectSessionShape(body: any, user?: { email: string; name: string }): void {
  expect(Object.keys(body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken', 'user']);
  expect(Object.keys(body.user).sort()).toEqual(['email', 'id', 'name']);
  expect(body.user.id).toMatch(UUID);
  if (user) expect(body.user).toMatchObject(user);
  expect(typeof body.accessToken).toBe('string');
  expect(body.accessToken.split('.')).toHaveLength(3);
  expect(typeof body.refreshToken).toBe('string');
  expect(body.refreshToken.length).toBeGreaterThanOrEqual(32);
  expect(Number.isInteger(body.expiresIn)).toBe(true);
  expect(body.expiresIn).toBeGreaterThan(0);
  expect(body.expiresIn).toBeLessThanOrEqual(900);
}

const post = (pathname: string, body: unknown, headers: Record<string, string> = {}) => http(server, 'POST', pathname, { body, headers });
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const currentUser = (token: string) => gql(server, CurrentUserDocument, {}, { token });

async function registerWith(email: string, name = 'Alice'): Promise<Session> {
  const result = await post('/auth/register', { email, password: PASSWORD, name });
  expect(result.status).toBe(201);
  return result.body;
}

/** A token must be refused on /graphql with 401 INVALID_TOKEN (never anonymous). */
async function expectTokenRefused(token: string): Promise<void> {
  const result = await http(server, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers: bearer(token) });
  expectError(result, 401, 'INVALID_TOKEN');
}

describe('POST /auth/register', () => {
  test('201 with {user:{id,email,name}, accessToken, refreshToken, expiresIn}', async () => {
    const email = uniqueEmail();
    const result = await post('/auth/register', { email, password: PASSWORD, name: 'Alice Example' });
    expect(result.status).toBe(201);
    expect(result.headers.get('content-type')).toMatch(/application\/json/);
    expectSessionShape(result.body, { email, name: 'Alice Example' });
    const me = await currentUser(result.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.data?.currentUser).toEqual({ rowId: result.body.user.id, email, name: 'Alice Example' });
  });

  test.each([
    ['bad email (no @)', { email: 'not-an-email', password: PASSWORD, name: 'A' }],
    ['bad email (spaces)', { email: 'a b@example.test', password: PASSWORD, name: 'A' }],
    ['empty email', { email: '', password: PASSWORD, name: 'A' }],
    ['short password', { email: uniqueEmail(), password: 'short', name: 'A' }],
    ['7-character password', { email: uniqueEmail(), password: '1234567', name: 'A' }],
    ['missing email', { password: PASSWORD, name: 'A' }],
    ['missing password', { email: uniqueEmail(), name: 'A' }],
    ['missing name', { email: uniqueEmail(), password: PASSWORD }],
    ['blank name', { email: uniqueEmail(), password: PASSWORD, name: '   ' }],
    ['empty name', { email: uniqueEmail(), password: PASSWORD, name: '' }],
    ['name with a NUL character', { email: uniqueEmail(), password: PASSWORD, name: 'A\u0000B' }],
    ['name with a line break', { email: uniqueEmail(), password: PASSWORD, name: 'A\nB' }],
    ['name longer than 200 characters', { email: uniqueEmail(), password: PASSWORD, name: 'N'.repeat(201) }],
    ['email with a NUL character', { email: `a\u0000${uniqueEmail()}`, password: PASSWORD, name: 'A' }],
    ['email longer than 320 characters', { email: `${'x'.repeat(320)}@example.test`, password: PASSWORD, name: 'A' }],
    ['extra field', { email: uniqueEmail(), password: PASSWORD, name: 'A', admin: true }],
    ['email is a number', { email: 42, password: PASSWORD, name: 'A' }],
    ['password is a number', { email: uniqueEmail(), password: 12345678, name: 'A' }],
    ['name is an object', { email: uniqueEmail(), password: PASSWORD, name: { first: 'A' } }],
    ['password is null', { email: uniqueEmail(), password: null, name: 'A' }],
    ['body is an array', [{ email: uniqueEmail(), password: PASSWORD, name: 'A' }]],
    ['body is a string', 'hello'],
    ['body is empty object', {}],
  ])('400 VALIDATION_FAILED: %s', async (_label, body) => {
    expectError(await post('/auth/register', body), 400, 'VALIDATION_FAILED');
  });

  test('400 VALIDATION_FAILED for a body that is not JSON', async () => {
    const result = await http(server, 'POST', '/auth/register', { raw: '{"email": "a@b.c", ', headers: { 'content-type': 'application/json' } });
    expectError(result, 400, 'VALIDATION_FAILED');
    expectError(await http(server, 'POST', '/auth/register', { raw: '', headers: { 'content-type': 'application/json' } }), 400, 'VALIDATION_FAILED');
  });

  test('a body that is not application/json is refused without 5xx', async () => {
    const result = await http(server, 'POST', '/auth/register', { raw: 'email=a@b.c', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectError(result, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('409 EMAIL_TAKEN, also for the same address in another case', async () => {
    const email = uniqueEmail('Dup');
    await registerWith(email);
    expectError(await post('/auth/register', { email, password: PASSWORD, name: 'Again' }), 409, 'EMAIL_TAKEN');
    expectError(await post('/auth/register', { email: email.toUpperCase(), password: PASSWORD, name: 'Again' }), 409, 'EMAIL_TAKEN');
    expectError(await post('/auth/register', { email: email.toLowerCase(), password: 'another password', name: 'Again' }), 409, 'EMAIL_TAKEN');
  });
});

describe('POST /auth/login', () => {
  test('200 with the same shape as register; each login is a new session', async () => {
    const email = uniqueEmail();
    const registered = await registerWith(email, 'Bob');
    const result = await post('/auth/login', { email, password: PASSWORD });
    expect(result.status).toBe(200);
    expectSessionShape(result.body, { email, name: 'Bob' });
    expect(result.body.user.id).toBe(registered.user.id);
    expect(decodeJwt(result.body.accessToken).sid).not.toBe(decodeJwt(registered.accessToken).sid);
    expect(result.body.refreshToken).not.toBe(registered.refreshToken);
    expect((await currentUser(result.body.accessToken)).data?.currentUser?.rowId).toBe(registered.user.id);
  });

  test('the e-mail address is matched regardless of case', async () => {
    const email = uniqueEmail('Case');
    const registered = await registerWith(email);
    const result = await post('/auth/login', { email: email.toUpperCase(), password: PASSWORD });
    expect(result.status).toBe(200);
    expect(result.body.user.id).toBe(registered.user.id);
  });

  test('401 INVALID_CREDENTIALS for a wrong password and an unknown e-mail alike', async () => {
    const email = uniqueEmail();
    await registerWith(email);
    const wrongPassword = await post('/auth/login', { email, password: 'wrong password!' });
    const unknownEmail = await post('/auth/login', { email: uniqueEmail('nobody'), password: PASSWORD });
    expectError(wrongPassword, 401, 'INVALID_CREDENTIALS');
    expectError(unknownEmail, 401, 'INVALID_CREDENTIALS');
    expect(unknownEmail.body).toEqual(wrongPassword.body);
    // No hint about which half was wrong in the headers either.
    expect(unknownEmail.headers.get('content-length')).toBe(wrongPassword.headers.get('content-length'));
  });

  test.each([
    ['missing password', { email: 'a@example.test' }],
    ['missing email', { password: PASSWORD }],
    ['bad email', { email: 'nope', password: PASSWORD }],
    ['empty password', { email: 'a@example.test', password: '' }],
    ['extra field', { email: 'a@example.test', password: PASSWORD, remember: true }],
    ['wrong types', { email: ['a@example.test'], password: PASSWORD }],
  ])('400 VALIDATION_FAILED: %s', async (_label, body) => {
    expectError(await post('/auth/login', body), 400, 'VALIDATION_FAILED');
  });

  test('400 VALIDATION_FAILED for a body that is not JSON', async () => {
    expectError(await http(server, 'POST', '/auth/login', { raw: 'not json', headers: { 'content-type': 'application/json' } }), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /auth/refresh', () => {
  test('200 {accessToken, refreshToken, expiresIn}; the old refresh token stops working', async () => {
    const session = await register(server, 'Refresher');
    const result = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(result.status).toBe(200);
    expect(Object.keys(result.body).sort()).toEqual(['accessToken', 'expiresIn', 'refreshToken']);
    expect(result.body.refreshToken).not.toBe(session.refreshToken);
    expect(result.body.accessToken).not.toBe(session.accessToken);
    expect(result.body.expiresIn).toBeGreaterThan(0);
    expect(result.body.expiresIn).toBeLessThanOrEqual(900);
    // Same user, same session.
    const before = decodeJwt(session.accessToken);
    const after = decodeJwt(result.body.accessToken);
    expect(after.sub).toBe(before.sub);
    expect(after.sid).toBe(before.sid);
    expect(after.jti).not.toBe(before.jti);
    expect((await currentUser(result.body.accessToken)).data?.currentUser?.rowId).toBe(session.user.id);

    // The new refresh token works once more.
    const again = await post('/auth/refresh', { refreshToken: result.body.refreshToken });
    expect(again.status).toBe(200);
  });

  test('presenting a rotated refresh token revokes the whole session: 401 SESSION_REVOKED, then everything of it is refused', async () => {
    const session = await register(server, 'Victim');
    const other = await post('/auth/login', { email: session.user.email, password: PASSWORD });
    expect(other.status).toBe(200);

    const first = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(first.status).toBe(200);
    const second = await post('/auth/refresh', { refreshToken: first.body.refreshToken });
    expect(second.status).toBe(200);

    // The original (already rotated) token is presented again: someone copied it.
    expectError(await post('/auth/refresh', { refreshToken: session.refreshToken }), 401, 'SESSION_REVOKED');

    // The newest refresh token of that session is dead now…
    const newest = await post('/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(newest.status).toBe(401);
    // The session is revoked, so its newest token is no longer one the server knows.
    expect(['INVALID_TOKEN', 'SESSION_REVOKED']).toContain(newest.body.error.code);
    expectError(newest, 401, 'INVALID_TOKEN');
    // …and so is every access token of the session.
    for (const token of [session.accessToken, first.body.accessToken, second.body.accessToken]) await expectTokenRefused(token);
    expectError(await http(server, 'POST', '/auth/logout', { headers: bearer(second.body.accessToken) }), 401, 'INVALID_TOKEN');

    // The user's other session is untouched.
    expect((await currentUser(other.body.accessToken)).data?.currentUser?.rowId).toBe(session.user.id);
    expect((await post('/auth/refresh', { refreshToken: other.body.refreshToken })).status).toBe(200);
  });

  test('a rotated refresh token presented after a second rotation is also reuse', async () => {
    const session = await register(server, 'Victim2');
    const first = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expectError(await post('/auth/refresh', { refreshToken: session.refreshToken }), 401, 'SESSION_REVOKED');
    // Presenting it once more is still refused (session already revoked).
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: first.body.refreshToken })).status).toBe(401);
    await expectTokenRefused(first.body.accessToken);
  });

  test('one refresh token presented several times at once is rotated once; the rest is reuse', async () => {
    for (let round = 0; round < 3; round += 1) {
      const session = await register(server, 'Racer');
      const results = await Promise.all(Array.from({ length: 4 }, () => post('/auth/refresh', { refreshToken: session.refreshToken })));
      const winners = results.filter((result) => result.status === 200);
      expect(winners).toHaveLength(1);
      for (const loser of results.filter((result) => result.status !== 200)) {
        expect(loser.status).toBe(401);
        expect(['SESSION_REVOKED', 'INVALID_TOKEN']).toContain(loser.body.error.code);
      }
      expect(results.some((result) => result.body.error?.code === 'SESSION_REVOKED')).toBe(true);
      // The reuse revoked the session: no forked refresh chain survives.
      expect((await post('/auth/refresh', { refreshToken: winners[0].body.refreshToken })).status).toBe(401);
      await expectTokenRefused(winners[0].body.accessToken);
    }
  });

  test('401 INVALID_TOKEN for a garbage or unknown refresh token', async () => {
    expectError(await post('/auth/refresh', { refreshToken: 'garbage' }), 401, 'INVALID_TOKEN');
    expectError(await post('/auth/refresh', { refreshToken: 'A'.repeat(43) }), 401, 'INVALID_TOKEN');
    // An access token is not a refresh token: longer than any refresh token, it is refused by validation.
    const session = await register(server, 'Mixup');
    const mixup = await post('/auth/refresh', { refreshToken: session.accessToken });
    expect(mixup.status).toBeGreaterThanOrEqual(400);
    expect(mixup.status).toBeLessThan(500);
    expectError(mixup, 400, 'VALIDATION_FAILED');
  });

  test('400 VALIDATION_FAILED for a malformed body', async () => {
    expectError(await post('/auth/refresh', {}), 400, 'VALIDATION_FAILED');
    expectError(await post('/auth/refresh', { refreshToken: 12 }), 400, 'VALIDATION_FAILED');
    expectError(await post('/auth/refresh', { refreshToken: '' }), 400, 'VALIDATION_FAILED');
    expectError(await post('/auth/refresh', { refreshToken: 'x', extra: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await http(server, 'POST', '/auth/refresh', { raw: '{', headers: { 'content-type': 'application/json' } }), 400, 'VALIDATION_FAILED');
  });

  test('a refresh token of a logged-out session is refused', async () => {
    const session = await register(server, 'LoggedOut');
    expect((await http(server, 'POST', '/auth/logout', { headers: bearer(session.accessToken) })).status).toBe(204);
    expectError(await post('/auth/refresh', { refreshToken: session.refreshToken }), 401, 'INVALID_TOKEN');
  });
});

describe('POST /auth/logout', () => {
  test('204; that access token and its refresh token get 401 at once; other sessions keep working', async () => {
    const session = await register(server, 'Leaver');
    const second = await post('/auth/login', { email: session.user.email, password: PASSWORD });
    expect(second.status).toBe(200);
    const refreshed = await post('/auth/refresh', { refreshToken: session.refreshToken });
    expect(refreshed.status).toBe(200);

    const result = await http(server, 'POST', '/auth/logout', { headers: bearer(refreshed.body.accessToken) });
    expect(result.status).toBe(204);
    expect(result.body).toBeUndefined();

    // Every access token of the session, old and new, is refused on the very next request.
    await expectTokenRefused(refreshed.body.accessToken);
    await expectTokenRefused(session.accessToken);
    expectError(await post('/auth/refresh', { refreshToken: refreshed.body.refreshToken }), 401, 'INVALID_TOKEN');
    // Logging out twice with the same token is a 401 too.
    expectError(await http(server, 'POST', '/auth/logout', { headers: bearer(refreshed.body.accessToken) }), 401, 'INVALID_TOKEN');

    // The other session of the same user is unaffected.
    const me = await currentUser(second.body.accessToken);
    expect(me.status).toBe(200);
    expect(me.data?.currentUser?.rowId).toBe(session.user.id);
    expect((await post('/auth/refresh', { refreshToken: second.body.refreshToken })).status).toBe(200);
  });

  test('401 without a token, with a malformed Authorization header, or with a non-Bearer scheme', async () => {
    const none = await http(server, 'POST', '/auth/logout');
    expect(none.status).toBe(401);
    expectError(none, 401, 'NOT_AUTHENTICATED');
    expectError(await http(server, 'POST', '/auth/logout', { headers: { authorization: 'Bearer' } }), 401, 'INVALID_TOKEN');
    expectError(await http(server, 'POST', '/auth/logout', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'INVALID_TOKEN');
    expectError(await http(server, 'POST', '/auth/logout', { headers: { authorization: 'Bearer a b' } }), 401, 'INVALID_TOKEN');
  });

  test('logout ends the session whatever the body: JSON, empty JSON, invalid JSON, another media type', async () => {
    const bodies = [
      { body: {} },
      { raw: '', headers: { 'content-type': 'application/json' } },
      { raw: '{"not json', headers: { 'content-type': 'application/json' } },
      { raw: 'plain words', headers: { 'content-type': 'text/plain' } },
    ];
    for (const options of bodies) {
      const session = await register(server, 'BodyLogout');
      const result = await http(server, 'POST', '/auth/logout', { ...options, headers: { ...options.headers, ...bearer(session.accessToken) } });
      expect(result.status, JSON.stringify(options)).toBe(204);
      await expectTokenRefused(session.accessToken);
    }
  });
});

describe('the refresh token in an HttpOnly cookie (X-Refresh-Cookie: 1, the console)', () => {
  const COOKIE = { 'x-refresh-cookie': '1' };
  /** The refresh cookie a response sets: its value and attributes. */
  function refreshCookie(result: HttpResult): { value: string; attributes: string } | undefined {
    const set = result.headers.getSetCookie().find((c) => c.startsWith('rowgate_refresh='));
    if (!set) return undefined;
    const [pair, ...attributes] = set.split(';').map((part) => part.trim());
    return { value: pair.slice('rowgate_refresh='.length), attributes: attributes.join('; ') };
  }
  const withCookie = (value: string, headers: Record<string, string> = COOKIE) => ({ ...headers, cookie: `rowgate_refresh=${value}` });

  test('register and login set it HttpOnly, SameSite=Strict, on /auth only, and leave it out of the body', async () => {
    const email = uniqueEmail('cookie');
    const registered = await http(server, 'POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Cookie' }, headers: COOKIE });
    expect(registered.status).toBe(201);
    expect(Object.keys(registered.body).sort()).toEqual(['accessToken', 'expiresIn', 'user']);
    const cookie = refreshCookie(registered)!;
    expect(cookie.value.length).toBeGreaterThan(20);
    expect(cookie.attributes).toMatch(/Max-Age=\d+/);
    expect(cookie.attributes).toMatch(/Path=\/auth/);
    expect(cookie.attributes).toMatch(/HttpOnly/);
    expect(cookie.attributes).toMatch(/SameSite=Strict/);
    expect(cookie.attributes).not.toMatch(/Secure/); // plain HTTP in development; production sets Secure

    const login = await http(server, 'POST', '/auth/login', { body: { email, password: PASSWORD }, headers: COOKIE });
    expect(login.status).toBe(200);
    expect(login.body.refreshToken).toBeUndefined();
    expect(refreshCookie(login)).toBeDefined();
  });

  test('refresh takes it from the cookie and rotates it; the rotated one presented again revokes the session and clears it', async () => {
    const login = await http(server, 'POST', '/auth/register', { body: { email: uniqueEmail('rotate'), password: PASSWORD, name: 'Rotate' }, headers: COOKIE });
    const first = refreshCookie(login)!.value;
    const refreshed = await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(first) });
    expect(refreshed.status).toBe(200);
    expect(Object.keys(refreshed.body).sort()).toEqual(['accessToken', 'expiresIn']);
    const second = refreshCookie(refreshed)!.value;
    expect(second).not.toBe(first);

    const reused = await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(first) });
    expectError(reused, 401, 'SESSION_REVOKED');
    expect(refreshCookie(reused)?.value).toBe(''); // cleared
    expectError(await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(second) }), 401, 'INVALID_TOKEN');
  });

  test('the cookie alone is never enough: without the header it is ignored (as a cross-site form would send it)', async () => {
    const login = await http(server, 'POST', '/auth/register', { body: { email: uniqueEmail('csrf'), password: PASSWORD, name: 'Csrf' }, headers: COOKIE });
    const value = refreshCookie(login)!.value;
    expectError(await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(value, {}) }), 400, 'VALIDATION_FAILED');
    // ... and it still works with the header: nothing was rotated.
    expect((await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(value) })).status).toBe(200);
  });

  test('with the header and no cookie: 401 NOT_AUTHENTICATED; logout clears the cookie', async () => {
    expectError(await http(server, 'POST', '/auth/refresh', { body: {}, headers: COOKIE }), 401, 'NOT_AUTHENTICATED');
    const login = await http(server, 'POST', '/auth/register', { body: { email: uniqueEmail('out'), password: PASSWORD, name: 'Out' }, headers: COOKIE });
    const value = refreshCookie(login)!.value;
    const logout = await http(server, 'POST', '/auth/logout', { headers: { ...bearer(login.body.accessToken), ...withCookie(value) } });
    expect(logout.status).toBe(204);
    expect(refreshCookie(logout)?.value).toBe('');
    expectError(await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(value) }), 401, 'INVALID_TOKEN');
  });

  test("logout with the cookie alone (an access token long expired) ends the session: its cookie and its access tokens stop working", async () => {
    const login = await http(server, 'POST', '/auth/register', { body: { email: uniqueEmail('slept'), password: PASSWORD, name: 'Slept' }, headers: COOKIE });
    const value = refreshCookie(login)!.value;
    const logout = await http(server, 'POST', '/auth/logout', { headers: withCookie(value) });
    expect(logout.status).toBe(204);
    expect(refreshCookie(logout)?.value).toBe('');
    expectError(await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(value) }), 401, 'INVALID_TOKEN');
    expectError(await http(server, 'POST', '/graphql', { body: { query: '{ currentUser { rowId } }' }, headers: bearer(login.body.accessToken) }), 401, 'INVALID_TOKEN');
  });

  test('an already rotated cookie ends its session too; a cookie without the header, or naming no session, ends nothing', async () => {
    const login = await http(server, 'POST', '/auth/register', { body: { email: uniqueEmail('rotated-out'), password: PASSWORD, name: 'Rotated' }, headers: COOKIE });
    const first = refreshCookie(login)!.value;
    const refreshed = await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(first) });
    const second = refreshCookie(refreshed)!.value;
    // Without X-Refresh-Cookie (a cross-site form): the cookie is not read, nothing ends.
    expectError(await http(server, 'POST', '/auth/logout', { headers: withCookie(second, {}) }), 401, 'NOT_AUTHENTICATED');
    expect((await http(server, 'POST', '/graphql', { body: { query: '{ currentUser { rowId } }' }, headers: bearer(refreshed.body.accessToken) })).status).toBe(200);
    expect((await http(server, 'POST', '/auth/logout', { headers: withCookie('not-a-token-of-anyone') })).status).toBe(204);
    expect((await http(server, 'POST', '/auth/logout', { headers: withCookie(first) })).status).toBe(204);
    expectError(await http(server, 'POST', '/auth/refresh', { body: {}, headers: withCookie(second) }), 401, 'INVALID_TOKEN');
  });
});

describe('access tokens', () => {
  test('are ES256/EdDSA JWTs with a published kid and the documented claims, lifetime ≤ 15 minutes', async () => {
    const session = await register(server, 'Claims');
    const header = decodeProtectedHeader(session.accessToken);
    expect(['ES256', 'EdDSA']).toContain(header.alg);
    expect(typeof header.kid).toBe('string');

    const jwks = await http(server, 'GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    expect(Array.isArray(jwks.body.keys)).toBe(true);
    const key = jwks.body.keys.find((k: { kid?: string }) => k.kid === header.kid);
    expect(key).toBeDefined();
    // Only public material is published.
    for (const k of jwks.body.keys) for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) expect(k).not.toHaveProperty(secret);
    expect(key.alg).toBe(header.alg);

    const claims = decodeJwt(session.accessToken);
    expect(claims.sub).toBe(session.user.id);
    expect(claims.sid).toMatch(UUID);
    expect(claims.iss).toBe(server.config.jwt.issuer);
    expect(claims.aud === server.config.jwt.audience || (Array.isArray(claims.aud) && claims.aud.includes(server.config.jwt.audience))).toBe(true);
    expect(typeof claims.jti).toBe('string');
    expect(Number.isInteger(claims.iat)).toBe(true);
    expect(Number.isInteger(claims.exp)).toBe(true);
    expect(claims.exp! - claims.iat!).toBeGreaterThan(0);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(900);
    expect(claims.exp! - claims.iat!).toBe(session.expiresIn);
    expect(Math.abs(claims.iat! - Date.now() / 1000)).toBeLessThan(60);
    // Nothing personal beyond the ids.
    expect(claims).not.toHaveProperty('email');
    expect(claims).not.toHaveProperty('password');
  });

  test('a valid token on /graphql returns the user; without a token the caller is anonymous', async () => {
    const session = await register(server, 'Graph');
    const me = await currentUser(session.accessToken);
    expect(me.status).toBe(200);
    expect(me.errors).toBeUndefined();
    expect(me.data?.currentUser).toEqual({ rowId: session.user.id, email: session.user.email, name: 'Graph' });
    const anonymous = await gql(server, CurrentUserDocument, {});
    expect(anonymous.status).toBe(200);
    expect(anonymous.data?.currentUser).toBeNull();
  });

  test('X-Organization-Id that is not a UUID is 400 VALIDATION_FAILED', async () => {
    const session = await register(server, 'OrgHeader');
    for (const value of ['not-a-uuid', '123', "00000000-0000-0000-0000-00000000000g", "' or 1=1 --"]) {
      const result = await http(server, 'POST', '/graphql', {
        body: { query: String(CurrentUserDocument) },
        headers: { ...bearer(session.accessToken), 'x-organization-id': value },
      });
      expectError(result, 400, 'VALIDATION_FAILED');
    }
    // A well-formed UUID is accepted (and shows nothing of an organization the user is not in).
    const ok = await gql(server, CurrentUserDocument, {}, { token: session.accessToken, organizationId: crypto.randomUUID() });
    expect(ok.status).toBe(200);
    expect(ok.data?.currentUser?.rowId).toBe(session.user.id);
  });

  test('unknown endpoints get 404 NOT_FOUND in the error shape', async () => {
    expectError(await http(server, 'GET', '/auth/whoami'), 404, 'NOT_FOUND');
  });
});

describe('rate limits', () => {
  test('the 4th /auth/login from one IP within a minute gets 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await startTestServer({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
    try {
      const login = () => http(limited, 'POST', '/auth/login', { body: { email: 'someone@example.test', password: PASSWORD } });
      for (let i = 0; i < 3; i += 1) expect((await login()).status).toBe(401);
      const fourth = await login();
      expectError(fourth, 429, 'RATE_LIMITED');
      const retryAfter = fourth.headers.get('retry-after');
      expect(retryAfter).not.toBeNull();
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);
    } finally {
      await limited.close();
    }
  });

  test('an IPv6 client counts per /64: new addresses in the same /64 share one budget, another /64 has its own', async () => {
    // One proxy in front, so the client address comes from X-Forwarded-For.
    const limited = await startTestServer({ RATE_LIMIT_AUTH_PER_MINUTE: '3', TRUST_PROXY_HOPS: '1' });
    try {
      const login = (address: string) =>
        http(limited, 'POST', '/auth/login', { body: { email: 'someone@example.test', password: PASSWORD }, headers: { 'x-forwarded-for': address } });
      for (let i = 1; i <= 3; i += 1) expect((await login(`2001:db8:1:2::${i}`)).status).toBe(401);
      expectError(await login('2001:db8:1:2:ffff::9'), 429, 'RATE_LIMITED');
      expect((await login('2001:db8:1:3::1')).status).toBe(401);
    } finally {
      await limited.close();
    }
  });

  test('/graphql is limited per user: user A is limited, user B still allowed', async () => {
    const limited = await startTestServer({ RATE_LIMIT_GRAPHQL_PER_MINUTE: '3' });
    try {
      const a = await register(limited, 'LimitA');
      const b = await register(limited, 'LimitB');
      for (let i = 0; i < 3; i += 1) {
        const ok = await gql(limited, CurrentUserDocument, {}, { token: a.accessToken });
        expect(ok.status).toBe(200);
        expect(ok.data?.currentUser?.rowId).toBe(a.user.id);
      }
      const fourth = await http(limited, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers: bearer(a.accessToken) });
      expectError(fourth, 429, 'RATE_LIMITED');
      expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another session of user A shares A's budget: the key is the user, not the token.
      const a2 = await http(limited, 'POST', '/auth/login', { body: { email: a.user.email, password: PASSWORD } });
      expect(a2.status).toBe(200);
      expect((await gql(limited, CurrentUserDocument, {}, { token: a2.body.accessToken })).status).toBe(429);
      const b1 = await gql(limited, CurrentUserDocument, {}, { token: b.accessToken });
      expect(b1.status).toBe(200);
      expect(b1.data?.currentUser?.rowId).toBe(b.user.id);
    } finally {
      await limited.close();
    }
  });
});
