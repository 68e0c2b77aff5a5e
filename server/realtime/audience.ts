// Who in this process may see each task event, decided once per event for everyone (API.md §6). Each
// organization with subscribers here has one queue of its events; the events waiting when a check starts
// go into that check, together with every session subscribed here in that organization, and one statement
// (app_auth.task_event_readers, migration 000028) answers which session may read which event, each under
// its own settings and the table's real policies. Connections of one session share one answer. Events
// are checked and handed on in commit order, so every subscription still receives them in that order.
//
// Cost: one round trip per batch of events per organization and process, whatever the number of
// subscribers; PostgreSQL's work grows with sessions × events (one RLS check each, inside one statement).
import pg from 'pg';
import { databaseUnavailable, queryInOneRoundTrip } from '../role-transactions.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../errors.ts';
import type { FairShare } from '../fair-share.ts';
import type { Metrics } from '../ops/metrics.ts';
import { CLOSE, type Connection, type Connections } from './connections.ts';
import type { RealtimeHub, TaskEvent } from './hub.ts';

/** A subscription's inbox: the events its subscriber may see, in order. */
export type Deliver = (event: TaskEvent) => void;

interface Subscription {
  connection: Connection;
  deliver: Deliver;
}

/** Events checked in one statement at most; a burst beyond it is checked in several, in order. */
const MAX_EVENTS_PER_CHECK = 100;

interface Handlers {
  check(audience: OrganizationAudience, events: TaskEvent[]): Promise<void>;
  failed(audience: OrganizationAudience, error: unknown): void;
}

class OrganizationAudience {
  readonly organizationId: string;
  readonly subscriptions = new Set<Subscription>();
  readonly unsubscribeHub: () => void;
  readonly #handlers: Handlers;
  readonly #pending: TaskEvent[] = [];
  #checking = false;

  constructor(organizationId: string, hub: RealtimeHub, handlers: Handlers) {
    this.organizationId = organizationId;
    this.#handlers = handlers;
    this.unsubscribeHub = hub.subscribeTasks(organizationId, (event) => {
      this.#pending.push(event);
      void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    if (this.#checking) return;
    this.#checking = true;
    try {
      while (this.#pending.length > 0 && this.subscriptions.size > 0) {
        await this.#handlers.check(this, this.#pending.splice(0, MAX_EVENTS_PER_CHECK));
      }
      this.#pending.length = 0;
    } catch (error) {
      this.#pending.length = 0;
      this.#handlers.failed(this, error);
    } finally {
      this.#checking = false;
    }
  }
}

export class TaskAudiences {
  readonly #organizations = new Map<string, OrganizationAudience>();
  readonly #hub: RealtimeHub;
  readonly #pool: pg.Pool;
  readonly #fairShare: FairShare;
  readonly #connections: Connections;
  readonly #metrics: Metrics;
  readonly #handlers: Handlers;

  constructor(hub: RealtimeHub, pool: pg.Pool, fairShare: FairShare, connections: Connections, metrics: Metrics, logError: (error: unknown) => void) {
    this.#hub = hub;
    this.#pool = pool;
    this.#fairShare = fairShare;
    this.#connections = connections;
    this.#metrics = metrics;
    this.#handlers = {
      check: (audience, events) => this.#check(audience, events),
      // An event that could not be checked is told to nobody: its subscribers reconnect and catch up.
      failed: (audience, error) => {
        logError(error);
        for (const { connection } of audience.subscriptions) connections.close(connection, CLOSE.internalError, 'Realtime events could not be checked; reconnect');
      },
    };
  }

  /** Running subscriptions in this process. */
  get subscriptions(): number {
    let count = 0;
    for (const audience of this.#organizations.values()) count += audience.subscriptions.size;
    return count;
  }

  /** Hands the subscription every event of its organization it may see; returns the unsubscribe. */
  subscribe(connection: Connection, deliver: Deliver): () => void {
    const organizationId = connection.organizationId!;
    let audience = this.#organizations.get(organizationId);
    if (!audience) {
      audience = new OrganizationAudience(organizationId, this.#hub, this.#handlers);
      this.#organizations.set(organizationId, audience);
    }
    const subscription = { connection, deliver };
    audience.subscriptions.add(subscription);
    return () => {
      audience.subscriptions.delete(subscription);
      if (audience.subscriptions.size === 0 && this.#organizations.get(organizationId) === audience) {
        audience.unsubscribeHub();
        this.#organizations.delete(organizationId);
      }
    };
  }

  async #check(audience: OrganizationAudience, events: TaskEvent[]): Promise<void> {
    // One reader per session still open and reading; its subscriptions share the answer.
    const bySession = new Map<string, Subscription[]>();
    for (const subscription of audience.subscriptions) {
      const { connection } = subscription;
      if (connection.closed || this.#connections.closedIfNotReading(connection)) continue;
      const key = `${connection.auth.userId} ${connection.auth.sessionId}`;
      const group = bySession.get(key);
      if (group) group.push(subscription);
      else bySession.set(key, [subscription]);
    }
    if (bySession.size === 0) return;
    const groups = [...bySession.values()];
    const readers = groups.map(([{ connection }]) => ({ u: connection.auth.userId, s: connection.auth.sessionId }));
    let pairs: { event: number; reader: number }[];
    // The organization's slot of the pool (fair-share.ts), not any subscriber's.
    const release = await this.#fairShare.acquire({ role: 'app_anonymous', 'jwt.claims.sub': `realtime ${audience.organizationId}`, 'app.current_org_id': audience.organizationId }, { refuse: false });
    try {
      this.#metrics.realtimeChecks.inc();
      pairs = await queryInOneRoundTrip<{ event: number; reader: number }>(
        this.#pool,
        { role: 'app_anonymous' },
        `select event, reader from app_auth.task_event_readers(${literal(audience.organizationId)}::uuid, ${literal(`{${events.map((e) => e.rowId).join(',')}}`)}::uuid[], ${literal(`{${events.map((e) => e.event === 'DELETED').join(',')}}`)}::boolean[], ${literal(JSON.stringify(readers))}::jsonb)`,
      );
    } catch (error) {
      // Nobody may be told of an event that could not be checked: the subscribers reconnect (1012).
      if (!databaseUnavailable(error)) throw error;
      for (const group of groups) for (const { connection } of group) this.#connections.close(connection, CLOSE.serviceRestart, DATABASE_UNAVAILABLE_MESSAGE);
      return;
    } finally {
      release();
    }
    const seen = new Set(pairs.map(({ event, reader }) => `${event} ${reader}`));
    events.forEach((event, e) => {
      groups.forEach((group, r) => {
        const visible = seen.has(`${e + 1} ${r + 1}`);
        for (const { connection, deliver } of group) {
          this.#metrics.realtimeEvents.inc({ outcome: visible ? 'delivered' : 'hidden' });
          if (visible && !connection.closed) deliver(event);
        }
      });
    });
  }
}

const literal = (value: string) => pg.escapeLiteral(value);
