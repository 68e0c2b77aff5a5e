// Starts the HTTP server on an authenticator pool (and /metrics on its own listener when METRICS_PORT is
// set); close() stops accepting, lets in-flight requests finish, then releases PostGraphile and the pool.
import cluster from 'node:cluster';
import pg from 'pg';
import { makeLogger, type Logger } from '../db/log.ts';
import { buildApp } from './app.ts';
import { shareMetrics } from './cluster.ts';
import type { ServerConfig } from './config.ts';
import type { RunningWorker } from '../worker/runner.ts';
import { listenForMetrics, Metrics } from './ops/metrics.ts';
import { explainListen } from './ops/metrics-endpoint.ts';

export interface RunningServer {
  url: string;
  /** Where /metrics listens when it has a port of its own. */
  metricsUrl: string | undefined;
  close(): Promise<void>;
}

export async function startServer(
  config: ServerConfig,
  authenticatorUrl: string,
  options: {
    poolSize?: number;
    worker?: RunningWorker;
    /** When the newest backup completed (npm start's embedded PostgreSQL), for /metrics. */
    newestBackup?: () => Promise<Date | undefined>;
    /** A superuser's URL: rebuild the schema when the database's DDL changes (development). */
    watchAs?: string;
    /** The process's logger (default: JSON lines on stdout, db/log.ts). */
    log?: Logger;
  } = {},
): Promise<RunningServer> {
  const { poolSize = config.poolSize, worker, newestBackup, log = makeLogger(), watchAs } = options;
  // Settings for the connection's life, at startup, without a round trip: JIT optimization off (as
  // @dataplan/pg would set it), and the configured invitation budgets.
  const settings = { jit_optimize_above_cost: '-1', ...config.databaseSettings };
  const startup = Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`).join(' ');
  // `pipeline`: a query is written at once, not after the answer to the one before it, so a request's
  // transaction opens in the same write as its first statement (graphql/pg-adaptor.ts).
  const pool = new pg.Pool({ connectionString: authenticatorUrl, max: poolSize, connectionTimeoutMillis: 5_000, options: startup, pipeline: true });
  // A connection that dies (PostgreSQL restarted) is an 'error' event on its client: on an idle one the
  // pool's own listener; on one a request holds, this one, or the process would end with an unhandled
  // 'error' (pg-pool removes its idle listener on checkout). The request's query fails and is answered.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const metrics = new Metrics(pool);
  if (worker) metrics.attachWorker(worker);
  if (newestBackup) metrics.attachBackups(newestBackup);
  if (cluster.isWorker) shareMetrics(metrics);
  let metricsListener: Awaited<ReturnType<typeof listenForMetrics>> | undefined;
  try {
    const app = await buildApp(config, { pool, metrics, listenUrl: authenticatorUrl, log, watchAs });
    try {
      const address = await app.listen({ host: config.host, port: config.port }).catch(explainListen('HOST', 'PORT', config.host, config.port));
      if (config.metrics.port !== undefined) {
        metricsListener = await listenForMetrics(config, metrics);
      }
      return {
        url: address,
        metricsUrl: metricsListener?.url,
        async close() {
          await metricsListener?.close();
          await app.close();
          await pool.end();
        },
      };
    } catch (error) {
      await app.close();
      throw error;
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** Where an operator finds /metrics, for the start-up lines of `npm start` and `start:server`. */
export function metricsNotice(config: ServerConfig, server: RunningServer): string {
  if (server.metricsUrl) return `metrics at ${server.metricsUrl}/metrics`;
  if (config.metrics.onMainPort) return `metrics at ${server.url}/metrics${config.metrics.token ? ' (bearer METRICS_TOKEN)' : ''}`;
  return 'metrics off (set METRICS_PORT, or METRICS_TOKEN to serve them on this port)';
}
