// Realtime for one server process: the registry of its WebSocket connections and the one LISTEN
// connection feeding them (hub.ts), wired so that what the database announces reaches the connections.
import type { WebSocket } from '@fastify/websocket';
import type pg from 'pg';
import type { Authenticator } from '../auth/authenticate.ts';
import type { ServerConfig } from '../config.ts';
import type { FairShare } from '../fair-share.ts';
import type { Metrics } from '../ops/metrics.ts';
import { TaskAudiences } from './audience.ts';
import { Connections } from './connections.ts';
import { RealtimeHub } from './hub.ts';
import { taskEventsFor } from './task-events.ts';

export class Realtime {
  readonly connections: Connections;
  readonly #hub: RealtimeHub;
  readonly #audiences: TaskAudiences;
  readonly #metrics: Metrics;

  /**
   * `listenUrl`: the authenticator's login (LISTEN needs no privilege, and reads no table). Subscribers'
   * checks take their user's and organization's slots of `fairShare`, as their requests do. What happens
   * is counted on `metrics`; an unexpected failure to check events is given to `logError`.
   */
  constructor(
    config: ServerConfig,
    pool: pg.Pool,
    fairShare: FairShare,
    authenticator: Authenticator,
    listenUrl: string,
    metrics: Metrics,
    logError: (error: unknown) => void,
  ) {
    this.#metrics = metrics;
    this.connections = new Connections(config, pool, fairShare, authenticator, metrics);
    this.#hub = new RealtimeHub(listenUrl, {
      onAccess: (organizationId, userId) => void this.connections.accessChanged(organizationId, userId),
      onSessionRevoked: (sessionId) => this.connections.sessionRevoked(sessionId),
      onLost: () => this.connections.lost(),
    });
    this.#audiences = new TaskAudiences(this.#hub, pool, fairShare, this.connections, metrics, logError);
    metrics.attachRealtime({
      connections: () => this.connections.count,
      subscriptions: () => this.#audiences.subscriptions,
      listening: () => this.#hub.listening,
    });
  }

  start(): Promise<void> {
    return this.#hub.start();
  }

  async stop(): Promise<void> {
    this.connections.closeAll();
    await this.#hub.close();
  }

  /** The grafast context of a subscription arriving on `socket`, once its connection_init was accepted. */
  contextOf(socket: WebSocket) {
    const connection = this.connections.of(socket);
    if (!connection) return undefined;
    return { pgSettings: connection.settings, rowgateTaskEvents: taskEventsFor(this.#audiences, this.connections, connection, this.#metrics) };
  }
}
