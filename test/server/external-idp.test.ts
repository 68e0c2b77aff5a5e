// Tokens of an external identity provider (AUTH_JWKS_URL, AUTH_ISSUER, AUTH_AUDIENCE): a local JWKS server
// plays the IdP; its tokens are accepted on /graphql and mapped to users by (issuer, sub), and logout ends
// them like a local session.
import http_ from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, decodeJwt, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CurrentUserDocument } from '../generated/graphql.ts';
import { tokenIn, waitForMail } from '../support/mail.ts';
import { gql, http, register, startTestServer, type HttpResult, type TestServer } from '../support/server.ts';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'rowgate-test';
const KID = 'idp-key-1';

let idpKey: CryptoKey;
let idpPublicJwk: JWK;
let jwksServer: http_.Server;
let jwksUrl: string;
let jwksRequests = 0;
let server: TestServer;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true });
  idpKey = pair.privateKey;
  idpPublicJwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  jwksServer = http_.createServer((request, response) => {
    jwksRequests += 1;
    if (request.url !== '/jwks.json') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [idpPublicJwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  server = await startTestServer({ AUTH_JWKS_URL: jwksUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE }, { worker: true });
});
afterAll(async () => {
  await server?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const now = () => Math.floor(Date.now() / 1000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let n = 0;
function identity(prefix = 'idp') {
  n += 1;
  const tag = `${prefix}-${process.pid}-${Date.now()}-${n}`;
  return { sub: `auth0|${tag}`, email: `${tag}@idp.example.test`, name: `IdP User ${n}` };
}

/** A token as the IdP issues it (a verified address by default); `claims` replace claims (undefined removes one). */
async function idpToken(
  claims: Record<string, unknown>,
  { key = idpKey, header = {} }: { key?: CryptoKey; header?: Record<string, unknown> } = {},
): Promise<string> {
  const payload: Record<string, unknown> = { iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 300, jti: crypto.randomUUID(), email_verified: true, ...claims };
  for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
  return new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: 'RS256', kid: KID, typ: 'JWT', ...header } as never).sign(key);
}

const me = (token: string) => gql(server, CurrentUserDocument, {}, { token });
const logout = (token: string) => http(server, 'POST', '/auth/logout', { headers: { authorization: `Bearer ${token}` } });

function expectInvalidToken(result: HttpResult | { status: number; body?: unknown }): void {
  expect({ status: result.status, body: result.body }).toEqual({
    status: 401,
    body: { error: { code: 'INVALID_TOKEN', message: expect.any(String) } },
  });
}

async function expectRefused(token: string): Promise<void> {
  expectInvalidToken(await http(server, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers: { authorization: `Bearer ${token}` } }));
}

describe('tokens of the identity provider', () => {
  test('are accepted: the user is created from the email and name claims', async () => {
    const who = identity();
    const result = await me(await idpToken(who));
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
    expect(result.data?.currentUser).toMatchObject({ email: who.email, name: who.name });
    expect(result.data?.currentUser?.rowId).toMatch(/^[0-9a-f-]{36}$/);
    expect(jwksRequests).toBeGreaterThan(0);
  });

  test('the same (iss, sub) maps to the same user on the next request and with the next token', async () => {
    const who = identity();
    const token = await idpToken(who);
    const first = await me(token);
    const again = await me(token);
    const next = await me(await idpToken(who));
    // A changed e-mail claim does not make it another user: identity is (issuer, sub).
    const renamed = await me(await idpToken({ ...who, email: `changed-${who.email}`, name: 'Changed' }));
    const id = first.data?.currentUser?.rowId;
    expect(id).toBeDefined();
    for (const result of [again, next, renamed]) {
      expect(result.status).toBe(200);
      expect(result.data?.currentUser?.rowId).toBe(id);
    }
    // Another subject is another user.
    const other = await me(await idpToken(identity()));
    expect(other.data?.currentUser?.rowId).toBeDefined();
    expect(other.data?.currentUser?.rowId).not.toBe(id);
  });

  test('a name claim missing or blank falls back to the e-mail address', async () => {
    const who = identity();
    const result = await me(await idpToken({ sub: who.sub, email: who.email, name: '   ' }));
    expect(result.status).toBe(200);
    expect(result.data?.currentUser).toMatchObject({ email: who.email, name: who.email });
    const noName = identity();
    const result2 = await me(await idpToken({ sub: noName.sub, email: noName.email }));
    expect(result2.data?.currentUser).toMatchObject({ email: noName.email, name: noName.email });
  });

  test('local accounts keep working next to the identity provider', async () => {
    const local = await register(server, 'Local');
    const result = await me(local.accessToken);
    expect(result.data?.currentUser?.rowId).toBe(local.user.id);
  });
});

describe('a pre-account takeover', () => {
  // Mallory registers Victoria's address with a password of her own, before Victoria ever signs in
  // through single sign-on. Were the provider's identity linked to that account, Mallory would keep a
  // password into the account Victoria then uses.
  test("the squatter's unverified account is never linked; a password reset gives the address's owner the account and ends the squatter's access", async () => {
    const victim = identity('victim');
    const squat = await http(server, 'POST', '/auth/register', { body: { email: victim.email, password: 'mallory-password', name: 'Victoria' } });
    expect(squat.status).toBe(201);

    const refused = await http(server, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers: { authorization: `Bearer ${await idpToken(victim)}` } });
    expect({ status: refused.status, code: refused.body.error?.code }).toEqual({ status: 403, code: 'IDENTITY_NOT_LINKED' });
    expect(refused.body.error.message).toMatch(/reset its password/);

    // Victoria asks for a reset; the mail reaches her address, not Mallory.
    expect((await http(server, 'POST', '/auth/forgot-password', { body: { email: victim.email } })).status).toBe(202);
    const mail = await waitForMail(server.worker!.outboxDir, victim.email, /Reset your rowgate password/);
    expect((await http(server, 'POST', '/auth/reset-password', { body: { token: tokenIn(mail), password: 'victoria-password' } })).status).toBe(204);

    // Mallory is out: her access token, her refresh token and her password.
    expectInvalidToken(await http(server, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers: { authorization: `Bearer ${squat.body.accessToken}` } }));
    expectInvalidToken(await http(server, 'POST', '/auth/refresh', { body: { refreshToken: squat.body.refreshToken } }));
    expect((await http(server, 'POST', '/auth/login', { body: { email: victim.email, password: 'mallory-password' } })).body.error.code).toBe('INVALID_CREDENTIALS');

    // The address is verified now, so the provider's identity links to the account.
    const linked = await http(server, 'POST', '/graphql', {
      body: { query: '{ currentUser { rowId email emailVerified } }' },
      headers: { authorization: `Bearer ${await idpToken(victim)}` },
    });
    expect(linked.status).toBe(200);
    expect(linked.body.data.currentUser).toEqual({ rowId: squat.body.user.id, email: victim.email, emailVerified: true });
  });
});

