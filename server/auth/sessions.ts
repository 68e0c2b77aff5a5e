// Database side of authentication, through the app_auth functions (see migrations 000008).
import pg from 'pg';
import { queryInOneRoundTrip, withRole } from '../database.ts';
import { hashRefreshToken, newRefreshToken, type Claims, type VerifiedToken } from './tokens.ts';

export class SessionStore {
  readonly #pool: pg.Pool;
  readonly #refreshTokenTtl: number;

  constructor(pool: pg.Pool, refreshTokenTtl: number) {
    this.#pool = pool;
    this.#refreshTokenTtl = refreshTokenTtl;
  }

  async register(email: string, name: string, passwordHash: string): Promise<string> {
    return withRole(this.#pool, { role: 'app_anonymous' }, async (client) => {
      const { rows } = await client.query<{ id: string }>('select app_auth.register($1, $2, $3) as id', [email, name, passwordHash]);
      return rows[0].id;
    });
  }

  async credentials(email: string): Promise<{ id: string; email: string; name: string; passwordHash: string } | undefined> {
    return withRole(this.#pool, { role: 'app_anonymous' }, async (client) => {
      const { rows } = await client.query<{ user_id: string; email: string; name: string; password_hash: string }>(
        'select * from app_auth.credentials($1)',
        [email],
      );
      return rows[0] && { id: rows[0].user_id, email: rows[0].email, name: rows[0].name, passwordHash: rows[0].password_hash };
    });
  }

  /** Starts a session; returns its id and the first refresh token. */
  async start(userId: string): Promise<{ sessionId: string; refreshToken: string }> {
    const refreshToken = newRefreshToken();
    const sessionId = await withRole(this.#pool, { role: 'app_anonymous' }, async (client) => {
      const { rows } = await client.query<{ id: string }>(
        `select app_auth.create_session($1, $2, make_interval(secs => $3)) as id`,
        [userId, hashRefreshToken(refreshToken), this.#refreshTokenTtl],
      );
      return rows[0].id;
    });
    return { sessionId, refreshToken };
  }

  async rotate(refreshToken: string): Promise<{ status: 'ok'; claims: Claims; refreshToken: string } | { status: 'invalid' | 'reused' }> {
    const next = newRefreshToken();
    const presented = hashRefreshToken(refreshToken);
    const row = await withRole(this.#pool, { role: 'app_anonymous' }, async (client) => {
      const { rows } = await client.query<{ status: 'ok' | 'invalid' | 'reused'; user_id: string; session_id: string }>(
        'select * from app_auth.rotate_refresh_token($1, $2)',
        [presented, hashRefreshToken(next)],
      );
      return rows[0];
    });
    if (row.status !== 'ok') return { status: row.status };
    return { status: 'ok', claims: { userId: row.user_id, sessionId: row.session_id }, refreshToken: next };
  }

  /** The claims a verified token stands for, or undefined when its session is over. */
  async resolve(token: VerifiedToken): Promise<Claims | undefined> {
    if (token.kind === 'external') return this.#externalSession(token);
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
  async #externalSession(token: Extract<VerifiedToken, { kind: 'external' }>): Promise<Claims | undefined> {
    try {
      return await withRole(this.#pool, { role: 'app_anonymous' }, async (client) => {
        const { rows } = await client.query<{ user_id: string; session_id: string }>(
          'select * from app_auth.external_session($1, $2, $3, $4, $5, $6)',
          [token.issuer, token.subject, token.email ?? null, token.name ?? null, token.issuedAt, token.expiresAt],
        );
        return rows[0] && { userId: rows[0].user_id, sessionId: rows[0].session_id };
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'RGTOK' || code === '23514' || code === '22021') return undefined;
      throw error;
    }
  }

  /** Ends the session a refresh token (current or already rotated) belongs to, if it still stands. */
  async logoutWithRefreshToken(refreshToken: string): Promise<void> {
    await withRole(this.#pool, { role: 'app_anonymous' }, (client) =>
      client.query('select app_auth.logout_with_refresh_token($1)', [hashRefreshToken(refreshToken)]),
    );
  }

  async logout(claims: Claims): Promise<void> {
    await withRole(this.#pool, { role: 'app_user', 'jwt.claims.sub': claims.userId, 'jwt.claims.sid': claims.sessionId }, (client) =>
      client.query('select app_auth.logout()'),
    );
  }
}
