// The PostGraphile preset: Amber + simplified names over app_public, connecting as the authenticator.
// Each request's transaction gets `role` (always: an empty pgSettings would run as the authenticator
// without a transaction), the verified user and session, the organization, and audit metadata.
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import type { WebSocket } from '@fastify/websocket';
import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { makePgService } from 'postgraphile/adaptors/pg';
import { SafeError } from 'postgraphile/grafast';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makeChangeNullabilityPlugin } from 'postgraphile/utils';
import type { ServerConfig } from '../config.ts';
import type { Metrics } from '../ops/metrics.ts';
import { requestSettings } from '../request-context.ts';
import { makeDefaultPageSizePlugin } from './default-page-size.ts';
import { makeLimitsPlugin } from './limits.ts';
import { makeMaskError } from './mask-error.ts';
import { makeOperationMetricsPlugin } from './operation-metrics.ts';
import { RefusedWritesPlugin } from './refused-writes.ts';
import { makeTrustedDocumentsPreset } from './trusted-documents.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { TaskChangedPlugin } from '../realtime/schema.ts';

/** What a subscription sent as an HTTP request subscribes to. */
const NO_SUBSCRIPTIONS_OVER_HTTP = {
  subscribe(): never {
    throw new SafeError('Subscriptions run over a WebSocket at /graphql (graphql-transport-ws), not HTTP', { code: 'VALIDATION_FAILED' });
  },
};

/** `realtime`: the server's WebSocket connections; absent where nothing subscribes (schema export, bench). */
export function makePreset(config: ServerConfig, pool: pg.Pool, log: FastifyBaseLogger, metrics: Metrics, realtime?: Realtime): GraphileConfig.Preset {
  return {
    extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, ...makeTrustedDocumentsPreset(config)],
    plugins: [
      makeLimitsPlugin(config),
      makeDefaultPageSizePlugin(config.graphql.maxPageSize),
      RefusedWritesPlugin,
      TaskChangedPlugin,
      makeOperationMetricsPlugin(metrics),
      // Array elements are never null (check constraints), which PostgreSQL's types cannot say.
      makeChangeNullabilityPlugin({ Query: { currentUserPermissions: '[!]' }, Role: { permissions: '[!]!' } }),
    ],
    pgServices: [makePgService({ pool, schemas: ['app_public'] })],
    gather: { pgStrictFunctions: true },
    grafserv: {
      graphqlPath: '/graphql',
      graphiql: !config.production,
      graphiqlPath: '/graphiql',
      graphiqlOnGraphQLGET: false,
      graphqlOverGET: false,
      // The WebSocket route is rowgate's own (server/realtime/websocket.ts), on grafserv's handling.
      websockets: false,
      maxRequestLength: config.bodyLimit,
      maskError: makeMaskError(log),
    },
    grafast: {
      explain: false,
      timeouts: { planning: config.planningTimeoutMs, execution: config.executionTimeoutMs },
      context(requestContext) {
        const request = requestContext.fastifyv5?.request as FastifyRequest | undefined;
        if (request) return { pgSettings: requestSettings(request, config), rowgateTaskEvents: NO_SUBSCRIPTIONS_OVER_HTTP };
        // A subscription: the settings of its connection, as authenticated at connection_init.
        const socket = (requestContext as { ws?: { socket: WebSocket } }).ws?.socket;
        return (socket && realtime?.contextOf(socket)) ?? { pgSettings: { role: 'app_anonymous' } };
      },
    },
  };
}
