// Database side of authentication and accounts, through the app_auth functions (migrations 000008, 000027).
// Whatever records a security event is given the request's address and User-Agent (RequestMeta), which
// the functions read from the transaction's settings as /graphql's do.
import pg from 'pg';
import { queryInOneRoundTrip, asApiRole, type RequestSettings } from '../role-transactions.ts';
import { databaseError } from '../errors.ts';
import type { Claims } from '../request-context.ts';
import { hashRefreshToken, newRefreshToken, type VerifiedToken } from './tokens.ts';

/** The request behind an account action, as the security events record it. */
export interface RequestMeta {
  ip: string | undefined;
  userAgent: string | undefined;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export type LogoutScope = 'current' | 'others' | 'all';

const metaSettings = (meta: RequestMeta) => ({ 'app.client_ip': meta.ip ?? '', 'app.user_agent': (meta.userAgent ?? '').slice(0, 512) });
const anonymous = (meta: RequestMeta): RequestSettings => ({ role: 'app_anonymous', ...metaSettings(meta) });
const asUser = (claims: Claims, meta: RequestMeta): RequestSettings => ({
  role: 'app_user',
  'jwt.claims.sub': claims.userId,
  'jwt.claims.sid': claims.sessionId,
  ...metaSettings(meta),
});

export class SessionStore {
  readonly #pool: pg.Pool;
  readonly #refreshTokenTtl: number;
  readonly #refreshesPerSessionPerMinute: number;

  constructor(pool: pg.Pool, { refreshTokenTtl, refreshesPerSessionPerMinute }: { refreshTokenTtl: number; refreshesPerSessionPerMinute: number }) {
    this.#pool = pool;
    this.#refreshTokenTtl = refreshTokenTtl;
    this.#refreshesPerSessionPerMinute = refreshesPerSessionPerMinute;
  }

  /** One statement's rows, in a transaction with these settings. */
  async #query<R extends pg.QueryResultRow>(settings: RequestSettings, statement: string, values: unknown[] = []): Promise<R[]> {
    return asApiRole(this.#pool, settings, async (client) => (await client.query<R>(statement, values)).rows);
  }

  /** A new user, and (in the same transaction) the verification mail asked for. */
  async register(email: string, name: string, passwordHash: string, meta: RequestMeta): Promise<string> {
    const [{ id }] = await this.#query<{ id: string }>(
      anonymous(meta),
      `select app_auth.register($1, $2, $3) as id, app_auth.request_account_mail('verify_email', $1)`,
      [email, name, passwordHash],
    );
    return id;
  }

  /** A verification or reset mail for an address: the same statement whether or not it has an account. */
  async requestAccountMail(purpose: 'verify_email' | 'reset_password', email: string, meta: RequestMeta): Promise<void> {
    await this.#query(anonymous(meta), 'select app_auth.request_account_mail($1, $2)', [purpose, email]);
  }

  async recordFailedSignIn(email: string, meta: RequestMeta): Promise<void> {
    await this.#query(anonymous(meta), 'select app_auth.record_failed_sign_in($1)', [email]);
  }

  /** Whether the token was a live verification token (now used). */
  async verifyEmail(token: string, meta: RequestMeta): Promise<boolean> {
    const [{ ok }] = await this.#query<{ ok: boolean }>(anonymous(meta), 'select app_auth.verify_email($1) as ok', [hashRefreshToken(token)]);
    return ok;
  }

  /** Whether the token was a live reset token; if so the password is set and every session ended. */
  async resetPassword(token: string, passwordHash: string, meta: RequestMeta): Promise<boolean> {
    const [{ ok }] = await this.#query<{ ok: boolean }>(anonymous(meta), 'select app_auth.reset_password($1, $2) as ok', [hashRefreshToken(token), passwordHash]);
    return ok;
  }

  async currentPasswordHash(claims: Claims, meta: RequestMeta): Promise<string | undefined> {
    const [{ hash }] = await this.#query<{ hash: string | null }>(asUser(claims, meta), 'select app_auth.current_password_hash() as hash');
    return hash ?? undefined;
  }

  /** Sets the password (hashed) and ends every other session of the user. */
  async changePassword(claims: Claims, passwordHash: string, meta: RequestMeta): Promise<void> {
    await this.#query(asUser(claims, meta), 'select app_auth.change_password($1)', [passwordHash]);
  }