describe('refused identity-provider tokens', () => {
  test('wrong audience, wrong issuer, expired, without exp', async () => {
    const who = identity();
    // The identity exists and works, so each refusal below is about the one flaw.
    expect((await me(await idpToken(who))).status).toBe(200);
    await expectRefused(await idpToken({ ...who, aud: 'some-other-api' }));
    await expectRefused(await idpToken({ ...who, aud: undefined }));
    // Our own audience or issuer is not the IdP's.
    await expectRefused(await idpToken({ ...who, aud: server.config.jwt.audience }));
    await expectRefused(await idpToken({ ...who, iss: 'https://evil.test' }));
    await expectRefused(await idpToken({ ...who, iss: server.config.jwt.issuer }));
    await expectRefused(await idpToken({ ...who, iat: now() - 3600, exp: now() - 600 }));
    await expectRefused(await idpToken({ ...who, exp: undefined }));
    await expectRefused(await idpToken({ ...who, sub: undefined }));
  });

  test('signed by another key, with the IdP kid or another one', async () => {
    const who = identity();
    expect((await me(await idpToken(who))).status).toBe(200);
    const rogue = await generateKeyPair('RS256');
    await expectRefused(await idpToken(who, { key: rogue.privateKey }));
    await expectRefused(await idpToken(who, { key: rogue.privateKey, header: { kid: 'rogue' } }));
    const rogueEc = await generateKeyPair('ES256');
    await expectRefused(await idpToken(who, { key: rogueEc.privateKey, header: { alg: 'ES256' } }));
    // Algorithm confusion with the IdP's public key as an HMAC secret.
    const secret = new TextEncoder().encode(JSON.stringify(idpPublicJwk));
    await expectRefused(await new SignJWT({ ...who, iss: ISSUER, aud: AUDIENCE }).setProtectedHeader({ alg: 'HS256', kid: KID }).setIssuedAt().setExpirationTime('5m').sign(secret));
    // Unsigned.
    const payload = base64url.encode(JSON.stringify({ ...who, iss: ISSUER, aud: AUDIENCE, iat: now(), exp: now() + 300 }));
    await expectRefused(`${base64url.encode(JSON.stringify({ alg: 'none', kid: KID }))}.${payload}.`);
    // Tampered: sub swapped in a genuine token.
    const [h, p, s] = (await idpToken(who)).split('.');
    const claims = decodeJwt(`${h}.${p}.${s}`);
    await expectRefused(`${h}.${base64url.encode(JSON.stringify({ ...claims, sub: identity().sub }))}.${s}`);
  });

  test('a first-seen identity whose token has no usable e-mail is a 401, not a 5xx', async () => {
    const who = identity();
    for (const claims of [
      { sub: who.sub }, // no email claim at all
      { sub: who.sub, email: 42 }, // not a string
      { sub: who.sub, email: 'not an e-mail address' },
      { sub: who.sub, email: `${'x'.repeat(400)}@idp.example.test` },
      { sub: who.sub, email: `nul\u0000${who.email}` },
      // A sub PostgreSQL text cannot store.
      { sub: `nul\u0000${who.sub}`, email: who.email },
    ]) {
      const result = await http(server, 'POST', '/graphql', {
        body: { query: String(CurrentUserDocument) },
        headers: { authorization: `Bearer ${await idpToken(claims)}` },
      });
      expect(result.status).toBeLessThan(500);
      expectInvalidToken(result);
    }
  });

  test('an over-long name claim, or one with control characters, does not break sign-in', async () => {
    for (const name of ['N'.repeat(1000), 'Nul\u0000Name', 'Line\nbreak', '\u00a0\u00a0']) {
      const who = identity();
      const result = await http(server, 'POST', '/graphql', {
        body: { query: String(CurrentUserDocument) },
        headers: { authorization: `Bearer ${await idpToken({ ...who, name })}` },
      });
      expect(result.status).toBe(200);
      expect(result.body.data.currentUser.email).toBe(who.email);
      expect(result.body.data.currentUser.name.length).toBeGreaterThan(0);
      expect(result.body.data.currentUser.name.length).toBeLessThanOrEqual(200);
    }
  });

  test('an address the IdP does not say it verified creates no account and links to none: 403 IDENTITY_NOT_LINKED', async () => {
    const local = await register(server, 'Owner');
    const attacker = identity('attacker');
    for (const claims of [
      { sub: attacker.sub, email: local.user.email, email_verified: false, name: 'Mallory' },
      { sub: attacker.sub, email: local.user.email.toUpperCase(), email_verified: undefined },
      { sub: attacker.sub, email: attacker.email, email_verified: 'true' },
    ]) {
      const result = await http(server, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers: { authorization: `Bearer ${await idpToken(claims)}` } });
      expect({ status: result.status, code: result.body.error?.code, message: result.body.error?.message }).toEqual({
        status: 403,
        code: 'IDENTITY_NOT_LINKED',
        message: 'The identity provider has not verified this e-mail address',
      });
    }
    // The owner is unaffected, and the identity did not become anyone.
    expect((await me(local.accessToken)).data?.currentUser?.rowId).toBe(local.user.id);
    const { rows } = await server.db.pool.query('select count(*)::int as n from app_private.user_identities where subject = $1', [attacker.sub]);
    expect(rows[0].n).toBe(0);
  });

  test('several first requests of a new identity at once all succeed, as one user', async () => {
    const who = identity();
    const tokens = await Promise.all(Array.from({ length: 6 }, () => idpToken(who)));
    const results = await Promise.all(tokens.map((token) => me(token)));
    expect(results.map((result) => result.status)).toEqual(results.map(() => 200));
    const ids = new Set(results.map((result) => result.data?.currentUser?.rowId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeDefined();
  });
});

describe('logout with an identity-provider token', () => {
  test('ends that token; a newer token (later iat) works again, and the old one stays refused', async () => {
    const who = identity();
    const token = await idpToken(who);
    const before = await me(token);
    expect(before.status).toBe(200);
    const userId = before.data?.currentUser?.rowId;

    expect((await logout(token)).status).toBe(204);
    await expectRefused(token);
    expectInvalidToken(await logout(token));
    // Another token issued before the logout is refused as well.
    await expectRefused(await idpToken({ ...who, iat: now() - 5 }));

    // iat has a resolution of one second: the next token the IdP issues is at least one second later.
    await sleep(1_100);
    const newer = await idpToken(who);
    const after = await me(newer);
    expect(after.status).toBe(200);
    expect(after.data?.currentUser?.rowId).toBe(userId);
  });

  // Logout sets the identity's not_before; a newer token opening a new session must not revive older ones.
  test('a logged-out token stays refused after the identity signs in again', async () => {
    const who = identity();
    const token = await idpToken(who);
    expect((await me(token)).status).toBe(200);
    expect((await logout(token)).status).toBe(204);
    await expectRefused(token);
    await sleep(1_100);
    expect((await me(await idpToken(who))).status).toBe(200);
    await expectRefused(token);
  });

  test('logout of one identity does not end the sessions of others', async () => {
    const a = identity();
    const b = identity();
    const tokenA = await idpToken(a);
    const tokenB = await idpToken(b);
    expect((await me(tokenA)).status).toBe(200);
    expect((await me(tokenB)).status).toBe(200);
    expect((await logout(tokenA)).status).toBe(204);
    await expectRefused(tokenA);
    expect((await me(tokenB)).status).toBe(200);
  });
});

test('an unreachable JWKS endpoint refuses IdP tokens with 401 and never a 5xx; local tokens still work', async () => {
  const closed = http_.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
  await new Promise((resolve) => closed.close(resolve));
  const isolated = await startTestServer({ AUTH_JWKS_URL: deadUrl, AUTH_ISSUER: ISSUER, AUTH_AUDIENCE: AUDIENCE });
  try {
    const result = await http(isolated, 'POST', '/graphql', {
      body: { query: String(CurrentUserDocument) },
      headers: { authorization: `Bearer ${await idpToken(identity())}` },
    });
    expect(result.status).toBe(401);
    expect(result.body.error.code).toBe('INVALID_TOKEN');
    const local = await register(isolated, 'StillLocal');
    expect((await gql(isolated, CurrentUserDocument, {}, { token: local.accessToken })).data?.currentUser?.rowId).toBe(local.user.id);
  } finally {
    await isolated.close();
  }
});
