// `start:server` with SERVER_PROCESSES=N: a primary that forks N server processes sharing one port
// (node:cluster hands each new connection to the next process), so the server uses every core.
//
// The primary serves nothing itself. It prints the address once every process listens, keeps the
// count of rate limits when RATE_LIMIT_STORE=cluster (rate-limiter-flexible's RateLimiterClusterMaster),
// answers a process's /metrics with the figures of all of them (prom-client's AggregatorRegistry), and
// replaces a process that dies. SIGINT/SIGTERM: each process drains and exits, then the primary exits 0.
// A process that cannot start reports why; the primary prints it once, stops the others and exits 1.
import cluster, { type Worker } from 'node:cluster';
import pg from 'pg';
import { AggregatorRegistry } from 'prom-client';
import { RateLimiterClusterMaster } from 'rate-limiter-flexible';
import type { Logger } from '../db/log.ts';
import type { Metrics } from './ops/metrics.ts';

type Message =
  | { type: 'rowgate:listening'; url: string; metrics: string }
  | { type: 'rowgate:failed'; message: string }
  | { type: 'rowgate:metrics'; id: number; text?: string; error?: string };

const isMessage = (value: unknown): value is Message => typeof value === 'object' && value !== null && String((value as { type?: unknown }).type).startsWith('rowgate:');

/**
 * The pool each process may keep so that all of them fit in what PostgreSQL has left (max_connections
 * minus the reserved ones and those already open, less ten for the worker, migrations and an operator).
 */
async function poolPerProcess(processes: number, poolSize: number, databaseUrl: string, say: Logger): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [free] } = await client.query<{ free: number }>(
      `select current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
              - (select count(*)::int from pg_stat_activity where backend_type = 'client backend') - 10 as free`,
    );
    const fitting = Math.max(1, Math.floor(free.free / processes));
    if (fitting < poolSize) say.warn(`${processes} processes × DB_POOL_SIZE ${poolSize} would not fit in max_connections; each keeps ${fitting}`);
    return Math.min(poolSize, fitting);
  } finally {
    await client.end();
  }
}

export async function runPrimary(processes: number, poolSize: number, databaseUrl: string, say: Logger): Promise<number> {
  new RateLimiterClusterMaster();
  const aggregator = new AggregatorRegistry();
  let stopping = false;
  let ready = 0;
  const env = { DB_POOL_SIZE: String(await poolPerProcess(processes, poolSize, databaseUrl, say)) };
  const fork = () => cluster.fork(env);

  const exitCode = new Promise<number>((resolve) => {
    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      const done = () => Object.keys(cluster.workers ?? {}).length === 0 && resolve(code);
      // A process leaves cluster.workers once it has both exited and disconnected, in either order: with
      // only 'exit' heard, a last 'disconnect' after it left the primary waiting on an empty event loop
      // (Node then ends it with 13, an unfinished top-level await).
      cluster.on('exit', done);
      cluster.on('disconnect', done);
      done();
    };
    process.once('SIGINT', () => stop(0));
    process.once('SIGTERM', () => stop(0));

    cluster.on('message', (worker: Worker, message: unknown) => {
      if (!isMessage(message)) return;
      if (message.type === 'rowgate:listening' && ++ready === processes) {
        say.info(`GraphQL at ${message.url}/graphql (${processes} processes)`);
        say.info(message.metrics);
      } else if (message.type === 'rowgate:failed') {
        if (!stopping) say.error(message.message);
        stop(1);
      } else if (message.type === 'rowgate:metrics') {
        aggregator.clusterMetrics().then(
          (text) => worker.send({ type: 'rowgate:metrics', id: message.id, text }),
          (error: Error) => worker.send({ type: 'rowgate:metrics', id: message.id, error: error.message }),
        );
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      say.error(`server process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another`);
      fork();
    });
  });
  for (let i = 0; i < processes; i++) fork();
  return exitCode;
}

/** In a cluster process: tells the primary it listens (where, and where its metrics are), or why it failed. */
export function reportToPrimary(message: Exclude<Message, { type: 'rowgate:metrics' }>): void {
  process.send?.(message);
}

/**
 * In a cluster process: /metrics answers with every process's figures, gathered by the primary; this
 * process's registry is what it contributes when asked.
 */
export function shareMetrics(metrics: Metrics): void {
  new AggregatorRegistry(); // registers this process's answer to the primary's requests
  AggregatorRegistry.setRegistries(metrics.registry);
  let next = 0;
  const pending = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();
  process.on('message', (message: unknown) => {
    if (!isMessage(message) || message.type !== 'rowgate:metrics') return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error) waiting?.reject(new Error(message.error));
    else waiting?.resolve(message.text ?? '');
  });
  metrics.scrape = () =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      process.send!({ type: 'rowgate:metrics', id });
    });
}
