// The WebSocket connections of this process and what they may still do. A connection is authenticated
// once, at connection_init, exactly as an HTTP request is (server/auth/authenticate.ts); after that the
// database tells us (hub.ts) when it may have to end:
//   its session revoked (logout, refresh-token reuse)               close 4401, within the NOTIFY's latency
//   its user removed from the organization, or no longer holding    close 4403, once a re-check in the
//     tasks:read there (a role taken away or edited)                  database under its own settings says so
//   its access token's exp                                           close 4401, at that moment
//   the realtime listener lost (PostgreSQL restarted)                close 1012: reconnect
// Authorization is never cached in Node beyond this: every event is re-checked under the subscriber's
// settings (task-events.ts), through `query`, which takes the subscriber's slots of the pool first.
import { randomUUID } from 'node:crypto';
import type { WebSocket } from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import pg from 'pg';
import { authenticate, type Authenticator } from '../auth/authenticate.ts';
import type { ServerConfig } from '../config.ts';
import { databaseUnavailable, queryInOneRoundTrip, type RequestSettings } from '../role-transactions.ts';
import { AppError, DATABASE_UNAVAILABLE_MESSAGE } from '../errors.ts';
import type { FairShare } from '../fair-share.ts';
import type { Metrics } from '../ops/metrics.ts';
import { callerSettings, organizationFrom, requestMeta, type Claims, type SettingsConfig } from '../request-context.ts';

/** What connections take from the configuration: their limits, and what a subscriber's settings hold. */
export type ConnectionsConfig = Pick<ServerConfig, 'realtime'> & SettingsConfig;

export const CLOSE = {
  /** The session ended, or the token expired: sign in or refresh, then reconnect. */
  sessionEnded: 4401,
  /** Invalid credentials at connection_init, or the membership or permission is gone. */
  forbidden: 4403,
  /** Too many connections for one user. */
  tooManyConnections: 4429,
  /** The server lost its event stream or its database (PostgreSQL restarted): reconnect. */
  serviceRestart: 1012,
  /** The server failed in a way the client cannot fix (an unexpected error, logged): reconnect. */
  internalError: 1011,
  /** The client does not read its messages fast enough. */
  tooSlow: 1013,
  /** A message that is not a subscription's event was too large to send (sockets.ts). */
  messageTooLarge: 1009,
} as const;

/** Bytes sent but not yet taken by the client. */
export const MAX_UNREAD_BYTES = 4 * 1024 * 1024;

export interface Connection {
  id: string;
  socket: WebSocket;
  auth: Claims;
  organizationId: string | undefined;
  /** The database settings every subscription of this connection runs with. */
  settings: RequestSettings;
  closed: boolean;
}

export class Connections {
  readonly #bySocket = new WeakMap<WebSocket, Connection>();
  readonly #all = new Set<Connection>();
  readonly #config: ConnectionsConfig;
  readonly #pool: pg.Pool;
  readonly #fairShare: FairShare;
  readonly #authenticator: Authenticator;
  readonly #metrics: Metrics;

  constructor(config: ConnectionsConfig, pool: pg.Pool, fairShare: FairShare, authenticator: Authenticator, metrics: Metrics) {
    this.#config = config;
    this.#pool = pool;
    this.#fairShare = fairShare;
    this.#authenticator = authenticator;
    this.#metrics = metrics;
  }

  /** Open connections (accepted at connection_init). */
  get count(): number {
    return this.#all.size;
  }

