// What every rowgate process exports beside its own figures (Node's process metrics and a build-info
// metric), and /metrics on a listener of its own, away from the public port: the server's when
// METRICS_PORT is set, the worker's always with its health check (worker/monitoring.ts).
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Gauge, type Registry } from 'prom-client';
import { AppError, installErrorHandler, notFound } from '../errors.ts';

const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * Node's process metrics under their usual names (process_*, nodejs_*: what stock dashboards read) and
 * rowgate_build_info{component,version,node} = 1.
 */
export function registerProcessMetrics(registry: Registry, component: 'server' | 'worker'): void {
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'rowgate_build_info',
    help: 'Always 1; the labels say which component, rowgate version and Node version run',
    labelNames: ['component', 'version', 'node'],
    registers: [registry],
    // Several server processes (node:cluster) are one build: not summed.
    aggregator: 'first',
  }).set({ component, version: VERSION, node: process.versions.node }, 1);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** GET /metrics answering `scrape()`, behind `Authorization: Bearer <token>` when a token is set. */
export function addMetricsRoute(app: FastifyInstance, registry: Registry, scrape: () => Promise<string>, token: string | undefined): void {
  const expected = token === undefined ? undefined : digest(`Bearer ${token}`);
  app.get('/metrics', async (request, reply) => {
    if (expected && !timingSafeEqual(digest(request.headers.authorization ?? ''), expected)) {
      reply.header('www-authenticate', 'Bearer');
      throw new AppError('INVALID_TOKEN', 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    }
    return reply.type(registry.contentType).send(await scrape());
  });
}

export interface MetricsListener {
  url: string;
  close(): Promise<void>;
}

/** A Fastify app of its own on METRICS_HOST:METRICS_PORT, with what `routes` adds (/metrics; the worker's /healthz). */
export async function listenApart(host: string, port: number, routes: (app: FastifyInstance) => void): Promise<MetricsListener> {
  const app = Fastify({ logger: false });
  installErrorHandler(app);
  app.setNotFoundHandler(notFound);
  routes(app);
  const url = await app.listen({ host, port }).catch(explainListen('METRICS_HOST', 'METRICS_PORT', host, port));
  return { url, close: () => app.close() };
}

/** A listen error an operator can act on: which setting names the address that is taken or not ours. */
export function explainListen(hostVariable: string, portVariable: string, host: string, port: number) {
  return (error: NodeJS.ErrnoException): never => {
    if (error.code === 'EADDRINUSE') throw new Error(`${portVariable} ${port} on ${host} is taken (another rowgate?): choose another, or ${portVariable}=0 for a free one`);
    if (error.code === 'EADDRNOTAVAIL' || error.code === 'EACCES') throw new Error(`cannot listen on ${host}:${port} (${error.code}): check ${hostVariable} and ${portVariable}`);
    throw error;
  };
}
