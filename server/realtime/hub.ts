// One LISTEN connection per server process for the realtime channels of migration 000014, fanning each
// notification out to whoever in this process waits for it: a task event only to its organization's
// audience (audience.ts; others never wake up), access and session changes to the connection registry. If the
// connection drops (PostgreSQL restarted, a failover), events from that moment are lost to this process,
// so every subscriber is told (onLost) and must reconnect; the hub reconnects in the background.
import pg from 'pg';

export type TaskChangeEvent = 'CREATED' | 'UPDATED' | 'DELETED';

export interface TaskEvent {
  organizationId: string;
  event: TaskChangeEvent;
  rowId: string;
  /** performance.now() when its notification reached this process. */
  receivedAt: number;
}

export interface HubListeners {
  /** Who may read the organization's tasks may have changed: one user's access, or anyone's (null). */
  onAccess(organizationId: string, userId: string | null): void;
  onSessionRevoked(sessionId: string): void;
  onLost(): void;
}

const CHANNELS = ['rowgate_task_events', 'rowgate_access', 'rowgate_sessions'];
const RECONNECT_MS = 1_000;

export class RealtimeHub {
  readonly #url: string;
  readonly #listeners: HubListeners;
  readonly #tasks = new Map<string, Set<(event: TaskEvent) => void>>();
  #client: pg.Client | undefined;
  #closed = false;

  constructor(url: string, listeners: HubListeners) {
    this.#url = url;
    this.#listeners = listeners;
  }

  /** Whether the LISTEN connection is open. */
  get listening(): boolean {
    return this.#client !== undefined;
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.#url, application_name: 'rowgate-realtime' });
    client.on('notification', (message) => this.#dispatch(message.channel, message.payload));
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = undefined;
      client.end().catch(() => {});
      this.#listeners.onLost();
      if (!this.#closed) setTimeout(() => void this.#reconnect(), RECONNECT_MS);
    };
    client.on('error', lost);
    client.on('end', lost);
    await client.connect();
    await client.query(CHANNELS.map((channel) => `listen ${channel}`).join('; '));
    this.#client = client;
  }

  async #reconnect(): Promise<void> {
    while (!this.#closed && !this.#client) {
      try {
        await this.start();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    }
  }

  /** Calls `listener` for each task event of the organization, in commit order; returns the unsubscribe. */
  subscribeTasks(organizationId: string, listener: (event: TaskEvent) => void): () => void {
    let listeners = this.#tasks.get(organizationId);
    if (!listeners) this.#tasks.set(organizationId, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#tasks.delete(organizationId);
    };
  }

  #dispatch(channel: string, payload: string | undefined): void {
    const message = JSON.parse(payload ?? '{}') as { o?: string; e?: TaskChangeEvent; i?: string; u?: string | null; s?: string };
    if (channel === 'rowgate_task_events' && message.o && message.e && message.i) {
      const event = { organizationId: message.o, event: message.e, rowId: message.i, receivedAt: performance.now() };
      for (const listener of this.#tasks.get(message.o) ?? []) listener(event);
    } else if (channel === 'rowgate_access' && message.o) {
      this.#listeners.onAccess(message.o, message.u ?? null);
    } else if (channel === 'rowgate_sessions' && message.s) {
      this.#listeners.onSessionRevoked(message.s);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => {});
  }
}
