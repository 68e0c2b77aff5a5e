// Forged, altered and replayed bearer tokens: each one is a 401 INVALID_TOKEN on /graphql and on
// /auth/logout, never anonymous access and never a 5xx. Tokens "signed by the server" are made with the
// development key the server generated into DATA_DIR/keys, so only the one claim under test is wrong.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  exportSPKI,
  generateKeyPair,
  importJWK,
  importPKCS8,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CurrentUserDocument } from '../generated/graphql.ts';
import { gql, http, register, startTestServer, type HttpResult, type Session, type TestServer } from '../support/server.ts';

let server: TestServer;
let alice: Session;
let bob: Session;
let serverKey: CryptoKey;
let kid: string;
let publicJwk: JWK;

beforeAll(async () => {
  server = await startTestServer();
  alice = await register(server, 'Alice');
  bob = await register(server, 'Bob');
  const algorithm = server.config.jwt.algorithm;
  const pem = await fs.readFile(path.join(server.config.dataDir, 'keys', `${algorithm}.pem`), 'utf8');
  serverKey = await importPKCS8(pem, algorithm);
  kid = decodeProtectedHeader(alice.accessToken).kid!;
  const jwks = await http(server, 'GET', '/.well-known/jwks.json');
  publicJwk = jwks.body.keys.find((key: JWK) => key.kid === kid);
  expect(publicJwk).toBeDefined();
});
afterAll(() => server?.close());

const now = () => Math.floor(Date.now() / 1000);

/** Claims exactly like the server's own, for `session`; `overrides` replace or (undefined) remove some. */
function claimsOf(session: Session, overrides: Record<string, unknown> = {}): JWTPayload {
  const claims: Record<string, unknown> = {
    sub: session.user.id,
    sid: decodeJwt(session.accessToken).sid,
    iss: server.config.jwt.issuer,
    aud: server.config.jwt.audience,
    iat: now(),
    exp: now() + 600,
    jti: crypto.randomUUID(),
    ...overrides,
  };
  for (const [key, value] of Object.entries(claims)) if (value === undefined) delete claims[key];
  return claims as JWTPayload;
}

async function sign(payload: JWTPayload, key: CryptoKey | Uint8Array, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: server.config.jwt.algorithm, kid, typ: 'JWT', ...header } as never).sign(key);
}

const signedByServer = (payload: JWTPayload, header: Record<string, unknown> = {}) => sign(payload, serverKey, header);

function encodeSegment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

/** Signs any header with the server key through WebCrypto (jose refuses to sign some of the headers tried here). */
async function signedByServerRaw(header: Record<string, unknown>, payload: JWTPayload): Promise<string> {
  const input = `${encodeSegment({ alg: server.config.jwt.algorithm, kid, typ: 'JWT', ...header })}.${encodeSegment(payload)}`;
  const algorithm = server.config.jwt.algorithm === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'Ed25519' };
  const signature = await crypto.subtle.sign(algorithm, serverKey, new TextEncoder().encode(input));
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

function expectInvalidToken(result: HttpResult): void {
  expect({ status: result.status, body: result.body }).toEqual({
    status: 401,
    body: { error: { code: 'INVALID_TOKEN', message: expect.any(String) } },
  });
}

/** The token is refused on /graphql and on /auth/logout with 401 INVALID_TOKEN. */
async function expectRefused(token: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  expectInvalidToken(await http(server, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers }));
  expectInvalidToken(await http(server, 'POST', '/auth/logout', { headers }));
}

/** The victim's session must survive every attack attempt (logout with a forged token must not end it). */
async function expectStillSignedIn(session: Session): Promise<void> {
  const me = await gql(server, CurrentUserDocument, {}, { token: session.accessToken });
  expect(me.status).toBe(200);
  expect(me.data?.currentUser?.rowId).toBe(session.user.id);
}

describe('the harness itself', () => {
  test('a token signed with the server key and perfect claims is accepted (so the refusals below are about the one flaw)', async () => {
    const token = await signedByServer(claimsOf(alice));
    const me = await gql(server, CurrentUserDocument, {}, { token });
    expect(me.status).toBe(200);
    expect(me.data?.currentUser?.rowId).toBe(alice.user.id);
  });
});

