// `start:worker`'s own listener (METRICS_HOST:METRICS_PORT): /metrics (worker/metrics.ts, plus Node's
// process metrics and build info) and /healthz, 200 while the database answers its lease renewals and no
// runner is stuck, else 503 with the reason (a container health check, a load balancer's probe).
import { Registry } from 'prom-client';
import { addMetricsRoute, listenApart, registerProcessMetrics, type MetricsListener } from '../server/ops/metrics-endpoint.ts';
import { errorBody } from '../server/errors.ts';
import type { WorkerConfig } from './config.ts';
import { registerWorkerMetrics } from './metrics.ts';
import type { RunningWorker } from './runner.ts';

export function serveMonitoring({ host, port, token }: WorkerConfig['monitoring'] & { port: number }, worker: RunningWorker): Promise<MetricsListener> {
  const registry = new Registry();
  registerProcessMetrics(registry, 'worker');
  registerWorkerMetrics(registry, worker);
  return listenApart(host, port, (app) => {
    addMetricsRoute(app, registry, () => registry.metrics(), token);
    app.get('/healthz', async (_request, reply) => {
      const { databaseUp, stuckRunners } = worker.health();
      if (!databaseUp) return reply.status(503).send(errorBody('NOT_READY', 'The database does not answer'));
      if (stuckRunners > 0) return reply.status(503).send(errorBody('NOT_READY', `${stuckRunners} job runner(s) stuck, being replaced`));
      return { status: 'ok' };
    });
  });
}
