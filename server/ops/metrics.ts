// /metrics in Prometheus text format: HTTP duration by route and status, GraphQL operations by name and
// outcome, the database pool, and Node's default process metrics. Served where the configuration says
// (server/config.ts: the main port in development, a listener of its own with METRICS_PORT, behind a
// bearer token with METRICS_TOKEN), never to just anyone on the public port in production.
import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ServerConfig } from '../config.ts';
import { AppError, installErrorHandler, notFound } from '../errors.ts';
import { DATABASE_USER, type DatabaseUse } from '../request-context.ts';
import { shippedOperationNames } from '../graphql/trusted-documents.ts';

/** What /metrics needs from a worker running in the same process (worker/runner.ts provides it). */
export interface JobSource {
  onJob(listener: (task: string, outcome: string) => void): void;
  permanentlyFailedJobs(): Promise<number>;
  auditEventsSetAside(): Promise<number>;
}

export class Metrics {
  readonly registry = new Registry();
  /** The text /metrics answers: this process's figures, or (in a cluster) every process's, summed. */
  scrape: () => Promise<string> = () => this.registry.metrics();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly graphqlOperations = new Counter({
    name: 'graphql_operations_total',
    help: 'GraphQL operations by operation name and outcome (ok, error, rejected)',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });

  /** Label values of `operation`: the shipped operations' names; anything else is `other`. */
  readonly #operationNames = shippedOperationNames();

  constructor(pool: pg.Pool) {
    collectDefaultMetrics({ register: this.registry });
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(read()); } });
    poolGauge('db_pool_connections', 'Connections open in the API pool', () => pool.totalCount);
    poolGauge('db_pool_idle_connections', 'Idle connections in the API pool', () => pool.idleCount);
    poolGauge('db_pool_waiting_requests', 'Requests waiting for a pool connection', () => pool.waitingCount);
    // Each query message is one round trip, the cost that dominates a request on these machines.
    const roundTrips = new Counter({ name: 'db_round_trips_total', help: 'Messages the API pool sent to PostgreSQL (one round trip each)', registers: [this.registry] });
    pool.on('connect', (client) => {
      const query = client.query as (...args: unknown[]) => unknown;
      client.query = function (this: { [DATABASE_USER]?: DatabaseUse }, ...args: unknown[]) {
        roundTrips.inc();
        const user = this[DATABASE_USER];
        if (user) user.roundTrips += 1;
        return query.apply(this, args);
      } as typeof client.query;
    });
  }

  /** Background jobs run in this process (npm start): counted by task and outcome, plus the dead ones. */
  attachJobs(jobs: JobSource) {
    const counter = new Counter({
      name: 'worker_jobs_total',
      help: 'Background jobs by task and outcome (ok, retrying, failed = attempts used up)',
      labelNames: ['task', 'outcome'],
      registers: [this.registry],
    });
    jobs.onJob((task, outcome) => counter.inc({ task, outcome }));
    new Gauge({
      name: 'worker_jobs_permanently_failed',
      help: 'Jobs that used up their attempts and wait in the queue for an operator',
      registers: [this.registry],
      async collect() {
        this.set(await jobs.permanentlyFailedJobs().catch(() => Number.NaN));
      },
    });
    new Gauge({
      name: 'audit_events_set_aside',
      help: 'Changes whose audit row can never be written (bad data), kept in app_worker.audit_outbox for an operator',
      registers: [this.registry],
      async collect() {
        this.set(await jobs.auditEventsSetAside().catch(() => Number.NaN));
      },
    });
  }

  countOperation(name: string | undefined, outcome: 'ok' | 'error' | 'rejected') {
    // A fixed label set: clients can neither grow it nor learn other tenants' operation names from it.
    this.graphqlOperations.inc({ operation: name !== undefined && this.#operationNames.has(name) ? name : 'other', outcome });
  }
}

/** The name a refused request gave its operation: `operationName`, or the document's first operation name. */
function requestedOperationName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const { operationName, query } = body as { operationName?: unknown; query?: unknown };
  if (typeof operationName === 'string') return operationName;
  // A refused document may not parse (or be too large to parse); a cheap look at its start is enough.
  return typeof query === 'string' ? /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(query.slice(0, 200))?.[1] : undefined;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function addMetricsRoute(app: FastifyInstance, metrics: Metrics, token: string | undefined) {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  app.get('/metrics', async (request, reply) => {
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      reply.header('www-authenticate', 'Bearer');
      throw new AppError('INVALID_TOKEN', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    }
    return reply.type(metrics.registry.contentType).send(await metrics.scrape());
  });
}

/** Counts every response; serves /metrics on this app when the configuration puts it on the main port. */
export const metricsPlugin = fp(async (app: FastifyInstance, { metrics, config }: { metrics: Metrics; config: ServerConfig }) => {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (route === '/graphql' && request.method === 'POST' && !request.graphqlOperation) {
      metrics.countOperation(requestedOperationName(request.body), 'rejected');
    }
  });
  if (config.metrics.onMainPort) addMetricsRoute(app, metrics, config.metrics.token);
});

/** /metrics on a listener of its own (METRICS_HOST:METRICS_PORT), away from the public port. */
export async function listenForMetrics(config: ServerConfig, metrics: Metrics): Promise<{ url: string; close(): Promise<void> }> {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.setNotFoundHandler(notFound);
  addMetricsRoute(app, metrics, config.metrics.token);
  const url = await app.listen({ host: config.metrics.host, port: config.metrics.port });
  return { url, close: () => app.close() };
}