describe('forged tokens', () => {
  test('alg none (unsigned)', async () => {
    const payload = claimsOf(alice);
    for (const alg of ['none', 'None', 'NONE']) {
      await expectRefused(`${encodeSegment({ alg, typ: 'JWT' })}.${encodeSegment(payload)}.`);
      await expectRefused(`${encodeSegment({ alg, typ: 'JWT', kid })}.${encodeSegment(payload)}.`);
    }
    await expectStillSignedIn(alice);
  });

  test('HS256 signed with the server public key as the HMAC secret (algorithm confusion)', async () => {
    const spki = await exportSPKI((await importJWK(publicJwk, publicJwk.alg ?? server.config.jwt.algorithm, { extractable: true })) as CryptoKey);
    const secrets = [
      new TextEncoder().encode(spki),
      new TextEncoder().encode(spki.trim()),
      new TextEncoder().encode(JSON.stringify(publicJwk)),
      new TextEncoder().encode(JSON.stringify({ keys: [publicJwk] })),
    ];
    for (const secret of secrets) {
      for (const alg of ['HS256', 'HS384', 'HS512']) await expectRefused(await sign(claimsOf(alice), secret, { alg }));
    }
    await expectStillSignedIn(alice);
  });

  test('a valid ES256 signature from an unrelated key with otherwise perfect claims of a live session', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    await expectRefused(await sign(claimsOf(alice), privateKey, { alg: 'ES256' }));
    await expectRefused(await sign(claimsOf(alice), privateKey, { alg: 'ES256', kid: undefined }));
    // The attacker's own key embedded in the header (jwk / jku / x5u) is not trusted either.
    const attackerJwk = await exportJWK(publicKey);
    await expectRefused(await sign(claimsOf(alice), privateKey, { alg: 'ES256', jwk: attackerJwk }));
    await expectRefused(await sign(claimsOf(alice), privateKey, { alg: 'ES256', kid: 'attacker', jku: 'http://127.0.0.1:1/jwks.json' }));
    // Another algorithm family altogether.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    await expectRefused(await sign(claimsOf(alice), rsa.privateKey as unknown as CryptoKey, { alg: 'RS256' }));
    const ed = await generateKeyPair('EdDSA');
    await expectRefused(await sign(claimsOf(alice), ed.privateKey, { alg: 'EdDSA' }));
    await expectStillSignedIn(alice);
  });

  test('tampered payload: sub changed in a real token without re-signing', async () => {
    const [header, payload, signature] = alice.accessToken.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload)));
    await expectRefused([header, encodeSegment({ ...claims, sub: bob.user.id }), signature].join('.'));
    await expectRefused([header, encodeSegment({ ...claims, exp: claims.exp + 86_400 }), signature].join('.'));
    // Same claims, different JSON spelling: the signature covers the bytes, not the meaning.
    await expectRefused([header, encodeSegment(claims).replace(/=+$/, '') + 'A', signature].join('.'));
    // A signature of the right length but flipped bits.
    const flipped = base64url.decode(signature);
    flipped[0] ^= 1;
    await expectRefused([header, payload, base64url.encode(flipped)].join('.'));
    // The header swapped for one with alg none, signature kept or dropped.
    await expectRefused([encodeSegment({ alg: 'none' }), payload, signature].join('.'));
    await expectRefused([encodeSegment({ alg: 'none' }), payload, ''].join('.'));
    await expectStillSignedIn(alice);
    await expectStillSignedIn(bob);
  });

  test('garbage, two-part, empty-part and oversized-but-allowed tokens', async () => {
    for (const token of [
      'garbage',
      'a.b',
      alice.accessToken.split('.').slice(0, 2).join('.'),
      'a.b.c',
      '..',
      'a..c',
      `${alice.accessToken}.extra`,
      `${alice.accessToken}x`,
      'e30.e30.e30',
      '-_-_-_.-_-_-_.-_-_-_',
      `${encodeSegment('not an object')}.${encodeSegment(claimsOf(alice))}.sig`,
      `${encodeSegment({ alg: 'ES256', kid })}.${base64url.encode('not json')}.sig`,
      `${encodeSegment({ alg: 'ES256', kid })}.${encodeSegment([1, 2, 3])}.sig`,
      'A'.repeat(8_000),
    ]) {
      await expectRefused(token);
    }
    await expectStillSignedIn(alice);
  });

  test('a malformed Authorization header is 401 INVALID_TOKEN too', async () => {
    for (const authorization of ['Bearer', 'Bearer ', `bearer ${alice.accessToken}`, `Bearer  ${alice.accessToken}`, `Bearer ${alice.accessToken} x`, 'Basic YTpi', 'Bearer <script>']) {
      const result = await http(server, 'POST', '/graphql', { body: { query: String(CurrentUserDocument) }, headers: { authorization } });
      expectInvalidToken(result);
    }
  });
});

