// Realtime for one server process: the registry of its WebSocket connections and the one LISTEN
// connection feeding them (hub.ts), wired so that what the database announces reaches the connections.
import type { WebSocket } from '@fastify/websocket';
import type pg from 'pg';
import type { Authenticator } from '../auth/authenticate.ts';
import type { FairShare } from '../fair-share.ts';
import type { Metrics } from '../ops/metrics.ts';
import { TaskAudiences } from './audience.ts';
import { Connections, type ConnectionsConfig } from './connections.ts';
import { RealtimeHub } from './hub.ts';
import { sharedTaskChanges } from './shared-delivery.ts';
import { taskEventsFor, type TaskEventSource } from './task-events.ts';

type SubscribeArgs = Parameters<typeof sharedTaskChanges>[2] & {
  requestContext?: { ws?: { socket?: WebSocket } };
  middleware?: { run(name: 'subscribe', event: { args: SubscribeArgs }, callback: (event: { args: SubscribeArgs }) => unknown): unknown } | null;
  subscribe(args: SubscribeArgs): unknown;
};

export class Realtime {
  readonly connections: Connections;
  readonly #hub: RealtimeHub;
  readonly #audiences: TaskAudiences;
  readonly #events: TaskEventSource;

  /**
   * `listenUrl`: the authenticator's login (LISTEN needs no privilege, and reads no table). Subscribers'
   * checks take their user's and organization's slots of `fairShare`, as their requests do. What happens
   * is counted on `metrics`; an unexpected failure to check events is given to `logError`.
   */
  constructor(
    config: ConnectionsConfig,
    pool: pg.Pool,
    fairShare: FairShare,
    authenticator: Authenticator,
    listenUrl: string,
    metrics: Metrics,
    logError: (error: unknown) => void,
  ) {
    this.connections = new Connections(config, pool, fairShare, authenticator, metrics);
    this.#hub = new RealtimeHub(listenUrl, {
      onAccess: (organizationId, userId) => void this.connections.accessChanged(organizationId, userId),
      onSessionRevoked: (sessionId) => this.connections.sessionRevoked(sessionId),
      onLost: () => this.connections.lost(),
    });
    this.#audiences = new TaskAudiences(this.#hub, pool, fairShare, this.connections, metrics, logError);
    this.#events = { audiences: this.#audiences, connections: this.connections, metrics };
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
    return { pgSettings: connection.settings, rowgateTaskEvents: taskEventsFor(this.#events, connection) };
  }

  /**
   * graphql-ws's subscribe (grafserv puts the socket in the request context): one read of each task for
   * every subscriber when the document allows (shared-delivery.ts), else Grafast's per subscriber. Both
   * run inside Grafast's subscribe middleware, so the subscription limits (graphql/limits.ts) judge every
   * subscription alike.
   */
  subscribe(args: SubscribeArgs) {
    const socket = args.requestContext?.ws?.socket;
    const connection = socket && this.connections.of(socket);
    const run = (runArgs: SubscribeArgs) => sharedTaskChanges(this.#events, connection, runArgs) ?? runArgs.subscribe({ ...runArgs, middleware: null });
    return args.middleware ? args.middleware.run('subscribe', { args }, (event: { args: SubscribeArgs }) => run(event.args)) : run(args);
  }
}