  async list(claims: Claims, meta: RequestMeta): Promise<SessionInfo[]> {
    const rows = await this.#query<{ id: string; created_at: Date; last_used_at: Date; user_agent: string | null; ip: string | null; current: boolean }>(
      asUser(claims, meta),
      'select * from app_auth.list_sessions()',
    );
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastUsedAt: row.last_used_at.toISOString(),
      userAgent: row.user_agent,
      ip: row.ip,
      current: row.current,
    }));
  }

  /** Ends one of the user's live sessions by id; false when there is no such session of theirs. */
  async end(claims: Claims, sessionId: string, meta: RequestMeta): Promise<boolean> {
    const [{ n }] = await this.#query<{ n: number }>(asUser(claims, meta), `select app_auth.end_sessions('one', $1) as n`, [sessionId]);
    return n > 0;
  }

  async credentials(email: string, meta: RequestMeta): Promise<{ id: string; email: string; name: string; passwordHash: string } | undefined> {
    const [row] = await this.#query<{ user_id: string; email: string; name: string; password_hash: string }>(anonymous(meta), 'select * from app_auth.credentials($1)', [email]);
    return row && { id: row.user_id, email: row.email, name: row.name, passwordHash: row.password_hash };
  }

  /** Starts a session (recorded as a sign-in); returns its id and the first refresh token. */
  async start(userId: string, meta: RequestMeta): Promise<{ sessionId: string; refreshToken: string }> {
    const refreshToken = newRefreshToken();
    const [{ id }] = await this.#query<{ id: string }>(
      anonymous(meta),
      `select app_auth.sign_in($1, $2, make_interval(secs => $3)) as id`,
      [userId, hashRefreshToken(refreshToken), this.#refreshTokenTtl],
    );
    return { sessionId: id, refreshToken };
  }

  /** Swaps a refresh token for the next; over the session's budget, rate_limited with the seconds to wait. */
  async rotate(
    refreshToken: string,
    meta: RequestMeta,
  ): Promise<{ status: 'ok'; claims: Claims; refreshToken: string } | { status: 'invalid' | 'reused' } | { status: 'rate_limited'; retryAfter: number }> {
    const next = newRefreshToken();
    const [row] = await this.#query<{ status: 'ok' | 'invalid' | 'reused' | 'rate_limited'; user_id: string; session_id: string; retry_after: number }>(
      anonymous(meta),
      'select * from app_auth.refresh_session($1, $2, $3)',
      [hashRefreshToken(refreshToken), hashRefreshToken(next), this.#refreshesPerSessionPerMinute],
    );
    if (row.status === 'rate_limited') return { status: 'rate_limited', retryAfter: row.retry_after };
    if (row.status !== 'ok') return { status: row.status };
    return { status: 'ok', claims: { userId: row.user_id, sessionId: row.session_id }, refreshToken: next };
  }

  /** The claims a verified token stands for, or undefined when its session is over. */
  async resolve(token: VerifiedToken, meta: RequestMeta): Promise<Claims | undefined> {
    if (token.kind === 'external') return this.#externalSession(token, meta);
    return (await this.isActive(token.claims)) ? token.claims : undefined;
  }

  /** Whether the session still stands, in one round trip (the ids are UUIDs TokenService checked, and escaped anyway). */
  async isActive({ sessionId, userId }: Claims): Promise<boolean> {
    const [{ active }] = await queryInOneRoundTrip<{ active: boolean }>(
      this.#pool,
      { role: 'app_anonymous' },
      `select app_auth.session_is_active(${pg.escapeLiteral(sessionId)}, ${pg.escapeLiteral(userId)}) as active`,
    );
    return active;
  }

  /**
   * The user and session of an identity-provider token. A first-seen identity without a usable e-mail address
   * (RGTOK, or a claim the users table refuses) is not a user: undefined, hence 401.
   */
  async #externalSession(token: Extract<VerifiedToken, { kind: 'external' }>, meta: RequestMeta): Promise<Claims | undefined> {
    try {
      const [row] = await this.#query<{ user_id: string; session_id: string }>(
        anonymous(meta),
        'select * from app_auth.external_session($1, $2, $3, $4, $5, $6, $7)',
        [token.issuer, token.subject, token.email ?? null, token.emailVerified, token.name ?? null, token.issuedAt, token.expiresAt],
      );
      return row && { userId: row.user_id, sessionId: row.session_id };
    } catch (error) {
      const { code } = error as { code?: string };
      // A token whose claims cannot make an account (no address, or one no account may have): no session.
      if (code === 'RGTOK' || code === '23514' || code === '22021') return undefined;
      // An identity that may not be linked to the account of its address (pre-account takeover): said why.
      throw databaseError(error) ?? error;
    }
  }

  /** Ends the session a refresh token (current or already rotated) belongs to, if it still stands. */
  async logoutWithRefreshToken(refreshToken: string, meta: RequestMeta): Promise<void> {
    await this.#query(anonymous(meta), 'select app_auth.logout_with_refresh_token($1)', [hashRefreshToken(refreshToken)]);
  }

  async logout(claims: Claims, scope: LogoutScope, meta: RequestMeta): Promise<void> {
    await this.#query(asUser(claims, meta), 'select app_auth.end_sessions($1)', [scope]);
  }
}
