// One log line per request, at the level its outcome deserves: Fastify's own two lines per request at
// info cost more CPU than many a request (pino serializes them even when nobody reads them), so they are
// off, and this line is at debug for an ordinary answer, info for a client's mistake, warn for a request
// slower than SLOW_OPERATION_MS, error for a server failure, with the same fields every time: the request
// id (bound to every line of the request), method, route, status, duration, the GraphQL operation and
// its round trips to PostgreSQL.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export const accessLogPlugin = fp(async (app: FastifyInstance, { slowOperationMs }: { slowOperationMs: number }) => {
  app.addHook('onResponse', async (request, reply) => {
    const durationMs = Math.round(reply.elapsedTime * 10) / 10;
    const status = reply.statusCode;
    const slow = durationMs >= slowOperationMs;
    const level = status >= 500 ? 'error' : slow ? 'warn' : status >= 400 ? 'info' : 'debug';
    if (!(request.log as unknown as { isLevelEnabled(level: string): boolean }).isLevelEnabled(level)) return;
    const fields = {
      method: request.method,
      route: request.routeOptions.url ?? request.url.split('?')[0],
      status,
      durationMs,
      ...(request.graphqlOperation ? { operation: request.graphqlOperation.name ?? '(anonymous)' } : {}),
      roundTrips: request.ledger?.roundTrips ?? 0,
    };
    request.log[level](fields, slow ? 'slow request' : 'request');
  });
});
