// /metrics in Prometheus text format: HTTP duration by route and status, GraphQL operations by name and
// outcome, the database pool, and Node's default process metrics.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What /metrics needs from a worker running in the same process (worker/runner.ts provides it). */
export interface JobSource {
  onJob(listener: (task: string, outcome: string) => void): void;
  permanentlyFailedJobs(): Promise<number>;
}

export class Metrics {
  readonly registry = new Registry();
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

  constructor(pool: pg.Pool) {
    collectDefaultMetrics({ register: this.registry });
    const poolGauge = (name: string, help: string, read: () => number) =>
      new Gauge({ name, help, registers: [this.registry], collect() { this.set(read()); } });
    poolGauge('db_pool_connections', 'Connections open in the API pool', () => pool.totalCount);
    poolGauge('db_pool_idle_connections', 'Idle connections in the API pool', () => pool.idleCount);
    poolGauge('db_pool_waiting_requests', 'Requests waiting for a pool connection', () => pool.waitingCount);
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
  }

  /** Requests whose GraphQL operation reached execution; the others are counted as `rejected`. */
  private readonly executed = new WeakSet<object>();

  markExecuted(request: object) {
    this.executed.add(request);
  }

  wasExecuted(request: object): boolean {
    return this.executed.has(request);
  }

  countOperation(name: string | undefined, outcome: 'ok' | 'error' | 'rejected') {
    // Unnamed operations share one label value, so clients cannot grow the label set without bound.
    this.graphqlOperations.inc({ operation: name && /^\w{1,64}$/.test(name) ? name : 'anonymous', outcome });
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

export const metricsPlugin = fp(async (app: FastifyInstance, { metrics }: { metrics: Metrics }) => {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpDuration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    if (route === '/graphql' && request.method === 'POST' && !metrics.wasExecuted(request)) {
      metrics.countOperation(requestedOperationName(request.body), 'rejected');
    }
  });
  app.get('/metrics', { config: { rateLimit: false } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
});
