// The server's /metrics in Prometheus text format, every name prefixed rowgate_: HTTP duration by route and
// status, GraphQL operations by name and outcome, the database pool, realtime (connections,
// subscriptions, events, delivery time, closes), whether the database answers, plus Node's process
// metrics and build info (metrics-endpoint.ts) and, under `npm start`, the worker's (worker/metrics.ts).
// Served where the configuration says (server/config.ts: the main port in development, a listener of its
// own with METRICS_PORT, behind a bearer token with METRICS_TOKEN), never to just anyone on the public
// port in production.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { registerWorkerMetrics } from '../../worker/metrics.ts';
import type { RunningWorker } from '../../worker/runner.ts';
import type { ServerConfig } from '../config.ts';
import { creditRoundTrip } from '../request-ledger.ts';
import { shippedOperationNames } from '../shipped-operations.ts';
import { addMetricsRoute, listenApart, registerProcessMetrics, type MetricsListener } from './metrics-endpoint.ts';

/** What the realtime gauges read (server/realtime/realtime.ts). */
export interface RealtimeSource {
  connections(): number;
  subscriptions(): number;
  /** Whether the LISTEN connection is open (it reconnects every second while the database is away). */
  listening(): boolean;
}

export class Metrics {
  readonly registry = new Registry();
  /** The text /metrics answers: this process's figures, or (in a cluster) every process's, summed. */
  scrape: () => Promise<string> = () => this.registry.metrics();
  readonly httpDuration = new Histogram({
    name: 'rowgate_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: 'rowgate_graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (ok, error, rejected)',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });

  /** Task events checked for one subscriber: delivered, or hidden because RLS does not let it see the row. */
  readonly realtimeEvents = new Counter({
    name: 'rowgate_realtime_events_total',
    help: 'Task events checked for a subscriber, by outcome: delivered, or hidden (RLS does not let the subscriber see it)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  /** Statements that decided who may see task events (one per batch of events per organization, audience.ts). */
  readonly realtimeChecks = new Counter({
    name: 'rowgate_realtime_checks_total',
    help: 'Statements deciding which subscribers may see task events: one per batch of an organization\'s events, whatever the number of subscribers',
    registers: [this.registry],
  });
  readonly realtimeDelivery = new Histogram({
    name: 'rowgate_realtime_delivery_seconds',
    help: 'From a task event reaching this process to its delivery to one subscriber (the check of its batch, and its queue)',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly realtimeCloses = new Counter({
    name: 'rowgate_realtime_closes_total',
    help: 'Realtime connections closed by the server, by close code (1012 reconnect, 1013 not reading, 4401 session ended, 4403 forbidden, 4429 too many, 1001 stopping)',
    labelNames: ['code'],
    registers: [this.registry],
  });

  /** Label values of `operation`: the shipped operations' names; anything else is `other`. */
  readonly #operationNames = shippedOperationNames();

  constructor(pool: pg.Pool) {
    registerProcessMetrics(this.registry, 'server');
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(read()); } });
    poolGauge('rowgate_db_pool_connections', 'Connections open in the API pool', () => pool.totalCount);
    poolGauge('rowgate_db_pool_idle_connections', 'Idle connections in the API pool', () => pool.idleCount);
    poolGauge('rowgate_db_pool_waiting_requests', 'Requests waiting for a pool connection', () => pool.waitingCount);
    // Each query message is one round trip, the cost that dominates a request on these machines.
    const roundTrips = new Counter({ name: 'rowgate_db_round_trips_total', help: 'Messages the API pool sent to PostgreSQL (one round trip each)', registers: [this.registry] });
    pool.on('connect', (client) => {
      const query = client.query as (...args: unknown[]) => unknown;
      client.query = function (this: { readyForQuery?: boolean }, ...args: unknown[]) {
        // A message written while another is in flight (the pool pipelines: pg-adaptor.ts) shares its trip.
        if (this.readyForQuery) {
          roundTrips.inc();
          creditRoundTrip(this);
        }
        return query.apply(this, args);
      } as typeof client.query;
    });
  }

  /** Background jobs run in this process (npm start): the worker's figures on this /metrics. */
  attachWorker(worker: RunningWorker) {
    registerWorkerMetrics(this.registry, worker, { databaseUp: false });
  }

  /** When the newest backup completed (npm start's scheduled backups of its embedded PostgreSQL). */
  attachBackups(newest: () => Promise<Date | undefined>) {
    new Gauge({
      name: 'rowgate_backup_last_success_timestamp_seconds',
      help: 'When the newest backup of the embedded PostgreSQL completed (Unix time); absent before the first',
      registers: [this.registry],
      async collect() {
        const completed = await newest().catch(() => undefined);
        this.set(completed ? completed.getTime() / 1000 : Number.NaN);
      },
    });
  }

  /** Realtime's gauges, and whether the database answers (the LISTEN connection is the one always held). */
  attachRealtime(source: RealtimeSource) {
    const registers = [this.registry];
    new Gauge({ name: 'rowgate_realtime_connections', help: 'Open realtime (WebSocket) connections', registers, collect() { this.set(source.connections()); } });
    new Gauge({ name: 'rowgate_realtime_subscriptions', help: 'Running subscriptions', registers, collect() { this.set(source.subscriptions()); } });
    new Gauge({
      name: 'rowgate_database_up',
      help: '1 when the database answered this process lately (the server: its realtime LISTEN connection is open; it reconnects every second)',
      registers,
      // Several server processes: down if any is.
      aggregator: 'min',
      collect() {
        this.set(source.listening() ? 1 : 0);
      },
    });
  }

  countOperation(name: string | undefined, outcome: 'ok' | 'error' | 'rejected') {
    // A fixed label set: clients can neither grow it nor learn other tenants' operation names from it.
    this.graphqlOperations.inc({ operation: name !== undefined && this.#operationNames.has(name) ? name : 'other', outcome });
  }
}

/** Counts every response; serves /metrics on this app when the configuration puts it on the main port. */
export const metricsPlugin = fp(async (app: FastifyInstance, { metrics, config }: { metrics: Metrics; config: Pick<ServerConfig, 'metrics'> }) => {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
  if (config.metrics.onMainPort) addMetricsRoute(app, metrics.registry, () => metrics.scrape(), config.metrics.token);
});

/** /metrics on a listener of its own (METRICS_HOST:METRICS_PORT), away from the public port. */
export function listenForMetrics(config: Pick<ServerConfig, 'metrics'>, metrics: Metrics): Promise<MetricsListener> {
  return listenApart(config.metrics.host, config.metrics.port!, (app) => addMetricsRoute(app, metrics.registry, () => metrics.scrape(), config.metrics.token));
}
