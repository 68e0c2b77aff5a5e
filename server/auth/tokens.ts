// Access tokens (JWT, signed with our key) and refresh tokens (random, stored hashed).
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { LRUCache } from 'lru-cache';
import type { ServerConfig } from '../config.ts';
import { UUID, type Claims } from '../request-context.ts';
import type { SigningKeys } from './keys.ts';

/** What tokens are made and verified with. */
type TokenConfig = Pick<ServerConfig, 'jwt' | 'externalIdp'>;

/** What a verified bearer token says; `external` tokens still need a session from the database. */
export type VerifiedToken =
  | { kind: 'local'; claims: Claims; expiresAt: Date }
  | { kind: 'external'; issuer: string; subject: string; email?: string; emailVerified: boolean; name?: string; issuedAt: Date; expiresAt: Date };

const EXTERNAL_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** Verified tokens remembered (by their full text) until they expire; each takes well under 1 KiB. */
const VERIFIED_CACHE_SIZE = 10_000;

export class TokenService {
  readonly #keys: SigningKeys;
  readonly #config: TokenConfig;
  readonly #localKeys: JWTVerifyGetKey;
  readonly #externalKeys: JWTVerifyGetKey | undefined;
  // A signature check is the costliest step of an authenticated request, and a client sends the same
  // token for up to 15 minutes. A token is only ever remembered after a full check, under its whole
  // text, and only until its own `exp`: a changed byte misses, and an expired token is checked afresh
  // (and refused). The session is still checked on every request (SessionStore.resolve).
  readonly #verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_CACHE_SIZE });

  constructor(config: TokenConfig, keys: SigningKeys) {
    this.#config = config;
    this.#keys = keys;
    this.#localKeys = createLocalJWKSet({ keys: [keys.publicJwk] });
    this.#externalKeys = config.externalIdp ? createRemoteJWKSet(new URL(config.externalIdp.jwksUrl)) : undefined;
  }

  get jwks() {
    return { keys: [this.#keys.publicJwk] };
  }

  get accessTokenTtl(): number {
    return this.#config.jwt.accessTokenTtl;
  }

  async issueAccessToken(claims: Claims): Promise<string> {
    const { jwt } = this.#config;
    return new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: this.#keys.algorithm, kid: this.#keys.kid, typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(jwt.issuer)
      .setAudience(jwt.audience)
      .setIssuedAt()
      .setExpirationTime(`${jwt.accessTokenTtl}s`)
      .setJti(randomUUID())
      .sign(this.#keys.privateKey);
  }

  /** Verifies with pinned algorithm, issuer and audience, and requires exp; throws on anything else. */
  async verify(token: string): Promise<VerifiedToken> {
    const known = this.#verified.get(token); // entries expire with their token (ttl)
    if (known) return known;
    const verified = await this.#verify(token);
    const ttl = verified.expiresAt.getTime() - Date.now();
    if (ttl > 0) this.#verified.set(token, verified, { ttl });
    return verified;
  }

  async #verify(token: string): Promise<VerifiedToken> {
    const { jwt } = this.#config;
    const options = { clockTolerance: jwt.clockTolerance, requiredClaims: ['exp', 'iat', 'sub'] };
    try {
      const { payload } = await jwtVerify(token, this.#localKeys, {
        ...options,
        algorithms: [this.#keys.algorithm],
        issuer: jwt.issuer,
        audience: jwt.audience,
      });
      if (!UUID.test(payload.sub ?? '') || typeof payload.sid !== 'string' || !UUID.test(payload.sid)) {
        throw new Error('token claims are not ours');
      }
      return { kind: 'local', claims: { userId: payload.sub!, sessionId: payload.sid }, expiresAt: new Date(payload.exp! * 1000) };
    } catch (error) {
      const idp = this.#config.externalIdp;
      if (!idp || !this.#externalKeys) throw error;
      const { payload } = await jwtVerify(token, this.#externalKeys, {
        ...options,
        algorithms: EXTERNAL_ALGORITHMS,
        issuer: idp.issuer,
        audience: idp.audience,
      });
      return external(payload);
    }
  }
}

// What app_public.users accepts (its check constraints); a claim outside it would make the insert fail.
const EMAIL = /^[^@\s\u0000-\u001f\u007f]+@[^@\s\u0000-\u001f\u007f]+$/;
const CONTROL = /[\u0000-\u001f\u007f]/g;

function external(payload: JWTPayload): VerifiedToken {
  // sub is stored as text: PostgreSQL text cannot hold NUL.
  if (!payload.sub || payload.sub.length > 255 || payload.sub.includes('\u0000')) throw new Error('unusable sub claim');
  // The e-mail address creates the user or links the identity to an existing one, only when the provider
  // verified it (app_auth.external_session decides, migration 000027); one the users table would refuse is
  // not used.
  const email = payload.email;
  const usableEmail = typeof email === 'string' && email.length <= 320 && EMAIL.test(email);
  const name = typeof payload.name === 'string' ? Array.from(payload.name.replace(CONTROL, '').trim()).slice(0, 200).join('') : undefined;
  return {
    kind: 'external',
    issuer: payload.iss!,
    subject: payload.sub,
    email: usableEmail ? email : undefined,
    emailVerified: payload.email_verified === true,
    name: name || undefined,
    issuedAt: new Date(payload.iat! * 1000),
    expiresAt: new Date(payload.exp! * 1000),
  };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