  /**
   * connection_init: credentials in its payload (keys case-insensitive, already lower-cased by grafserv's
   * normalisation). Returns false after closing the socket when the connection is refused.
   */
  async open(socket: WebSocket, request: FastifyRequest, params: Record<string, unknown>): Promise<boolean> {
    let authenticated: Awaited<ReturnType<typeof authenticate>>;
    let organizationId: string | undefined;
    try {
      const authorization = params.authorization;
      authenticated = await authenticate(this.#authenticator, typeof authorization === 'string' ? authorization : undefined, requestMeta(request));
      organizationId = organizationFrom(params['x-organization-id']);
    } catch (error) {
      // The credentials could not be checked (the database restarting): try again, not "forbidden",
      // which graphql-ws clients would take as final.
      if (databaseUnavailable(error)) {
        this.refuse(socket, CLOSE.serviceRestart, DATABASE_UNAVAILABLE_MESSAGE);
        return false;
      }
      if (!(error instanceof AppError)) throw error;
      this.refuse(socket, CLOSE.forbidden, error.message);
      return false;
    }
    if (!authenticated) {
      this.refuse(socket, CLOSE.forbidden, 'Send authorization: "Bearer <access token>" in connection_init');
      return false;
    }
    // The client may have gone while its credentials were checked: its close was heard by nobody, so
    // registering it now would keep it (and its place under the per-user cap) forever.
    if (socket.readyState !== socket.OPEN) return false;
    const { claims, expiresAt } = authenticated;
    const mine = [...this.#all].filter((c) => c.auth.userId === claims.userId).length;
    if (mine >= this.#config.realtime.maxConnectionsPerUser) {
      this.refuse(socket, CLOSE.tooManyConnections, `At most ${this.#config.realtime.maxConnectionsPerUser} realtime connections per user`);
      return false;
    }
    const id = randomUUID();
    const connection: Connection = {
      id,
      socket,
      auth: claims,
      organizationId,
      closed: false,
      settings: callerSettings(
        { auth: claims, organizationId, requestId: `ws-${id}`, ...requestMeta(request) },
        this.#config,
      ),
    };
    this.#bySocket.set(socket, connection);
    this.#all.add(connection);
    const expiry = setTimeout(() => this.close(connection, CLOSE.sessionEnded, 'The access token expired; reconnect with a fresh one'), expiresAt.getTime() - Date.now());
    socket.once('close', () => {
      connection.closed = true;
      clearTimeout(expiry);
      this.#all.delete(connection);
    });
    return true;
  }

  of(socket: WebSocket): Connection | undefined {
    return this.#bySocket.get(socket);
  }

  /**
   * One statement under the connection's settings, once its user and organization have a slot free. If
   * the database cannot be reached, the connection is closed 1012 (reconnect) and the error rethrown.
   */
  async query<R extends pg.QueryResultRow>(connection: Connection, statement: string): Promise<R[]> {
    const release = await this.#fairShare.acquire(connection.settings, { refuse: false });
    try {
      return await queryInOneRoundTrip<R>(this.#pool, connection.settings, statement);
    } catch (error) {
      if (databaseUnavailable(error)) this.close(connection, CLOSE.serviceRestart, DATABASE_UNAVAILABLE_MESSAGE);
      throw error;
    } finally {
      release();
    }
  }

  /** Whether the connection's user may read its organization's tasks now (its session standing). */
  async mayReadTasks(connection: Connection): Promise<boolean> {
    const [row] = await this.query<{ readable: boolean }>(connection, `select app_public.current_user_has_permission('tasks:read') as readable`);
    return row.readable;
  }

  /** Closes (1013) a connection whose client has left too much unread; true when it did. */
  closedIfNotReading(connection: Connection): boolean {
    if (connection.socket.bufferedAmount <= MAX_UNREAD_BYTES) return false;
    this.close(connection, CLOSE.tooSlow, 'Messages are not being read; reconnect and catch up');
    return true;
  }

  close(connection: Connection, code: number, reason: string): void {
    if (connection.closed) return;
    connection.closed = true;
    this.refuse(connection.socket, code, reason);
  }

  /** Closes a socket, registered or not, counting why (rowgate_realtime_closes_total). */
  refuse(socket: WebSocket, code: number, reason: string): void {
    if (socket.readyState !== socket.OPEN) return;
    this.#metrics.realtimeCloses.inc({ code: String(code) });
    socket.close(code, reason);
  }

  sessionRevoked(sessionId: string): void {
    for (const connection of this.#all) {
      if (connection.auth.sessionId === sessionId) this.close(connection, CLOSE.sessionEnded, 'The session ended');
    }
  }

  /** Re-checks, in the database and under each connection's own settings, who still may read the tasks. */
  async accessChanged(organizationId: string, userId: string | null): Promise<void> {
    const affected = [...this.#all].filter((c) => c.organizationId === organizationId && (userId === null || c.auth.userId === userId));
    await Promise.all(
      affected.map(async (connection) => {
        const [standing] = await this.query<{ active: boolean; readable: boolean }>(
          connection,
          `select app_public.current_user_id() is not null as active, app_public.current_user_has_permission('tasks:read') as readable`,
        ).catch(() => [undefined]);
        if (!standing) return;
        if (!standing.active) this.close(connection, CLOSE.sessionEnded, 'The session ended');
        else if (!standing.readable) this.close(connection, CLOSE.forbidden, 'No longer allowed to read this organization\'s tasks');
      }),
    );
  }

  lost(): void {
    for (const connection of this.#all) this.close(connection, CLOSE.serviceRestart, 'Realtime events were interrupted; reconnect');
  }

  closeAll(): void {
    for (const connection of this.#all) this.close(connection, 1001, 'The server is stopping');
  }
}