describe('tokens signed with the server key but with a wrong claim', () => {
  test('expired beyond the clock tolerance', async () => {
    const past = now() - server.config.jwt.clockTolerance - 60;
    await expectRefused(await signedByServer(claimsOf(alice, { iat: past - 600, exp: past })));
    await expectRefused(await signedByServer(claimsOf(alice, { iat: now() - 86_400 * 365, exp: now() - 86_400 })));
  });

  test('no exp, non-numeric exp, no iat, no sub, no sid', async () => {
    await expectRefused(await signedByServer(claimsOf(alice, { exp: undefined })));
    await expectRefused(await signedByServer(claimsOf(alice, { exp: String(now() + 600) })));
    await expectRefused(await signedByServer(claimsOf(alice, { iat: undefined })));
    await expectRefused(await signedByServer(claimsOf(alice, { sub: undefined })));
    await expectRefused(await signedByServer(claimsOf(alice, { sid: undefined })));
  });

  test('not yet valid (nbf in the future)', async () => {
    await expectRefused(await signedByServer(claimsOf(alice, { nbf: now() + 3600 })));
  });

  test('wrong issuer or audience', async () => {
    await expectRefused(await signedByServer(claimsOf(alice, { iss: 'https://evil.test' })));
    await expectRefused(await signedByServer(claimsOf(alice, { iss: undefined })));
    await expectRefused(await signedByServer(claimsOf(alice, { aud: 'some-other-api' })));
    await expectRefused(await signedByServer(claimsOf(alice, { aud: undefined })));
    await expectRefused(await signedByServer(claimsOf(alice, { aud: ['some-other-api'] })));
  });

  test('sub or sid not UUIDs (never reaching SQL as text)', async () => {
    for (const bad of ['not-a-uuid', "' or 1=1 --", '', '00000000-0000-0000-0000-00000000000z', 42, null, ['x'], { a: 1 }]) {
      await expectRefused(await signedByServer(claimsOf(alice, { sub: bad })));
      await expectRefused(await signedByServer(claimsOf(alice, { sid: bad })));
    }
  });

  test('a session id of another user, or of no session at all', async () => {
    await expectRefused(await signedByServer(claimsOf(alice, { sid: decodeJwt(bob.accessToken).sid })));
    await expectRefused(await signedByServer(claimsOf(alice, { sub: bob.user.id })));
    await expectRefused(await signedByServer(claimsOf(alice, { sid: crypto.randomUUID() })));
    await expectRefused(await signedByServer(claimsOf(alice, { sub: crypto.randomUUID() })));
    await expectStillSignedIn(alice);
    await expectStillSignedIn(bob);
  });

  test('an unknown kid or a crit header the server does not understand', async () => {
    // The raw signer is sound: the same token without the flaw is accepted.
    const sound = await signedByServerRaw({}, claimsOf(alice));
    expect((await gql(server, CurrentUserDocument, {}, { token: sound })).data?.currentUser?.rowId).toBe(alice.user.id);
    await expectRefused(await signedByServerRaw({ kid: 'some-other-kid' }, claimsOf(alice)));
    await expectRefused(await signedByServerRaw({ crit: ['x-must-understand'], 'x-must-understand': true }, claimsOf(alice)));
    await expectRefused(await signedByServerRaw({ b64: false, crit: ['b64'] }, claimsOf(alice)));
  });
});

describe('replayed tokens', () => {
  test('a valid token of a logged-out session is refused', async () => {
    const session = await register(server, 'Replay');
    const forged = await signedByServer(claimsOf(session));
    expect((await http(server, 'POST', '/auth/logout', { headers: { authorization: `Bearer ${session.accessToken}` } })).status).toBe(204);
    await expectRefused(session.accessToken);
    // Even a brand-new token for that session, signed with the real key, is dead.
    await expectRefused(forged);
    await expectRefused(await signedByServer(claimsOf(session)));
  });
});

// The server remembers tokens it has verified (by their whole text, until their exp) to skip the
// signature check on the next request: what it remembers must never outlive or widen the token.
describe('remembered tokens', () => {
  test('a token accepted once is refused once its exp has passed', async () => {
    const exp = now() + 2;
    const token = await signedByServer(claimsOf(alice, { exp }));
    expect((await gql(server, CurrentUserDocument, {}, { token })).data?.currentUser?.rowId).toBe(alice.user.id);
    await new Promise((resolve) => setTimeout(resolve, (exp + server.config.jwt.clockTolerance + 1) * 1000 - Date.now()));
    await expectRefused(token);
  }, 20_000);

  test("a token accepted once, with its payload swapped for another user's, is refused", async () => {
    const token = await signedByServer(claimsOf(alice));
    expect((await gql(server, CurrentUserDocument, {}, { token })).status).toBe(200);
    const [header, , signature] = token.split('.');
    await expectRefused(`${header}.${encodeSegment(claimsOf(bob))}.${signature}`);
    await expectStillSignedIn(alice);
  });
});

describe('oversized Authorization header', () => {
  test('a 100 KB header is refused with 413 or 431, never a 5xx', async () => {
    const authorization = `Bearer ${'A'.repeat(100 * 1024)}`;
    for (const pathname of ['/graphql', '/auth/logout']) {
      let status: number | undefined;
      try {
        const response = await fetch(`${server.url}${pathname}`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body: JSON.stringify({ query: String(CurrentUserDocument) }),
        });
        status = response.status;
        const body = await response.json();
        expect(body.error.code).toBe('HEADERS_TOO_LARGE');
      } catch (error) {
        // The server may close the connection while the request is still being written: refused, not served.
        expect(error).toBeInstanceOf(TypeError);
      }
      if (status !== undefined) expect(status).toBe(431);
    }
    // The server is still fine afterwards.
    await expectStillSignedIn(alice);
  });
});
